import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock/system-clock.ts';
import { loadEnv } from '../../src/config/env.ts';
import { readRateLimitHeaders } from '../../src/hubspot/rate-limit-headers.ts';
import { budgetFor } from '../../src/hubspot/request-budget.ts';
import { type App, buildApp } from '../../src/main.ts';
import type { NewOutboxEntry } from '../../src/ports/store.ts';
import { startSlackSandbox } from '../../src/sandbox/index.ts';
import { createMetrics } from '../../src/server/metrics.ts';
import { WorkerEvents } from '../../src/worker/events.ts';
import { dailyBudgetLow, watchHubSpotBudget } from '../../src/worker/observe/hubspot-budget.ts';
import { captureLogger } from '../fakes/logger.ts';
import { alertTextOf } from '../support/admin-alert-text.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';

/** 2026-03-02 22:30 UTC: 23:30 in Amsterdam, half an hour before the portal's day ends. */
const LATE = Date.UTC(2026, 2, 2, 22, 30);

const answer = (max: number, remaining: number, daily: number, dailyRemaining: number) =>
  readRateLimitHeaders({
    'x-hubspot-ratelimit-max': String(max),
    'x-hubspot-ratelimit-remaining': String(remaining),
    'x-hubspot-ratelimit-interval-milliseconds': '10000',
    'x-hubspot-ratelimit-daily': String(daily),
    'x-hubspot-ratelimit-daily-remaining': String(dailyRemaining),
  });

function watcher(zone: () => string | null = () => 'Europe/Amsterdam') {
  const clock = new FakeClock(LATE);
  const log = captureLogger();
  const alerts: NewOutboxEntry[] = [];
  const metrics = createMetrics(new WorkerEvents(), { defaultMetrics: false });
  let failNext = false;
  const watch = watchHubSpotBudget({
    logger: log.logger,
    clock,
    zone,
    alert: async (entry) => {
      if (failNext) {
        failNext = false;
        throw new Error('store unavailable');
      }
      alerts.push(entry);
    },
    gauges: metrics,
  });
  const see = (reading: ReturnType<typeof answer>) =>
    watch(
      reading,
      budgetFor(
        { share: 0.5, capPerTenSeconds: null },
        { max: reading.burst?.max ?? 100, intervalMs: 10_000, others: 0, at: clock.now() },
      ),
    );
  return { clock, log, alerts, metrics, see, failNextAlert: () => (failNext = true) };
}

const HOUR = 3_600_000;
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the daily budget warning', () => {
  it.each([
    [250_000, 50_001, false],
    [250_000, 50_000, false],
    [250_000, 49_999, true],
    [1_000_000, 150_000, true],
  ])('%i a day, %i left: low = %s', (limit, remaining, low) => {
    expect(dailyBudgetLow({ limit, remaining })).toBe(low);
  });

  it('tells the admins once per portal day when less than 20 % is left, and logs it', async () => {
    const w = watcher();
    w.see(answer(100, 90, 250_000, 60_000));
    w.see(answer(100, 89, 250_000, 49_999));
    w.see(answer(100, 88, 250_000, 49_998));
    await settle();
    expect(w.alerts).toHaveLength(1);
    expect(w.alerts[0]).toMatchObject({
      key: 'admin:hubspot-daily-budget-low:2026-03-02',
      kind: 'admin_alert',
    });
    expect(alertTextOf(w.alerts[0]?.payload)).toContain('49,999 of 250,000 requests left today (20 %)');
    expect(w.log.lines().filter((l) => l.msg === 'hubspot daily api budget below 20 percent')).toHaveLength(
      1,
    );
    // Past midnight in Amsterdam (not yet in UTC) it is a new portal day: one more.
    w.clock.advance(45 * 60_000);
    w.see(answer(100, 87, 250_000, 1_000));
    await settle();
    expect(w.alerts.map((a) => a.key)).toEqual([
      'admin:hubspot-daily-budget-low:2026-03-02',
      'admin:hubspot-daily-budget-low:2026-03-03',
    ]);
  });

  it('waits for the portal’s zone before warning, so the warning is keyed by the portal’s day', async () => {
    // 2026-03-02 23:30 UTC is already 3 March in Amsterdam: before the start-up check read the portal's
    // zone, the day would be the SLA file's (UTC) and a second warning would follow once it is known.
    let zone: string | null = null;
    const w = watcher(() => zone);
    w.clock.set(LATE + HOUR);
    w.see(answer(100, 90, 250_000, 49_999));
    await settle();
    expect(w.alerts).toHaveLength(0);
    zone = 'Europe/Amsterdam';
    w.see(answer(100, 89, 250_000, 49_998));
    w.see(answer(100, 88, 250_000, 49_997));
    await settle();
    expect(w.alerts.map((a) => a.key)).toEqual(['admin:hubspot-daily-budget-low:2026-03-03']);
  });

  it('tries again on the next answer when the alert could not be queued', async () => {
    const w = watcher();
    w.failNextAlert();
    w.see(answer(100, 90, 250_000, 10));
    await settle();
    expect(w.alerts).toHaveLength(0);
    expect(w.log.lines().map((l) => l.msg)).toContain(
      'could not queue the admin alert about the hubspot daily budget',
    );
    w.see(answer(100, 89, 250_000, 9));
    await settle();
    expect(w.alerts).toHaveLength(1);
  });

  it('shows the limits on /metrics and logs when the budget changes', async () => {
    const w = watcher();
    w.see(answer(100, 61, 250_000, 200_000));
    w.see(answer(190, 150, 650_000, 600_000));
    w.see(answer(190, 149, 650_000, 599_999));
    const text = await w.metrics.registry.metrics();
    expect(text).toMatch(/^sla_bot_hubspot_ratelimit_max 190$/m);
    expect(text).toMatch(/^sla_bot_hubspot_ratelimit_remaining 149$/m);
    expect(text).toMatch(/^sla_bot_hubspot_ratelimit_daily 650000$/m);
    expect(text).toMatch(/^sla_bot_hubspot_ratelimit_daily_remaining 599999$/m);
    expect(text).toMatch(/^sla_bot_hubspot_budget_per_interval 95$/m);
    expect(
      w.log
        .lines()
        .filter((l) => l.msg === 'hubspot request budget set')
        .map((l) => l.max),
    ).toEqual([100, 190]);
  });
});

