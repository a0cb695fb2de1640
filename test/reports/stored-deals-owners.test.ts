import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/domain/reports/index.ts';
import type { Deal } from '../../src/ports/crm-source.ts';
import { at, facts, NOW } from '../fixtures/reports/hand-computed.ts';
import { writeFacts } from '../fixtures/reports/store-facts.ts';
import { sla, storeFile } from './cli-harness.ts';

const MARCH = ['--since', '2026-03-01', '--until', '2026-03-31'];

const won = (id: string, contact: string, amount: string, currency: string, closedAt: number): Deal => ({
  id,
  contactIds: [contact],
  pipeline: 'default',
  stage: 'closedwon',
  closed: true,
  closedWon: true,
  closedAt,
  amount,
  currency,
  createdAt: at(2),
});

let db: Awaited<ReturnType<typeof storeFile>>;
let env: Record<string, string>;

beforeAll(async () => {
  db = await storeFile(async (store) => {
    await writeFacts(store, facts, NOW);
    // What the worker stores: the owner list, and the deals of the SQL contacts it has read.
    await store.saveOwners(
      [
        {
          id: 'o1',
          email: 'bram@example.com',
          firstName: 'Bram',
          lastName: 'Jansen',
          userId: null,
          active: true,
        },
        {
          id: 'o2',
          email: 'chris@example.com',
          firstName: 'Chris',
          lastName: null,
          userId: null,
          active: true,
        },
        {
          id: 'o3',
          email: 'eva@example.com',
          firstName: 'Eva',
          lastName: 'Bauer',
          userId: null,
          active: false,
        },
      ],
      NOW,
    );
    await store.saveDeals({
      contactIds: ['c-A', 'c-B', 'c-C', 'c-G'],
      deals: [won('d1', 'c-A', '10000.00', 'EUR', at(20)), won('d4', 'c-C', '2500.5', 'USD', at(2, 9, 4))],
      at: NOW,
    });
  });
  env = { DATABASE_URL: db.file, SLA_CONFIG: 'test/fixtures/reports/sla.yaml', LOG_LEVEL: 'silent' };
});
afterAll(async () => {
  await db.remove();
});

describe('sla-bot report on what the worker stored (owners, deals), without a HubSpot token', () => {
  it('names reps and teams from the stored owners and reports SQL → won with values per currency', async () => {
    const r = await sla(['report', ...MARCH, '--format', 'json'], env);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('HUBSPOT_ACCESS_TOKEN');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.speed.byRep.map((row) => row.label)).toEqual(['Bram Jansen', 'Chris', 'Eva Bauer']);
    expect(report.speed.byTeam.map((row) => row.key)).toEqual(['benelux', 'dach']);
    const d = report.delivery.deals;
    expect(d.available).toBe(true);
    if (!d.available) return;
    expect(d.won).toEqual({ value: 2, ids: ['A', 'C'] });
    expect(d.rate.value).toBe(50);
    expect(d.averageValue.map((a) => [a.label, a.average])).toEqual([
      ['EUR', { value: 10000, ids: ['A'] }],
      ['USD', { value: 2500.5, ids: ['C'] }],
    ]);
    expect(report.notes).toEqual([]);
  });

  it('shows the deals in the table', async () => {
    const r = await sla(['report', ...MARCH], env);
    expect(r.stdout).toMatch(
      /SQLs of the window\s+4\s+2\s+50\.0%\s+10,000\.00 EUR \(1\); 2,500\.50 USD \(1\)/,
    );
  });
});
