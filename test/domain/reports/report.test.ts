import { describe, expect, it } from 'vitest';
import { buildReport, figureAt, type ReportQuery } from '../../../src/domain/reports/index.ts';
import { MINUTE, SECOND } from '../../../src/domain/time.ts';
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

const report = buildReport(facts, setup, query(), NOW);
const sorted = (ids: readonly string[]) => [...ids].sort();

describe('speed of follow-up (hand-computed, March 2026)', () => {
  const total = report.speed.total;

  it('counts the seven handoffs of the window and the five contacted ones', () => {
    expect(sorted(total.handoffs.ids)).toEqual(['A', 'B', 'C', 'D', 'E', 'G', 'H']);
    expect(total.contacted).toEqual({ value: 5, ids: ['A', 'B', 'C', 'D', 'H'] });
  });

  it('takes the median and nearest-rank p90 of time to first contact (1, 3, 5, 12, 40 min)', () => {
    expect(total.timeToContact.median.value).toBe(5 * MINUTE);
    expect(total.timeToContact.p90.value).toBe(40 * MINUTE);
  });

  it('puts exactly five minutes in the 0–5 band', () => {
    expect(sorted(total.bands['0-5m'].ids)).toEqual(['A', 'D', 'H']);
    expect(total.bands['5-15m'].ids).toEqual(['B']);
    expect(total.bands['15-60m'].ids).toEqual(['C']);
    expect(total.bands['60m+'].value).toBe(0);
  });

  it('excuses a breach whose deadline fell in an outage and leaves it out of compliance', () => {
    expect(total.excused.ids).toEqual(['C']);
    expect(sorted(total.breached.ids)).toEqual(['B', 'E']);
    expect(total.pending.ids).toEqual(['G']);
    expect(total.compliance.value).toBe(60);
    expect(sorted(total.compliance.ids)).toEqual(['A', 'B', 'D', 'E', 'H']);
  });

  it('shows system delay (detection, delivery) apart from rep delay', () => {
    expect(total.systemDelay.detection.median.value).toBe(20 * SECOND);
    expect(total.systemDelay.detection.p90.value).toBe(60 * SECOND);
    expect(total.systemDelay.delivery.median.value).toBe(2 * SECOND);
    expect(total.systemDelay.delivery.p90.value).toBe(3 * SECOND);
    expect(total.repDelay.median.value).toBe(300 * SECOND);
    expect(total.repDelay.p90.value).toBe(2400 * SECOND);
  });

  it('shows silenced escalations (held in the evaluation and due inside a team silence)', () => {
    expect(total.silencedEscalations).toEqual({ value: 2, ids: ['E'] });
  });

  it('splits per team, rep, stage and week', () => {
    const team = Object.fromEntries(report.speed.byTeam.map((r) => [r.key, r.compliance.value]));
    expect(team).toEqual({ benelux: 75, dach: 0 });
    expect(report.speed.byRep.map((r) => r.label)).toEqual(['Bram Jansen', 'Chris', 'Eva@Example.com']);
    expect(report.speed.byStage.map((r) => [r.key, r.compliance.value])).toEqual([
      ['mql', 50],
      ['sal', 100],
      ['sql', 50],
    ]);
    expect(report.speed.byPeriod.map((r) => [r.key, r.handoffs.value])).toEqual([
      ['2026-W09', 0],
      ['2026-W10', 3],
      ['2026-W11', 3],
      ['2026-W12', 1],
      ['2026-W13', 0],
      ['2026-W14', 0],
    ]);
  });
});

describe('depth of follow-up', () => {
  const d = report.depth.total;

  it('sums attempts against the required count and flags overkill', () => {
    expect(d.withRule.value).toBe(3);
    expect(d.attempts.value).toBe(19);
    expect(d.required.value).toBe(15);
    expect(d.averageAttempts.value).toBe(6.3);
    expect(sorted(d.attemptsMet.ids)).toEqual(['A', 'H']);
    expect(d.attemptsShort.ids).toEqual(['B']);
    expect(d.overkill.ids).toEqual(['H']);
  });

  it('counts only calls made while the instance was open, with outcomes and talk time', () => {
    expect(d.calls).toEqual({ value: 4, ids: ['A', 'B'] });
    expect(d.talkTime.value).toBe(210 * SECOND);
    expect(d.averageTalkTime.value).toBe(30 * SECOND);
    expect(Object.entries(d.outcomes).map(([k, f]) => [k, f.value, f.ids])).toEqual([
      ['Connected', 2, ['A']],
      ['Left voicemail', 1, ['B']],
      ['No answer', 1, ['A']],
    ]);
  });
});

describe('not yet contacted', () => {
  it('ages open uncontacted leads whenever they entered, per owner', () => {
    const u = report.uncontacted;
    expect(sorted(u.total.total.ids)).toEqual(['E', 'F', 'G', 'I']);
    expect(u.total.ages['under-1w'].ids).toEqual(['F']);
    expect(u.total.ages['1w-2w'].ids).toEqual(['I']);
    expect(u.total.ages['2w-1m'].ids).toEqual(['G']);
    expect(u.total.ages['1m+'].ids).toEqual(['E']);
    expect(u.total.oldest).toEqual({ value: NOW - at(11), ids: ['E'] });
    expect(u.byOwner.map((r) => [r.label, r.team, r.total.value])).toEqual([
      ['Eva@Example.com', 'dach', 3],
      ['Unassigned', null, 1],
    ]);
  });
});

