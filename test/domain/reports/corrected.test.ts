import { describe, expect, it } from 'vitest';
import { buildDigests, buildReport, figureAt, type ReportQuery } from '../../../src/domain/reports/index.ts';
import { at, facts, NOW, SINCE, setup, UNTIL } from '../../fixtures/reports/hand-computed.ts';
import { factsWithRetracted } from '../../fixtures/reports/retracted.ts';

const query = (over: Partial<ReportQuery> = {}): ReportQuery => ({
  since: SINCE,
  until: UNTIL,
  period: 'week',
  team: null,
  rep: null,
  stage: null,
  ...over,
});

const sorted = (ids: readonly string[]) => [...ids].sort();

/** Retracted breaches (issue 15): worked out in test/fixtures/reports/retracted.ts. */
describe('retracted breaches: counted as met, with a corrected figure', () => {
  const report = buildReport(factsWithRetracted, setup, query(), NOW);
  const total = report.speed.total;

  it('counts a breach announced and then proved met as met, and as corrected', () => {
    expect(sorted(total.met.ids)).toEqual(['A', 'D', 'H', 'J', 'K']);
    expect(total.corrected).toEqual({ value: 1, ids: ['J'] });
    expect(sorted(total.breached.ids)).toEqual(['B', 'E']);
    expect(total.compliance.value).toBe(71.4);
  });

  it('does not call a met lead corrected when no breach or escalation reached Slack', () => {
    // K's breach is still pending in the outbox; A never had one.
    const k = report.leads.find((l) => l.id === 'K');
    expect(k).toMatchObject({ verdict: 'met', corrected: false });
    expect(report.leads.find((l) => l.id === 'J')).toMatchObject({ verdict: 'met', corrected: true });
  });

  it('breaks the corrected figure down per team, rep, stage and week like every other', () => {
    const of = (rows: readonly { key: string; corrected: { value: number | null } }[]) =>
      Object.fromEntries(rows.map((r) => [r.key, r.corrected.value]));
    expect(of(report.speed.byTeam)).toEqual({ benelux: 1, dach: 0 });
    expect(of(report.speed.byRep)).toEqual({ o1: 1, o2: 0, o3: 0 });
    expect(of(report.speed.byStage)).toEqual({ mql: 0, sal: 0, sql: 1 });
    expect(figureAt(report, 'speed/byPeriod/2026-W11/corrected')).toEqual({ value: 1, ids: ['J'] });
    expect(figureAt(report, 'speed/byRep/o1/corrected')).toEqual({ value: 1, ids: ['J'] });
  });

  it('follows the filters: a rep without retracted breaches has none', () => {
    const eva = buildReport(factsWithRetracted, setup, query({ rep: 'o3' }), NOW);
    expect(eva.speed.total.corrected).toEqual({ value: 0, ids: [] });
    expect(sorted(eva.speed.total.met.ids)).toEqual(['K']);
  });

  it('is zero on data without retracted breaches (the hand-computed set)', () => {
    expect(buildReport(facts, setup, query(), NOW).speed.total.corrected).toEqual({ value: 0, ids: [] });
  });

  it('gives the weekly digest the same numbers, from the same function', () => {
    const week = { since: at(9, 0), until: at(16, 0) };
    const digests = buildDigests(factsWithRetracted, setup, week, NOW);
    const benelux = digests.find((d) => d.team === 'benelux');
    const dach = digests.find((d) => d.team === 'dach');
    expect(sorted(benelux?.met.ids ?? [])).toEqual(['D', 'H', 'J']);
    expect(benelux?.corrected).toEqual({ value: 1, ids: ['J'] });
    expect(dach?.corrected).toEqual({ value: 0, ids: [] });
    const teamRow = buildReport(factsWithRetracted, setup, query({ ...week, team: 'benelux' }), NOW).speed
      .total;
    expect(benelux?.corrected).toEqual(teamRow.corrected);
    expect(benelux?.met).toEqual(teamRow.met);
  });
});
