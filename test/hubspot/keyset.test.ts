import { describe, expect, it } from 'vitest';
import {
  afterExhausted,
  decodeCursor,
  emptyCursor,
  encodeCursor,
  MAX_SEEN,
  nextCursor,
  nextPosition,
  positionFilters,
  positionSort,
  startPosition,
} from '../../src/hubspot/keyset.ts';

const MIN = 60_000;

describe('keyset positions', () => {
  it('starts a first poll at now minus the initial look-back', () => {
    expect(startPosition(emptyCursor, 100 * MIN, 10 * MIN, 30 * MIN)).toEqual({
      kind: 'from',
      at: 70 * MIN,
      inclusive: true,
    });
  });

  it('starts later polls one overlap before the watermark, for search-index lag', () => {
    const cursor = { watermark: 50 * MIN, resume: null, seen: new Map() };
    expect(startPosition(cursor, 100 * MIN, 10 * MIN, 30 * MIN)).toEqual({
      kind: 'from',
      at: 40 * MIN,
      inclusive: true,
    });
  });

  it('resumes exactly where a poll that stopped early left off, without overlap', () => {
    const resume = { kind: 'from', at: 42 * MIN, inclusive: true } as const;
    expect(startPosition({ watermark: 42 * MIN, resume, seen: new Map() }, 100 * MIN, 10 * MIN, 0)).toBe(
      resume,
    );
  });

  it('filters and sorts on the date property, or on the object id inside a tie', () => {
    expect(positionFilters({ kind: 'from', at: 5, inclusive: true }, 'd')).toEqual([
      { propertyName: 'd', operator: 'GTE', value: '5' },
    ]);
    expect(positionFilters({ kind: 'from', at: 5, inclusive: false }, 'd')).toEqual([
      { propertyName: 'd', operator: 'GT', value: '5' },
    ]);
    expect(positionFilters({ kind: 'tie', at: 5, afterId: '77' }, 'd')).toEqual([
      { propertyName: 'd', operator: 'EQ', value: '5' },
      { propertyName: 'hs_object_id', operator: 'GT', value: '77' },
    ]);
    expect(positionSort({ kind: 'tie', at: 5, afterId: '77' }, 'd')).toEqual({
      propertyName: 'hs_object_id',
      direction: 'ASCENDING',
    });
    expect(positionSort({ kind: 'from', at: 5, inclusive: true }, 'd')).toEqual({
      propertyName: 'd',
      direction: 'ASCENDING',
    });
  });

  it('restarts from the last value seen when a slice made progress', () => {
    expect(nextPosition({ kind: 'from', at: 0, inclusive: true }, 10, 20, '9')).toEqual({
      kind: 'from',
      at: 20,
      inclusive: true,
    });
  });

  it('walks a value by object id when a whole slice shares it (more than 10,000 at one instant)', () => {
    // HubSpot's order among equal values is arbitrary: the walk starts at the lowest id.
    expect(nextPosition({ kind: 'from', at: 0, inclusive: true }, 20, 20, '9')).toEqual({
      kind: 'tie',
      at: 20,
      afterId: '0',
    });
    expect(nextPosition({ kind: 'tie', at: 20, afterId: '9' }, 20, 20, '400')).toEqual({
      kind: 'tie',
      at: 20,
      afterId: '400',
    });
  });

  it('continues past a finished tie, and is done after any other finished slice', () => {
    expect(afterExhausted({ kind: 'tie', at: 20, afterId: '9' })).toEqual({
      kind: 'from',
      at: 20,
      inclusive: false,
    });
    expect(afterExhausted({ kind: 'from', at: 20, inclusive: true })).toBeNull();
  });
});

describe('keyset cursors', () => {
  it('round-trips through its text form', () => {
    const cursor = {
      watermark: 5,
      resume: { kind: 'tie', at: 5, afterId: '3' } as const,
      seen: new Map([['a', 5]]),
    };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it('refuses text that is not one of its cursors', () => {
    expect(decodeCursor('not json')).toBeNull();
    expect(decodeCursor('{"v":2}')).toBeNull();
    expect(decodeCursor('"123"')).toBeNull();
  });

  it('advances the watermark and keeps only dedupe keys inside the overlap window', () => {
    const previous = {
      watermark: 100,
      resume: null,
      seen: new Map([
        ['old', 50],
        ['recent', 95],
      ]),
    };
    const next = nextCursor(previous, 120, null, new Map([['new', 120]]), 20);
    expect(next.watermark).toBe(120);
    expect([...next.seen.keys()]).toEqual(['new']);
    const wider = nextCursor(previous, 120, null, new Map([['new', 120]]), 30);
    expect([...wider.seen.keys()]).toEqual(['recent', 'new']);
  });

  it('never moves the watermark back when a poll saw nothing newer', () => {
    expect(
      nextCursor({ watermark: 100, resume: null, seen: new Map() }, 90, null, new Map(), 10).watermark,
    ).toBe(100);
    expect(
      nextCursor({ watermark: 100, resume: null, seen: new Map() }, null, null, new Map(), 10).watermark,
    ).toBe(100);
  });

  it('bounds the dedupe set, keeping the newest keys', () => {
    const added = new Map(Array.from({ length: MAX_SEEN + 5 }, (_, i) => [`k${i}`, 1_000 + i] as const));
    const next = nextCursor(emptyCursor, 1_000 + MAX_SEEN + 4, null, added, 1_000_000);
    expect(next.seen.size).toBe(MAX_SEEN);
    expect(next.seen.has('k0')).toBe(false);
    expect(next.seen.has(`k${MAX_SEEN + 4}`)).toBe(true);
  });
});
