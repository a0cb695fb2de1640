import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/reports/index.ts';
import { NOW, setup } from '../fixtures/reports/hand-computed.ts';
import { factsWithRetracted } from '../fixtures/reports/retracted.ts';
import { writeFacts } from '../fixtures/reports/store-facts.ts';
import { sla, storeFile } from './cli-harness.ts';

const MARCH = ['--since', '2026-03-01', '--until', '2026-03-31'];
let db: Awaited<ReturnType<typeof storeFile>>;
let env: Record<string, string>;

beforeAll(async () => {
  db = await storeFile(async (store) => {
    await writeFacts(store, factsWithRetracted, NOW);
    // The worker stores the owners it reads: names and teams without a HubSpot token.
    await store.saveOwners(
      (setup.owners ?? []).map((o) => ({ ...o, userId: null, active: true })),
      NOW,
    );
  });
  env = { DATABASE_URL: db.file, SLA_CONFIG: 'test/fixtures/reports/sla.yaml', LOG_LEVEL: 'silent' };
});
afterAll(async () => {
  await db.remove();
});

/** `sla-bot report` on a store with a retracted breach (J) — test/fixtures/reports/retracted.ts. */
describe('sla-bot report: retracted breaches count as met, with a corrected figure', () => {
  it('JSON: met and corrected per team and rep, and the lead marked corrected', async () => {
    const r = await sla(['report', ...MARCH, '--format', 'json'], env);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.speed.total.met.value).toBe(5);
    expect(report.speed.total.corrected).toEqual({ value: 1, ids: ['J'] });
    expect(report.speed.total.compliance.value).toBe(71.4);
    expect(report.speed.byTeam.map((t) => [t.key, t.met.value, t.corrected.value])).toEqual([
      ['benelux', 4, 1],
      ['dach', 1, 0],
    ]);
    expect(report.speed.byRep.map((t) => [t.label, t.corrected.value])).toEqual([
      ['Bram Jansen', 1],
      ['Chris', 0],
      ['Eva@Example.com', 0],
    ]);
    expect(report.leads.find((l) => l.id === 'J')).toMatchObject({ verdict: 'met', corrected: true });
  });

  it('CSV: one row per corrected figure, with the ids behind it', async () => {
    const r = await sla(['report', ...MARCH, '--format', 'csv'], env);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('speed/total/corrected,All leads,1,count,J');
    expect(lines).toContain('speed/byTeam/benelux/corrected,benelux,1,count,J');
    expect(lines).toContain('speed/byTeam/dach/corrected,dach,0,count,');
    expect(lines).toContain('speed/byRep/o1/corrected,Bram Jansen,1,count,J');
  });

  it('table: a corrected column after met, and the lead shown as a retracted breach', async () => {
    const plain = await sla(['report', ...MARCH], env);
    // handoffs, contacted, the four bands, met, corrected, breached, excused, pending, compliance
    expect(plain.stdout).toMatch(/ +met +corrected +breached +excused +pending +compliance/);
    expect(plain.stdout).toMatch(/All leads +9 +7 +5 +1 +1 +0 +5 +1 +2 +1 +1 +71\.4%/);
    expect(plain.stdout).toMatch(/benelux +6 +6 +4 +1 +1 +0 +4 +1 +1 +1 +0 +80\.0%/);
    expect(plain.stdout).toMatch(/Bram Jansen +3 +3 +2 +1 +0 +0 +2 +1 +1 +0 +0 +66\.7%/);
    const details = await sla(['report', ...MARCH, '--details'], env);
    expect(details.stdout).toMatch(/^J +Lead J +Bram Jansen .* sql .* met \(breach retracted\)/m);
    expect(details.stdout).toMatch(/^K +Lead K +Eva@Example\.com .* mql .* met +/m);
  });
});
