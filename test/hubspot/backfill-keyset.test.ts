import { describe, expect, it } from 'vitest';
import {
  advance,
  type BackfillPosition,
  backfillFilters,
  backfillSort,
} from '../../src/hubspot/backfill/backfill-keyset.ts';

const r = (id: string, t: number | null) => ({ id, t });
const start: BackfillPosition = { kind: 'below', at: 1_000, inclusive: false, skip: [] };

describe('the first-install import keyset (newest first, then by id)', () => {
  it('searches below the install, newest first', () => {
    expect(backfillFilters(start, 'hs_v2_date_entered_sql')).toEqual([
      { propertyName: 'hs_v2_date_entered_sql', operator: 'LT', value: '1000' },
    ]);
    expect(backfillSort(start, 'hs_v2_date_entered_sql')).toEqual({
      propertyName: 'hs_v2_date_entered_sql',
      direction: 'DESCENDING',
    });
  });

  it('continues at the last value of a full page, skipping the ids already read there', () => {
    const page = [r('1', 900), r('2', 800), r('3', 700), r('4', 700)];
    const next = advance(start, page, true);
    expect(next.take).toEqual(page);
    expect(next.next).toEqual({ kind: 'below', at: 700, inclusive: true, skip: ['3', '4'] });
    if (next.next === null) throw new Error('more expected');
    expect(backfillFilters(next.next, 'd')).toEqual([{ propertyName: 'd', operator: 'LTE', value: '700' }]);
    // HubSpot returns those two again first: they are not taken twice.
    const again = advance(next.next, [r('4', 700), r('3', 700), r('5', 700), r('6', 650)], false);
    expect(again.take.map((x) => x.id)).toEqual(['5', '6']);
    expect(again.next).toBeNull();
  });

  it('hands a page that never left one value to a walk of that value by id, then goes on below it', () => {
    const at700: BackfillPosition = { kind: 'below', at: 700, inclusive: true, skip: ['3'] };
    const page = [r('3', 700), r('9', 700), r('7', 700)];
    const tie = advance(at700, page, true);
    expect(tie).toEqual({ take: [], next: { kind: 'tie', at: 700, afterId: '0', skip: ['3'] } });
    if (tie.next === null) throw new Error('a walk expected');
    expect(backfillFilters(tie.next, 'd')).toEqual([
      { propertyName: 'd', operator: 'EQ', value: '700' },
      { propertyName: 'hs_object_id', operator: 'GT', value: '0' },
    ]);
    expect(backfillSort(tie.next, 'd')).toEqual({ propertyName: 'hs_object_id', direction: 'ASCENDING' });
    const walked = advance(tie.next, [r('3', 700), r('7', 700)], true);
    expect(walked).toEqual({
      take: [r('7', 700)],
      next: { kind: 'tie', at: 700, afterId: '7', skip: ['3'] },
    });
    if (walked.next === null) throw new Error('more expected');
    const end = advance(walked.next, [r('9', 700)], false);
    expect(end).toEqual({
      take: [r('9', 700)],
      next: { kind: 'below', at: 700, inclusive: false, skip: [] },
    });
  });

  it('walks stages without a stable date by object id to the end', () => {
    const byId: BackfillPosition = { kind: 'id', afterId: null };
    expect(backfillFilters(byId, 'lastmodifieddate')).toEqual([]);
    const page = advance(byId, [r('4', null), r('8', null)], true);
    expect(page.next).toEqual({ kind: 'id', afterId: '8' });
    expect(advance({ kind: 'id', afterId: '8' }, [r('9', null)], false).next).toBeNull();
  });
});
