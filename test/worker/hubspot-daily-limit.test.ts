import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock/clock.ts';
import { systemClock } from '../../src/clock/system-clock.ts';
import { loadEnv } from '../../src/config/env.ts';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import type { Timing } from '../../src/hubspot/index.ts';
import { type App, buildApp } from '../../src/main.ts';
import { type HubSpotSandbox, type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';

const SLA = `timezone: Europe/Amsterdam
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [lead]
teams:
  benelux: { manager: anna@example.com, members: [bram@example.com] }
policies:
  - { name: sql, stage: sql, calendar: 24x7, first_contact: { within: 4h } }
poll: { every: 1m }
slack: { admins: [ops@example.com] }
`;

/** 2026-03-02 10:00 UTC: 11:00 in Amsterdam; the portal's day ends at 23:00 UTC. */
const T0 = Date.UTC(2026, 2, 2, 10, 0);
const MIDNIGHT_LOCAL = '00:00 Tue 3 Mar 2026 (Europe/Amsterdam)';

/**
 * HubSpot's daily limit running out (issue 16, point 7): the running app (composition root, real
 * HubSpot client and gateway) against a sandbox portal whose limit is spent and then raised, on a
 * clock the test moves — the 15-minute probe takes no real time.
 */
describe('HubSpot daily limit: admins told at once, resumed early when the limit is raised', () => {
  let dir: string;
  let hubspot: HubSpotSandbox;
  let slack: SlackSandbox;
  let app: App | null = null;
  let skipped = 0;
  const realStart = Date.now();
  /** The test's clock: T0, moved by `skip` (and HubSpot's retry waits), plus the few real ms that pass. */
  const clock: Clock = { now: () => T0 + (Date.now() - realStart) + skipped };
  const skip = (ms: number) => (skipped += ms);
  const hubspotTiming: Timing = {
    random: () => 0.5,
    sleep: (ms, signal) => {
      if (signal) return new Promise(() => {}); // request time limits never expire here
      skipped += ms;
      return Promise.resolve();
    },
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-daily-limit-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    hubspot = await startCheckedHubSpotSandbox({
      clock,
      tokens: ['pat-daily'],
      rateLimits: { timeZone: 'Europe/Amsterdam' },
    });
    slack = await startSlackSandbox({ clock, tokens: ['xoxb-daily'], rateLimits: false });
    const bram = hubspot.state.addOwner({ email: 'bram@example.com' });
    for (const email of ['bram@example.com', 'anna@example.com', 'ops@example.com'])
      slack.state.addUser({ email });
    const lead = hubspot.state.addContact({ firstName: 'Dana', email: 'dana@lead.example' });
    hubspot.state.assignOwner(lead.id, bram.id);
    hubspot.state.moveStage(lead.id, 'salesqualifiedlead');
  });
  afterEach(async () => {
    await app?.close();
    app = null;
    await hubspot.stop();
    await slack.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const toAdmins = () => slack.state.dmsTo('ops@example.com').map((m) => m.text ?? '');

  it('tells the admins in the cycle that hits it, probes every 15 minutes, and polls again once HubSpot serves', async () => {
    app = await buildApp({
      env: loadEnv({
        HUBSPOT_ACCESS_TOKEN: 'pat-daily',
        HUBSPOT_BASE_URL: hubspot.url,
        SLACK_BOT_TOKEN: 'xoxb-daily',
        SLACK_API_URL: slack.url,
        SLA_CONFIG: join(dir, 'sla.yaml'),
        DATABASE_URL: join(dir, 'sla.sqlite'),
        PORT: '0',
      }),
      clock,
      hubspotTiming,
      logger: captureLogger('warn').logger,
      cwd: dir,
      once: false,
      dryRun: false,
    });
    expect(await app.runOnce()).toBe('ok');
    expect(slack.state.dmsTo('bram@example.com')).toHaveLength(1);
    const limits = hubspot.limits;
    if (limits === null) throw new Error('the sandbox has limits');

    // The day's requests are spent (another integration, say): the next call is a 429 DAILY.
    limits.setDailyLimit(limits.requestsToday());
    skip(MINUTE);
    const pausedAt = clock.now();
    expect(await app.runOnce()).toBe('degraded');
    expect(hubspot.stats.snapshot().rateLimited.byPolicy.DAILY).toBe(1);
    // Told in that same cycle, with the reset as a local time; not after the 5-minute threshold.
    const told = toAdmins().filter((t) => t.includes("HubSpot's daily API limit is used up"));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain(`midnight portal time, ${MIDNIGHT_LOCAL}`);
    expect(told[0]).toContain('every 15 minutes (next 11:16 Mon 2 Mar 2026 (Europe/Amsterdam))');

    // While paused nothing is sent to HubSpot, and no second (generic outage) alert follows.
    const sent = () => hubspot.stats.snapshot().total;
    const before = sent();
    const at = (ms: number) => skip(pausedAt + ms - clock.now());
    for (let m = 2; m <= 14; m += 2) {
      at(m * MINUTE);
      expect(await app.runOnce()).toBe('degraded');
    }
    expect(sent()).toBe(before);
    expect(toAdmins()).toHaveLength(1);

    // At 15 minutes the probe asks (one owner) and is refused: still paused, next probe 15 minutes on.
    at(15 * MINUTE + SECOND);
    expect(await app.runOnce()).toBe('degraded');
    expect(sent()).toBe(before + 1);
    expect(hubspot.stats.snapshot().rateLimited.byPolicy.DAILY).toBe(2);

    // An API limit increase is bought at 20 minutes; the probe at 30 finds HubSpot serving.
    at(20 * MINUTE);
    limits.setDailyLimit(1_250_000);
    at(29 * MINUTE);
    expect(await app.runOnce()).toBe('degraded');
    expect(sent()).toBe(before + 1);
    at(30 * MINUTE + 2 * SECOND);
    expect(await app.runOnce()).toBe('ok');
    expect(sent()).toBeGreaterThan(before + 2);
    expect(toAdmins().filter((t) => t.includes('HubSpot is back'))).toHaveLength(1);
  });
});

describe('/readyz during a HubSpot daily-limit pause (the running app, real time)', () => {
  let dir = '';
  let app: App | null = null;
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await app?.close();
    app = null;
    for (const stop of stops.splice(0)) await stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('explains why HubSpot is not read, until when, and when it is asked next', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-daily-readyz-'));
    await writeFile(join(dir, 'sla.yaml'), SLA.replace('poll: { every: 1m }', 'poll: { every: 1s }'));
    const hubspot = await startCheckedHubSpotSandbox({
      tokens: ['pat-readyz'],
      rateLimits: { timeZone: 'Europe/Amsterdam' },
    });
    const slack = await startSlackSandbox({ tokens: ['xoxb-readyz'] });
    stops.push(hubspot.stop, slack.stop);
    hubspot.state.addOwner({ email: 'bram@example.com' });
    for (const email of ['bram@example.com', 'anna@example.com', 'ops@example.com'])
      slack.state.addUser({ email });
    app = await buildApp({
      env: loadEnv({
        HUBSPOT_ACCESS_TOKEN: 'pat-readyz',
        HUBSPOT_BASE_URL: hubspot.url,
        SLACK_BOT_TOKEN: 'xoxb-readyz',
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
    const first = app.events.next('cycle:done');
    await app.start();
    await first;
    hubspot.limits?.setDailyLimit(hubspot.limits.requestsToday());
    await app.events.next('cycle:done', (e) => e.outcome === 'degraded');
    const body = (await (await fetch(`http://127.0.0.1:${app.port()}/readyz`)).json()) as Record<
      string,
      unknown
    >;
    expect(body.reason).toMatch(
      /^HubSpot daily API limit reached \(429 DAILY\): calls paused until midnight/,
    );
    expect(body.hubspotPause).toMatchObject({
      reason: 'daily_limit',
      untilLocal: expect.stringMatching(/^00:00 .* \(Europe\/Amsterdam\)$/),
      nextProbeAt: expect.any(String),
    });
  });
});
