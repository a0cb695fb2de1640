import { describe, expect, it } from 'vitest';
import { buildReport, type ReportQuery, type ReportScope } from '../../../src/domain/reports/index.ts';
import { facts, NOW, SINCE, setup, UNTIL } from '../../fixtures/reports/hand-computed.ts';

const query = (scope: ReportScope | undefined, over: Partial<ReportQuery> = {}): ReportQuery => ({
  since: SINCE,
  until: UNTIL,
  period: 'week',
  team: null,
  rep: null,
  stage: null,
  ...(scope === undefined ? {} : { scope }),
  ...over,
});
const people = (teams: string[], emails: string[]): ReportScope => ({ kind: 'people', teams, emails });
const ids = (q: ReportQuery) => {
  const r = buildReport(facts, setup, q, NOW);
  return {
    handoffs: [...r.speed.total.handoffs.ids].sort(),
    open: [...r.uncontacted.total.total.ids].sort(),
    leads: r.leads.map((l) => l.id).sort(),
    notAFit: r.delivery.notAFit.map((n) => n.key),
  };
};

describe("a report narrowed to the reader's scope (the dashboard's roles)", () => {
  it('is the whole report for `all`, as without a scope', () => {
    expect(ids(query({ kind: 'all' }))).toEqual(ids(query(undefined)));
  });

  it("keeps a team's leads, or a person's own (e-mails in any case), and nothing else anywhere in the report", () => {
    expect(ids(query(people(['dach'], [])))).toEqual({
      handoffs: ['E', 'G'],
      open: ['E', 'F', 'G'],
      leads: ['E', 'F', 'G'],
      notAFit: ['Competitor', 'Student or job seeker'],
    });
    expect(ids(query(people([], ['EVA@example.com'])))).toMatchObject({ handoffs: ['E', 'G'] });
    expect(ids(query(people([], ['bram@example.com'])))).toEqual({
      handoffs: ['A', 'B'],
      open: [],
      leads: ['A', 'B'],
      // "No budget" on an instance no longer stored: nobody's, so only readers of everything see it.
      notAFit: [],
    });
    expect(ids(query(people(['dach'], ['bram@example.com']))).handoffs).toEqual(['A', 'B', 'E', 'G']);
    expect(ids(query(people([], [])))).toEqual({ handoffs: [], open: [], leads: [], notAFit: [] });
  });

  it('applies the filters inside the scope, never beyond it', () => {
    expect(ids(query(people([], ['bram@example.com']), { team: 'dach' })).handoffs).toEqual([]);
    expect(ids(query(people(['benelux'], []), { rep: 'o3' })).handoffs).toEqual([]);
    expect(ids(query(people(['benelux'], []), { stage: 'sql' })).handoffs).toEqual(['A', 'B', 'C']);
  });
});
