import { describe, expect, it } from 'vitest';
import { loadSlaConfigFile } from '../../src/config/load-sla-config.ts';

describe('the demo SLA file', () => {
  it('loads, with deadlines short enough to watch a whole lead lifecycle', async () => {
    const loaded = await loadSlaConfigFile('config/demo.yaml');
    if (!loaded.ok)
      throw new Error(loaded.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`).join('\n'));
    const { config } = loaded;
    expect(config.poll.every).toBe(2_000);
    const sql = config.policies.find((p) => p.name === 'sql-demo');
    expect(sql?.firstContact).toMatchObject({ within: 60_000, remind: [40_000] });
    expect(sql?.escalate.map((e) => [e.after, e.notify, e.repeat])).toEqual([
      [30_000, [{ kind: 'manager' }], null],
      [50_000, [{ kind: 'team_channel' }], { every: 20_000, times: 2 }],
      [75_000, [{ kind: 'manager' }], null],
    ]);
    // The last level hands the lead to the next rep of the team (issue 18's demo).
    expect(sql?.escalate[2]?.reassign).toMatchObject({ to: { kind: 'round_robin' }, max: 1 });
    expect(sql?.calendar.isOpen(Date.UTC(2026, 2, 1, 3, 0))).toBe(true);
    expect(config.teams.map((t) => [t.name, t.channel])).toEqual([
      ['benelux', '#sales-benelux'],
      ['dach', '#sales-dach'],
    ]);
  });

  it('has an office-hours policy whose clock waits for the next opening after hours', async () => {
    const loaded = await loadSlaConfigFile('config/demo.yaml');
    if (!loaded.ok) throw new Error('demo.yaml does not load');
    const office = loaded.config.policies.find((p) => p.name === 'mql-office-hours')?.calendar;
    const mondayTenPmAmsterdam = Date.UTC(2026, 2, 2, 21, 0); // CET = UTC+1
    expect(office?.isOpen(mondayTenPmAmsterdam)).toBe(false);
    expect(office?.nextOpening(mondayTenPmAmsterdam)).toBe(Date.UTC(2026, 2, 3, 8, 0));
  });
});
