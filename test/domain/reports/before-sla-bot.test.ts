import { describe, expect, it } from 'vitest';
import { buildReport, type ReportFacts, type ReportQuery } from '../../../src/domain/reports/index.ts';
import { instanceRecords } from '../../../src/domain/reports/instance-record.ts';
import { MINUTE } from '../../../src/domain/time.ts';
import { at, facts, NOW, SINCE, setup, UNTIL } from '../../fixtures/reports/hand-computed.ts';

const query: ReportQuery = { since: SINCE, until: UNTIL, period: 'week', team: null, rep: null, stage: null };
const sorted = (ids: readonly string[]) => [...ids].sort();

/**
 * The hand-computed set with sla-bot installed on 5 March 09:00 (issue 20): B (a breach blamed on
 * Bram, Mar 3) and C (excused, its deadline in an outage) were imported then, their deadlines long past.
 */
const INSTALL = at(5);
const installed: ReportFacts = {
  ...facts,
  instances: facts.instances.map((f) =>
    f.instance.id === 'B' || f.instance.id === 'C'
      ? { ...f, instance: { ...f.instance, importedAt: INSTALL, firstSeenAt: INSTALL + MINUTE } }
      : f,
  ),
};

describe('reports: deadlines that passed before sla-bot was installed', () => {
  it('count as excused, with the reason, not as breaches held against the rep', () => {
    const records = new Map(instanceRecords(installed, setup, NOW).map((r) => [r.id, r]));
    expect(records.get('B')).toMatchObject({ verdict: 'excused', excuse: 'before_sla_bot' });
    // The most specific reason wins over the outage that excused C before.
    expect(records.get('C')).toMatchObject({ verdict: 'excused', excuse: 'before_sla_bot' });
    expect(records.get('E')).toMatchObject({ verdict: 'breached', excuse: null });
    const before = new Map(instanceRecords(facts, setup, NOW).map((r) => [r.id, r]));
    expect(before.get('B')).toMatchObject({ verdict: 'breached', excuse: null });
    expect(before.get('C')).toMatchObject({ verdict: 'excused', excuse: 'outage' });
  });

  it('leave the compliance figure to what sla-bot could see', () => {
    const total = buildReport(installed, setup, query, NOW).speed.total;
    expect(sorted(total.breached.ids)).toEqual(['E']);
    expect(sorted(total.excused.ids)).toEqual(['B', 'C']);
    expect(buildReport(facts, setup, query, NOW).speed.total.breached.ids).toContain('B');
  });
});