describe('marketing delivery', () => {
  it('compares handoffs per month with the commitment (waterfall levels)', () => {
    const rows = report.delivery.stages.map((s) => {
      const m = s.months[0];
      return [s.key, m?.delivered.value, m?.commitment, m?.delta, m?.cumulative, m?.partial];
    });
    expect(rows).toEqual([
      ['mql', 2, 2, 0, 0, false],
      ['sal', 1, null, null, null, false],
      ['sql', 4, 5, -1, -1, false],
    ]);
  });

  it('computes stage conversion; a lead reaching SAL counts for MQL→SAL', () => {
    expect(report.delivery.conversion.map((c) => [c.key, c.converted.ids, c.rate.value])).toEqual([
      ['mql-sal', ['D'], 50],
      ['sal-sql', [], 0],
      ['mql-sql', [], 0],
    ]);
  });

  it('says honestly there is no deal data', () => {
    expect(report.delivery.deals.available).toBe(false);
    expect(report.notes).toContainEqual({ code: 'no-deal-data' });
  });

  it('lists "not a fit" reasons of the window', () => {
    expect(report.delivery.notAFit.map((r) => [r.key, r.count.ids])).toEqual([
      ['Competitor', ['G']],
      ['No budget', ['gone']],
      ['Student or job seeker', ['E']],
    ]);
  });
});

describe('messages and breaches', () => {
  it('counts notifications once however many recipients, and failures per message', () => {
    const t = report.messages.total;
    expect(t.sent.handoff).toEqual({ value: 2, ids: ['A', 'B'] });
    expect(t.sent.breach).toEqual({ value: 1, ids: ['B'] });
    expect(t.sent.escalation).toEqual({ value: 1, ids: ['E'] });
    expect(t.failed).toEqual({ value: 1, ids: ['G'] });
    expect(report.messages.byTeam.map((r) => [r.key, r.sent.handoff.value, r.failed.value])).toEqual([
      ['benelux', 2, 0],
      ['dach', 0, 1],
    ]);
  });

  it('lists the worst breaches held against reps; an uncontacted one keeps growing', () => {
    expect(report.worstBreaches.map((b) => [b.id, b.lateBy])).toEqual([
      ['E', NOW - (at(11) + 5 * MINUTE)],
      ['B', 7 * MINUTE],
    ]);
  });
});

describe('filters and trace-back', () => {
  it('narrows to a team, including its uncontacted leads and its "not a fit" reasons', () => {
    const dach = buildReport(facts, setup, query({ team: 'dach' }), NOW);
    expect(sorted(dach.speed.total.handoffs.ids)).toEqual(['E', 'G']);
    expect(sorted(dach.uncontacted.total.total.ids)).toEqual(['E', 'F', 'G']);
    expect(dach.delivery.notAFit.map((r) => r.key)).toEqual(['Competitor', 'Student or job seeker']);
  });

  it('finds a rep by e-mail whatever the case, and narrows to a stage', () => {
    const eva = buildReport(facts, setup, query({ rep: 'eva@EXAMPLE.com' }), NOW);
    expect(sorted(eva.speed.total.handoffs.ids)).toEqual(['E', 'G']);
    const sql = buildReport(facts, setup, query({ stage: 'sql' }), NOW);
    expect(sorted(sql.speed.total.handoffs.ids)).toEqual(['A', 'B', 'C', 'G']);
    expect(sorted(sql.uncontacted.total.total.ids)).toEqual(['G', 'I']);
  });

  it('describes every lead a figure refers to', () => {
    const described = new Set(report.leads.map((l) => l.id));
    expect([...described].sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    expect(report.leads.find((l) => l.id === 'E')).toMatchObject({ owner: 'Eva@Example.com', team: 'dach' });
  });

  it('resolves a figure by its path, for the dashboard click-through', () => {
    expect(figureAt(report, 'speed/byTeam/benelux/bands/0-5m')?.ids).toEqual(['A', 'D', 'H']);
    expect(figureAt(report, 'depth/total/outcomes/Left%20voicemail')?.ids).toEqual(['B']);
    expect(figureAt(report, 'speed/byTeam/nowhere/met')).toBeNull();
    expect(figureAt(report, 'speed/total')).toBeNull();
  });

  it('shows owners as ids and says so when no owner directory is available', () => {
    const blind = buildReport(facts, { ...setup, owners: null }, query(), NOW);
    expect(blind.speed.byRep.map((r) => r.label)).toContain('owner o1');
    expect(blind.speed.byTeam.map((r) => r.key)).toEqual(['no-team']);
    expect(blind.notes).toContainEqual({ code: 'no-owner-directory' });
  });
});

describe('months and days in the configured zone', () => {
  it('runs a waterfall over several months and marks cut months as partial', () => {
    const r = buildReport(facts, setup, query({ since: at(15, 0, 2), until: at(16, 0, 4) }), NOW);
    const sql = r.delivery.stages.find((s) => s.key === 'sql');
    expect(sql?.months.map((m) => [m.key, m.delivered.value, m.delta, m.cumulative, m.partial])).toEqual([
      ['2026-02', 0, -5, -5, true],
      ['2026-03', 4, -1, -6, false],
      ['2026-04', 1, -4, -10, true],
    ]);
  });

  it('buckets days in the report zone, not UTC', () => {
    const r = buildReport(
      facts,
      { ...setup, zone: 'America/New_York' },
      query({ since: at(2, 0), until: at(3, 0), period: 'day' }),
      NOW,
    );
    // 2 March 09:00 UTC is 04:00 in New York: still 2 March there; the window starts 1 March 19:00 local.
    expect(r.speed.byPeriod.map((p) => [p.key, p.handoffs.ids])).toEqual([
      ['2026-03-01', []],
      ['2026-03-02', ['A']],
    ]);
  });
});
