import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock/clock.ts';
import { loadEnv } from '../../src/config/env.ts';
import type { Timing } from '../../src/hubspot/index.ts';
import { type App, buildApp } from '../../src/main.ts';
import { type HubSpotSandbox, type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';

const SLA = `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [lead]
teams:
  benelux:
    manager: anna@example.com
    members: [bram@example.com]
policies:
  - name: sql-default
    stage: sql
    calendar: 24x7
    first_contact: { within: 5m }
hubspot: { search_per_second: 5 }
poll: { every: 1m }
slack: { admins: [anna@example.com] }
`;

/**
 * One clock for the app and the sandbox that HubSpot's retry waits move forward instead of
 * sleeping, so HubSpot's one-search-per-second window passes without real waiting.
 */
let skipped = 0;
const clock: Clock = { now: () => Date.now() + skipped };
const hubspotTiming: Timing = {
  random: () => 0.5,
  sleep: (ms, signal) => {
    if (signal) return new Promise(() => {}); // request time limits never expire here
    skipped += ms;
    return Promise.resolve();
  },
};

/** The composition root against the loopback sandboxes; HubSpot allows one search per second. */
describe('/metrics of the running app', () => {
  let dir: string;
  let hubspot: HubSpotSandbox;
  let slack: SlackSandbox;
  let app: App | null = null;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-metrics-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    hubspot = await startCheckedHubSpotSandbox({
      clock,
      tokens: ['pat-metrics'],
      rateLimits: { searchPerSecond: 1, tenSecondly: null, daily: null },
    });
    slack = await startSlackSandbox({ clock, tokens: ['xoxb-metrics'], rateLimits: false });
    const owner = hubspot.state.addOwner({ email: 'bram@example.com', firstName: 'Bram' });
    slack.state.addUser({ email: 'bram@example.com' });
    slack.state.addUser({ email: 'anna@example.com' });
    const contact = hubspot.state.addContact({
      firstName: 'Lena',
      lastName: 'Lead',
      email: 'lena@lead.example',
    });
    hubspot.state.assignOwner(contact.id, owner.id);
    hubspot.state.moveStage(contact.id, 'salesqualifiedlead');
  });
  afterEach(async () => {
    await app?.close();
    app = null;
    await hubspot.stop();
    await slack.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts HubSpot requests by status, a 429 included, and Slack API calls by method', async () => {
    const env = loadEnv({
      HUBSPOT_ACCESS_TOKEN: 'pat-metrics',
      HUBSPOT_BASE_URL: hubspot.url,
      SLACK_BOT_TOKEN: 'xoxb-metrics',
      SLACK_API_URL: slack.url,
      SLA_CONFIG: join(dir, 'sla.yaml'),
      DATABASE_URL: join(dir, 'sla.sqlite'),
      PORT: '0',
    });
    app = await buildApp({
      env,
      clock,
      hubspotTiming,
      logger: captureLogger('warn').logger,
      cwd: dir,
      once: false,
      dryRun: false,
    });
    const cycle = app.events.next('cycle:done');
    await app.start();
    expect((await cycle).outcome).toBe('ok');

    const text = await (await fetch(`http://127.0.0.1:${app.port()}/metrics`)).text();
    const count = (line: RegExp) => Number(line.exec(text)?.[1] ?? 0);
    const stats = hubspot.stats.snapshot();
    const limited = stats.rateLimited.total;
    expect(limited).toBeGreaterThan(0);
    expect(count(/^sla_bot_hubspot_requests_total\{status="429"\} (\d+)$/m)).toBe(limited);
    expect(count(/^sla_bot_hubspot_rate_limited_total (\d+)$/m)).toBe(limited);
    expect(count(/^sla_bot_hubspot_requests_total\{status="200"\} (\d+)$/m)).toBe(stats.total - limited);
    expect(text).not.toMatch(/sla_bot_hubspot_requests_total\{status="any"\}/);
    expect(count(/^sla_bot_slack_requests_total\{method="chat\.postMessage",status="ok"\} (\d+)$/m)).toBe(1);
    expect(slack.state.dmsTo('bram@example.com')).toHaveLength(1);
  });
});
