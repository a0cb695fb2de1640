import { describe, expect, it } from 'vitest';
import {
  buildReport,
  type DealRecordFacts,
  dealStages,
  type ReportQuery,
} from '../../../src/domain/reports/index.ts';
import { renderCsv } from '../../../src/reports/format/csv.ts';
import { figureRows } from '../../../src/reports/format/figure-rows.ts';
import { at, facts, NOW, SINCE, setup, UNTIL } from '../../fixtures/reports/hand-computed.ts';

const query = (over: Partial<ReportQuery> = {}): ReportQuery => ({
  since: SINCE,
  until: UNTIL,
  period: 'week',
  team: null,
  rep: null,
  stage: null,
  ...over,
});

const deal = (id: string, contact: string, over: Partial<DealRecordFacts>): DealRecordFacts => ({
  id,
  contactIds: [contact],
  closedWon: true,
  closedAt: at(20),
  amount: '1000',
  currency: 'EUR',
  ...over,
});

/**
 * SQLs of March: A (Mar 2), B (Mar 3), C (Mar 4), G (Mar 20); I entered in April.
 * - A: won d1 10,000.00 EUR (Mar 20) and d2 5,000 EUR (Mar 25) → won; EUR average 7,500.00.
 * - B: d3 won on Mar 1, before B became SQL → not won (and B's deals are not read: unread).
 * - C: d4 won Apr 2 (after the window, still after the SQL entry), 2,500.5 USD → won; USD average 2,500.50.
 * - G: d5 open, d6 won Mar 22 without an amount → won, in no average.
 * SQL → won: 3 of 4 = 75 %.
 */
const deals: DealRecordFacts[] = [
  deal('d1', 'c-A', { amount: '10000.00' }),
  deal('d2', 'c-A', { amount: '5000', closedAt: at(25) }),
  deal('d3', 'c-B', { closedAt: at(1) }),
  deal('d4', 'c-C', { amount: '2500.5', currency: 'USD', closedAt: at(2, 9, 4) }),
  deal('d5', 'c-G', { closedWon: false, closedAt: null }),
  deal('d6', 'c-G', { amount: null, closedAt: at(22) }),
];
const withDeals = { ...facts, deals: { deals, readContacts: ['c-A', 'c-C', 'c-G'] } };

describe('SQL → won deal and average deal value (hand-computed)', () => {
  const report = buildReport(withDeals, setup, query(), NOW);
  const d = report.delivery.deals;
  if (!d.available) throw new Error('deals expected');

  it('counts SQLs whose contact won a deal closed after the SQL entry', () => {
    expect(d.sqls).toEqual({ value: 4, ids: ['A', 'B', 'C', 'G'] });
    expect(d.won).toEqual({ value: 3, ids: ['A', 'C', 'G'] });
    expect(d.rate).toEqual({ value: 75, ids: ['A', 'B', 'C', 'G'] });
  });

  it('averages won deals per currency, never across currencies, and skips deals without an amount', () => {
    expect(d.averageValue).toEqual([
      {
        key: 'EUR',
        label: 'EUR',
        currency: 'EUR',
        deals: 2,
        total: 15000,
        average: { value: 7500, ids: ['A'] },
      },
      {
        key: 'USD',
        label: 'USD',
        currency: 'USD',
        deals: 1,
        total: 2500.5,
        average: { value: 2500.5, ids: ['C'] },
      },
    ]);
  });

  it('says how many SQLs have deals not read yet, and no longer says "no deal data"', () => {
    expect(d.unread).toEqual({ value: 1, ids: ['B'] });
    expect(report.notes).not.toContainEqual({ code: 'no-deal-data' });
    expect(report.notes).toContainEqual({ code: 'deals-unread', leads: 1 });
  });

  it('gives the same figures per team of the owner, from the same deals', () => {
    expect(d.byTeam.map((t) => [t.key, t.sqls.ids, t.won.ids, t.rate.value, t.unread.ids])).toEqual([
      ['benelux', ['A', 'B', 'C'], ['A', 'C'], 66.7, ['B']],
      ['dach', ['G'], ['G'], 100, []],
    ]);
    const [benelux, dach] = d.byTeam;
    expect(benelux?.averageValue.map((a) => [a.key, a.average])).toEqual([
      ['EUR', { value: 7500, ids: ['A'] }],
      ['USD', { value: 2500.5, ids: ['C'] }],
    ]);
    expect(dach?.averageValue).toEqual([]);
  });

  it('follows the team filter (dach: G only, whose won deal has no amount)', () => {
    const dach = buildReport(withDeals, setup, query({ team: 'dach' }), NOW).delivery.deals;
    expect(dach).toMatchObject({ available: true, sqls: { value: 1, ids: ['G'] }, won: { value: 1 } });
    expect(dach.available && dach.averageValue).toEqual([]);
  });

  it('puts every deal figure in the CSV with its ids, amounts in their currency row', () => {
    const rows = figureRows(report).filter((r) => r.path.includes('deals'));
    expect(rows.map((r) => [r.path.join('/'), r.unit, r.figure.value])).toEqual([
      ['delivery/deals/sqls', 'count', 4],
      ['delivery/deals/won', 'count', 3],
      ['delivery/deals/rate', 'percent', 75],
      ['delivery/deals/averageValue/EUR/average', 'amount', 7500],
      ['delivery/deals/averageValue/USD/average', 'amount', 2500.5],
      ['delivery/deals/unread', 'count', 1],
      ['delivery/deals/byTeam/benelux/sqls', 'count', 3],
      ['delivery/deals/byTeam/benelux/won', 'count', 2],
      ['delivery/deals/byTeam/benelux/rate', 'percent', 66.7],
      ['delivery/deals/byTeam/benelux/averageValue/EUR/average', 'amount', 7500],
      ['delivery/deals/byTeam/benelux/averageValue/USD/average', 'amount', 2500.5],
      ['delivery/deals/byTeam/benelux/unread', 'count', 1],
      ['delivery/deals/byTeam/dach/sqls', 'count', 1],
      ['delivery/deals/byTeam/dach/won', 'count', 1],
      ['delivery/deals/byTeam/dach/rate', 'percent', 100],
      ['delivery/deals/byTeam/dach/unread', 'count', 0],
    ]);
    expect(renderCsv(report)).toContain(',USD,2500.5,amount,C\n');
  });

  it('without deal data the report says so instead of 0 % won', () => {
    const none = buildReport(facts, setup, query(), NOW);
    expect(none.delivery.deals.available).toBe(false);
    expect(none.notes).toContainEqual({ code: 'no-deal-data' });
  });
});

describe('which stages count as SQL and later', () => {
  it('takes the SQL stage and every later one, by key or lifecycle stage', () => {
    expect(
      dealStages([
        { key: 'mql', order: 0 },
        { key: 'sql', order: 2 },
        { key: 'sal', order: 1 },
        { key: 'opportunity', order: 3 },
      ]),
    ).toEqual(['sql', 'opportunity']);
    expect(
      dealStages([
        { key: 'mql', order: 0 },
        { key: 'qualified', order: 1, source: { kind: 'lifecycle_stage', value: 'salesqualifiedlead' } },
      ]),
    ).toEqual(['qualified']);
  });

  it('without an SQL stage, the last stage of the funnel', () => {
    expect(
      dealStages([
        { key: 'mql', order: 0 },
        { key: 'sal', order: 1 },
      ]),
    ).toEqual(['sal']);
    expect(dealStages([])).toEqual([]);
  });
});
