import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/reports/index.ts';
import { facts, NOW } from '../fixtures/reports/hand-computed.ts';
import { writeFacts } from '../fixtures/reports/store-facts.ts';
import { hubspot } from '../sandbox/helpers.ts';
import { type Run, sla, storeFile, withOwners } from './cli-harness.ts';

const MARCH = ['--since', '2026-03-01', '--until', '2026-03-31'];
let db: Awaited<ReturnType<typeof storeFile>>;
let env: Record<string, string>;

beforeAll(async () => {
  db = await storeFile((store) => writeFacts(store, facts, NOW));
  env = { DATABASE_URL: db.file, SLA_CONFIG: 'test/fixtures/reports/sla.yaml', LOG_LEVEL: 'silent' };
});
afterAll(async () => {
  await db.remove();
});

const json = (r: Run): Report => JSON.parse(r.stdout) as Report;

describe('sla-bot report on the hand-computed store (March 2026)', () => {
  it('prints JSON whose figures carry the instance ids behind them', async () => {
    const r = await sla(['report', ...MARCH, '--format', 'json'], env);
    expect(r.code).toBe(0);
    const report = json(r);
    expect(report.speed.total.compliance).toEqual({
      value: 60,
      ids: expect.arrayContaining(['A', 'B', 'D', 'E', 'H']),
    });
    expect(report.speed.total.timeToContact.median.value).toBe(5 * 60_000);
    expect(
      report.delivery.stages.map((s) => [s.key, s.months[0]?.delivered.value, s.months[0]?.delta]),
    ).toEqual([
      ['mql', 2, 0],
      ['sal', 1, null],
      ['sql', 4, -1],
    ]);
    expect(report.delivery.deals.available).toBe(false);
    // Outbox rows, one per recipient, count once per notification.
    expect(report.messages.total.sent.breach).toEqual({ value: 1, ids: ['B'] });
    expect(report.messages.total.sent.handoff.value).toBe(2);
    expect(report.messages.total.failed).toEqual({ value: 1, ids: ['G'] });
    // No HubSpot token: said on stderr and in the report, reps shown by owner id.
    expect(r.stderr).toContain('HUBSPOT_ACCESS_TOKEN is not set');
    expect(report.speed.byRep.map((row) => row.label)).toContain('owner o1');
  });

  it('prints CSV with one row per figure and an ids column', async () => {
    const r = await sla(['report', ...MARCH, '--format', 'csv'], env);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('figure,label,value,unit,ids');
    expect(lines).toContain('speed/total/compliance,All leads,60,percent,A D H B E');
    expect(lines).toContain('speed/total/bands/0-5m,All leads,3,count,A D H');
    expect(lines).toContain('depth/total/outcomes/Left%20voicemail,All leads,1,count,B');
  });

  it('prints a table, and with --details the leads behind the figures', async () => {
    const plain = await sla(['report', ...MARCH], env);
    expect(plain.stdout).toContain('SLA report: handoffs from 1 Mar 2026 to 31 Mar 2026 (UTC), by week');
    // handoffs, contacted, the four bands, met, corrected, breached, excused, pending, compliance
    expect(plain.stdout).toMatch(/All leads +7 +5 +3 +1 +1 +0 +3 +0 +2 +1 +1 +60\.0%/);
    expect(plain.stdout).not.toContain('LEADS BEHIND THE FIGURES');
    const details = await sla(['report', ...MARCH, '--details'], env);
    expect(details.stdout).toContain('LEADS BEHIND THE FIGURES');
    expect(details.stdout).toMatch(/^C +Lead C +owner o2 .* sql .* excused/m);
  });

  it('filters by team, stage and rep', async () => {
    const sqlOnly = json(await sla(['report', ...MARCH, '--stage', 'sql', '--format', 'json'], env));
    expect([...sqlOnly.speed.total.handoffs.ids].sort()).toEqual(['A', 'B', 'C', 'G']);
    const rep = json(await sla(['report', ...MARCH, '--rep', 'o3', '--format', 'json'], env));
    expect([...rep.speed.total.handoffs.ids].sort()).toEqual(['E', 'G']);
  });

  it('refuses what names nothing, with the exit status of a usage error', async () => {
    const team = await sla(['report', '--team', 'atlantis'], env);
    expect(team.code).toBe(2);
    expect(team.stderr).toContain(
      "--team 'atlantis' is not a team of the SLA file; teams: benelux, dach, no-team",
    );
    expect((await sla(['report', '--since', 'last tuesday'], env)).code).toBe(2);
    expect((await sla(['report', '--format', 'xml'], env)).code).toBe(2);
    expect((await sla(['report', '--frobnicate'], env)).code).toBe(2);
  });

  it('does not create an empty store when DATABASE_URL points nowhere', async () => {
    const r = await sla(['report'], { ...env, DATABASE_URL: '/nonexistent/dir/sla.sqlite' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No store at /nonexistent/dir/sla.sqlite');
  });
});

describe('sla-bot report with HubSpot owners', () => {
  it('names reps and puts them in their teams', async () => {
    const sandbox = await hubspot();
    const ids: Record<string, string> = {
      o1: sandbox.state.addOwner({ email: 'bram@example.com', firstName: 'Bram', lastName: 'Jansen' }).id,
      o2: sandbox.state.addOwner({ email: 'chris@example.com', firstName: 'Chris', lastName: 'Peeters' }).id,
      o3: sandbox.state.addOwner({ email: 'eva@example.com', firstName: 'Eva', lastName: 'Schmidt' }).id,
    };
    const named = await storeFile((store) => writeFacts(store, withOwners(facts, ids), NOW));
    try {
      const r = await sla(['report', ...MARCH, '--format', 'json'], {
        ...env,
        DATABASE_URL: named.file,
        HUBSPOT_ACCESS_TOKEN: 'sandbox-token',
        HUBSPOT_BASE_URL: sandbox.url,
      });
      expect(r.stderr).toBe('');
      const report = json(r);
      expect(report.speed.byTeam.map((t) => [t.key, t.compliance.value])).toEqual([
        ['benelux', 75],
        ['dach', 0],
      ]);
      expect(report.speed.byRep.map((t) => t.label)).toEqual(['Bram Jansen', 'Chris Peeters', 'Eva Schmidt']);
      expect(report.notes).toEqual([expect.stringContaining('no deal data')]);
    } finally {
      await named.remove();
    }
  });
});