describe('the running app against a portal whose other integrations used most of the day', () => {
  let dir = '';
  let app: App | null = null;
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await app?.close();
    app = null;
    for (const stop of stops.splice(0)) await stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('warns the admins in Slack once, and /metrics shows what HubSpot reported', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-daily-'));
    await writeFile(
      join(dir, 'sla.yaml'),
      `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [lead]
teams:
  benelux: { manager: anna@example.com, members: [bram@example.com] }
policies:
  - { name: sql, stage: sql, calendar: 24x7, first_contact: { within: 5m } }
poll: { every: 1s }
slack: { admins: [ops@example.com] }
`,
    );
    const hubspot = await startCheckedHubSpotSandbox({
      tokens: ['pat-daily'],
      rateLimits: { otherIntegration: { perTenSeconds: 1, usedToday: 210_000 } },
    });
    const slack = await startSlackSandbox({ tokens: ['xoxb-daily'] });
    stops.push(hubspot.stop, slack.stop);
    hubspot.state.addOwner({ email: 'bram@example.com' });
    for (const email of ['bram@example.com', 'anna@example.com', 'ops@example.com'])
      slack.state.addUser({ email });
    const env = loadEnv({
      HUBSPOT_ACCESS_TOKEN: 'pat-daily',
      HUBSPOT_BASE_URL: hubspot.url,
      SLACK_BOT_TOKEN: 'xoxb-daily',
      SLACK_API_URL: slack.url,
      SLA_CONFIG: join(dir, 'sla.yaml'),
      DATABASE_URL: join(dir, 'sla.sqlite'),
      PORT: '0',
    });
    app = await buildApp({
      env,
      clock: systemClock,
      logger: captureLogger('warn').logger,
      cwd: dir,
      once: false,
      dryRun: false,
    });
    const third = app.events.next('cycle:done', (e) => e.cycle >= 3);
    await app.start();
    await third;
    const warnings = slack.state
      .dmsTo('ops@example.com')
      .filter((m) => /daily API budget/.test(m.text ?? ''));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.text).toMatch(/of 250,000 requests left today \(16 %\)/);

    const text = await (await fetch(`http://127.0.0.1:${app.port()}/metrics`)).text();
    expect(text).toMatch(/^sla_bot_hubspot_ratelimit_max 100$/m);
    expect(text).toMatch(/^sla_bot_hubspot_ratelimit_daily 250000$/m);
    expect(text).toMatch(/^sla_bot_hubspot_budget_per_interval 50$/m);
    const left = Number(/^sla_bot_hubspot_ratelimit_daily_remaining (\d+)$/m.exec(text)?.[1]);
    expect(left).toBeLessThan(40_000);
    expect(left).toBeGreaterThan(39_000);
  });
});
