import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/env.ts';
import { HOUR, SECOND } from '../../src/domain/time.ts';
import { type App, buildApp } from '../../src/main.ts';
import { startSlackSandbox } from '../../src/sandbox/index.ts';
import { autoPollEvery, untilMidnight } from '../../src/worker/poll/poll-pace.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';

const NOON = Date.UTC(2026, 11, 7, 12, 0);
/** The sandbox portal's time zone, where HubSpot's day ends. */
const PORTAL_ZONE = 'Europe/Amsterdam';

const SLA = `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [lead]
teams:
  benelux: { manager: anna@example.com, members: [bram@example.com] }
policies:
  - { name: sql, stage: sql, calendar: 24x7, first_contact: { within: 5m } }
slack: { admins: [ops@example.com] }
`;

const gauge = (text: string, name: string): number =>
  Number(new RegExp(`^${name} ([\\d.]+)$`, 'm').exec(text)?.[1] ?? Number.NaN);

/** `poll.every` left out of the SLA file: the running app paces by what HubSpot's answers say. */
describe('poll.every auto in the running app', () => {
  let dir: string | null = null;
  let app: App | null = null;
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await app?.close();
    app = null;
    for (const stop of stops.splice(0)) await stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function pacedApp(
    rateLimits: NonNullable<NonNullable<Parameters<typeof startCheckedHubSpotSandbox>[0]>['rateLimits']>,
  ) {
    dir = await mkdtemp(join(tmpdir(), 'sla-pace-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    const hubspot = await startCheckedHubSpotSandbox({ tokens: ['pat-pace'], rateLimits });
    const slack = await startSlackSandbox({ tokens: ['xoxb-pace'] });
    stops.push(hubspot.stop, slack.stop);
    hubspot.state.addOwner({ email: 'bram@example.com' });
    for (const email of ['bram@example.com', 'anna@example.com', 'ops@example.com'])
      slack.state.addUser({ email });
    const env = loadEnv({
      HUBSPOT_ACCESS_TOKEN: 'pat-pace',
      HUBSPOT_BASE_URL: hubspot.url,
      SLACK_BOT_TOKEN: 'xoxb-pace',
      SLACK_API_URL: slack.url,
      SLA_CONFIG: join(dir, 'sla.yaml'),
      DATABASE_URL: join(dir, 'sla.sqlite'),
      PORT: '0',
    });
    const log = captureLogger('info');
    app = await buildApp({
      env,
      clock: new FakeClock(NOON),
      logger: log.logger,
      cwd: dir,
      once: true,
      dryRun: false,
    });
    for (let i = 0; i < 3; i += 1) await app.runOnce();
    return { app, log, metrics: await app.metrics.registry.metrics() };
  }

  it('on Starter: the pace a whole day of these polls allows within half of 250,000, and /metrics says so', async () => {
    const { metrics, log } = await pacedApp({ tier: 'starter' });
    const perPoll = gauge(metrics, 'sla_bot_hubspot_requests_per_poll');
    expect(perPoll).toBeGreaterThan(2);
    const remaining = gauge(metrics, 'sla_bot_hubspot_ratelimit_daily_remaining');
    const expected = autoPollEvery({
      share: 0.5,
      requestsPerPoll: perPoll,
      daily: { limit: 250_000, remaining },
      leftToday: untilMidnight(NOON, PORTAL_ZONE),
    });
    expect(gauge(metrics, 'sla_bot_poll_interval_seconds')).toBe(expected / SECOND);
    expect(expected).toBeGreaterThanOrEqual(5 * SECOND);
    expect(log.lines().some((l) => l.msg === 'poll interval set')).toBe(true);
  });

  it('slows down when other integrations have used most of the day, instead of running out before midnight', async () => {
    const { metrics } = await pacedApp({
      tier: 'starter',
      otherIntegration: { perTenSeconds: 1, usedToday: 246_000 },
    });
    const perPoll = gauge(metrics, 'sla_bot_hubspot_requests_per_poll');
    const remaining = gauge(metrics, 'sla_bot_hubspot_ratelimit_daily_remaining');
    expect(remaining).toBeLessThan(4_000);
    const every = gauge(metrics, 'sla_bot_poll_interval_seconds') * SECOND;
    // What is left of the portal's day (Europe/Amsterdam: 11 hours at noon UTC), at this pace, keeps
    // within half of what HubSpot says is left.
    expect(((11 * HOUR) / every) * perPoll).toBeLessThanOrEqual(0.5 * remaining);
    expect(every).toBeGreaterThan(60 * SECOND);
  });
});
