import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { type HubSpotSandbox, type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { kindOf, WorkerProcess, waitFor } from './harness.ts';

const HUBSPOT_TOKEN = 'pat-budget-hubspot';
const SLACK_TOKEN = 'xoxb-budget-slack';
const HANDOFFS = 1_000;
const REPS = Array.from({ length: 50 }, (_, i) => `rep${i + 1}@example.com`);

/** One team of fifty reps; first contact within an hour, so the burst causes pings and nothing else. */
const SLA = `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [lead]
teams:
  inside-sales:
    manager: anna@example.com
    members: [${REPS.join(', ')}]
policies:
  - name: sql-burst
    stage: sql
    calendar: 24x7
    first_contact: { within: 1h }
poll: { every: 2s, overlap: 1m }
slack: { admins: [ops@example.com] }
`;

/**
 * The premise, end to end: the worker as a process against a Starter portal (100 requests per
 * rolling 10 s) where another integration already uses 40 per 10 s of the same budget. A list import
 * hands off 1,000 leads at once; every one is pinged and HubSpot never answers 429. The worker's budget is the default: half of what HubSpot reports
 * (docs/platform-contract.md HR-10; test/hubspot/adaptive-budget*.test.ts push harder).
 */
describe('a burst of 1,000 handoffs on a Starter portal shared with another integration', () => {
  let dir = '';
  let hubspot: HubSpotSandbox;
  let slack: SlackSandbox;
  let worker: WorkerProcess | null = null;

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await hubspot?.stop();
    await slack?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('pings all of them with zero 429s, sla-bot staying under half of the limit', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-budget-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    hubspot = await startCheckedHubSpotSandbox({
      tokens: [HUBSPOT_TOKEN],
      rateLimits: { tier: 'starter', otherIntegration: { perTenSeconds: 40 } },
    });
    // Slack's limits have tests of their own; here they would only stretch the run (the worker still
    // paces its posts per channel itself).
    slack = await startSlackSandbox({ tokens: [SLACK_TOKEN], rateLimits: false });
    const owners = REPS.map((email, i) => hubspot.state.addOwner({ email, firstName: `Rep${i + 1}` }).id);
    for (const email of [...REPS, 'anna@example.com', 'ops@example.com']) slack.state.addUser({ email });
    worker = new WorkerProcess({
      HUBSPOT_ACCESS_TOKEN: HUBSPOT_TOKEN,
      HUBSPOT_BASE_URL: hubspot.url,
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_API_URL: slack.url,
      SLA_CONFIG: join(dir, 'sla.yaml'),
      DATABASE_URL: join(dir, 'sla.sqlite'),
      LOG_LEVEL: 'info',
      PORT: '0',
    });
    const running = worker;
    onTestFailed(() => console.error(`worker log:\n${running.tail()}`));
    await waitFor('the first cycle', () => running.logged('cycle finished')[0], 20_000);

    // The import: 1,000 contacts become SQLs with an owner, all at once.
    const at = Date.now();
    for (let i = 0; i < HANDOFFS; i++) {
      const contact = hubspot.state.addContact({ firstName: `Lead${i}`, email: `lead${i}@import.example` });
      hubspot.state.assignOwner(contact.id, owners[i % owners.length] ?? '', { at });
      hubspot.state.moveStage(contact.id, 'salesqualifiedlead', { at });
    }
    const pings = () =>
      REPS.reduce((n, email) => n + slack.state.dmsTo(email).filter((m) => kindOf(m) === 'ping').length, 0);
    await waitFor(`${HANDOFFS} pings`, () => pings() >= HANDOFFS, 50_000);

    expect(pings()).toBe(HANDOFFS);
    expect(hubspot.stats.snapshot().rateLimited).toEqual({ total: 0, byPolicy: {} });
    const limits = hubspot.limits;
    expect(limits?.tenSecondly).toBe(100);
    // sla-bot's own peak in any rolling 10 s: at most half of Starter's 100 (its default share).
    expect(limits?.peakTenSecondly(HUBSPOT_TOKEN)).toBeLessThanOrEqual(50);
    // The other integration was really there, drawing on the same day.
    expect((limits?.requestsToday() ?? 0) - (limits?.requestsToday(HUBSPOT_TOKEN) ?? 0)).toBeGreaterThan(40);
    // The worker learned Starter's 100 from HubSpot's headers, and that others were using part of it.
    const budgets = running.logged('hubspot request budget set');
    expect(budgets[0]).toMatchObject({ max: 100 });
    for (const b of budgets) expect(Number(b.perInterval)).toBeLessThanOrEqual(50);
  }, 90_000);
});
