import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/clock/system-clock.ts';
import { loadEnv } from '../../../src/config/env.ts';
import { signatureV3 } from '../../../src/hubspot/webhooks/signature.ts';
import { type App, buildApp } from '../../../src/main.ts';
import { startSlackSandbox } from '../../../src/sandbox/index.ts';
import { waitFor } from '../../e2e/harness.ts';
import { captureLogger } from '../../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../../support/checked-hubspot-sandbox.ts';

const SECRET = 'replay-client-secret';
const BATCH_READ = 'POST /crm/v3/objects/contacts/batch/read';

/**
 * The attack of issue 16: a signed delivery captured on the way and sent again and again within
 * its five minutes. The running app (real worker, HTTP server, HubSpot client) against the sandbox,
 * which counts the contact reads the deliveries cause.
 */
describe('a replayed HubSpot webhook against the running app', () => {
  let dir = '';
  let app: App | null = null;
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await app?.close();
    app = null;
    for (const stop of stops.splice(0)) await stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads HubSpot once for the same signed delivery sent 20 times', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-replay-'));
    await writeFile(
      join(dir, 'sla.yaml'),
      `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [lead]
teams:
  benelux: { manager: anna@example.com, members: [bram@example.com] }
policies:
  - { name: sql, stage: sql, calendar: 24x7, first_contact: { within: 1h } }
poll: { every: 5m, overlap: 10m }
slack: { admins: [ops@example.com] }
`,
    );
    const hubspot = await startCheckedHubSpotSandbox({ tokens: ['pat-replay'] });
    const slack = await startSlackSandbox({ tokens: ['xoxb-replay'] });
    stops.push(hubspot.stop, slack.stop);
    const bram = hubspot.state.addOwner({ email: 'bram@example.com' }).id;
    for (const email of ['bram@example.com', 'anna@example.com', 'ops@example.com'])
      slack.state.addUser({ email });
    app = await buildApp({
      env: loadEnv({
        HUBSPOT_ACCESS_TOKEN: 'pat-replay',
        HUBSPOT_BASE_URL: hubspot.url,
        HUBSPOT_CLIENT_SECRET: SECRET,
        SLACK_BOT_TOKEN: 'xoxb-replay',
        SLACK_API_URL: slack.url,
        SLA_CONFIG: join(dir, 'sla.yaml'),
        DATABASE_URL: join(dir, 'sla.sqlite'),
        PORT: '0',
      }),
      clock: systemClock,
      logger: captureLogger('warn').logger,
      cwd: dir,
      once: false,
      dryRun: false,
    });
    let started = 0;
    let done = 0;
    app.events.on('cycle:start', () => (started += 1));
    app.events.on('cycle:done', () => (done += 1));
    const first = app.events.next('cycle:done');
    await app.start();
    await first;

    const contact = hubspot.state.addContact({ firstName: 'Rita', email: 'rita@lead.example' });
    hubspot.state.assignOwner(contact.id, bram);
    hubspot.state.moveStage(contact.id, 'salesqualifiedlead', { at: Date.now() });
    hubspot.stats.reset();
    const url = `http://127.0.0.1:${app.port()}/webhooks/hubspot`;
    const body = JSON.stringify([
      {
        eventId: 4_711,
        subscriptionId: 1,
        portalId: Number(hubspot.state.account.portalId),
        appId: 1,
        occurredAt: Date.now(),
        subscriptionType: 'contact.propertyChange',
        attemptNumber: 0,
        objectId: Number(contact.id),
        propertyName: 'lifecyclestage',
        propertyValue: 'salesqualifiedlead',
        changeSource: 'CRM_UI',
      },
    ]);
    const timestamp = String(Date.now());
    const headers = {
      'content-type': 'application/json',
      'x-hubspot-request-timestamp': timestamp,
      'x-hubspot-signature-v3': signatureV3(SECRET, { method: 'POST', uri: url, body, timestamp }),
    };
    const statuses: number[] = [];
    statuses.push((await fetch(url, { method: 'POST', body, headers })).status);
    await waitFor('the read the delivery asked for', () => hubspot.stats.count(BATCH_READ) > 0, 10_000);
    // The copies come one by one, each after the worker is idle again (as an attacker replaying over
    // the five minutes would), so nothing folds them into one read but the replay check.
    for (let i = 1; i < 20; i++) {
      await waitFor('the worker to be idle', () => started === done, 10_000);
      statuses.push((await fetch(url, { method: 'POST', body, headers })).status);
      // Any cycle the copy woke starts after the lease check; give it the moment it needs.
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await waitFor('the worker to be idle', () => started === done, 10_000);
    expect(statuses).toEqual([204, ...Array(19).fill(200)]);
    expect(hubspot.stats.count(BATCH_READ)).toBe(1);
    const pings = slack.state.dmsTo('bram@example.com').filter((m) => /Rita/.test(JSON.stringify(m)));
    expect(pings).toHaveLength(1);
  });
});
