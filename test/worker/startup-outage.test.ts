import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/run-command.ts';
import { loadEnv } from '../../src/config/env.ts';
import { MINUTE } from '../../src/domain/time.ts';
import type { Timing } from '../../src/hubspot/index.ts';
import { type App, buildApp, StartupError } from '../../src/main.ts';
import { type HubSpotSandbox, type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import { SlackStartError } from '../../src/slack/errors.ts';
import { slackStartupFailure } from '../../src/worker/startup-checks.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';

const SLA = `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [lead]
teams:
  benelux: { manager: anna@example.com, members: [bram@example.com] }
policies:
  - { name: sql, stage: sql, calendar: 24x7, first_contact: { within: 5m } }
hubspot: { search_per_second: 5 }
poll: { every: 1m }
slack: { admins: [ops@example.com] }
`;

const T0 = Date.UTC(2026, 2, 2, 8, 0);

/** A loopback port nothing listens on: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Start-up against HubSpot and Slack that fail, on a fake clock: every wait (the HubSpot client's
 * back-off and start-up's own) moves the clock instead of sleeping, and `onWait` sees the new time.
 */
describe('start-up while HubSpot or Slack is failing', () => {
  let dir: string;
  let clock: FakeClock;
  let hubspot: HubSpotSandbox;
  let slack: SlackSandbox;
  let app: App | null = null;
  let onWait: () => void | Promise<void> = () => {};
  const timing: Timing = {
    random: () => 0.5,
    sleep: async (ms, signal) => {
      if (signal) return new Promise(() => {}); // request time limits never expire here
      clock.advance(ms);
      await onWait();
    },
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-startup-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    clock = new FakeClock(T0);
    onWait = () => {};
    hubspot = await startCheckedHubSpotSandbox({ clock, tokens: ['pat-start'], rateLimits: false });
    slack = await startSlackSandbox({ clock, tokens: ['xoxb-start'], rateLimits: false });
    hubspot.state.addOwner({ email: 'bram@example.com' });
    for (const email of ['bram@example.com', 'anna@example.com', 'ops@example.com'])
      slack.state.addUser({ email });
  });
  afterEach(async () => {
    await app?.close();
    app = null;
    await hubspot.stop();
    await slack.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const env = (overrides: Record<string, string> = {}) =>
    loadEnv({
      HUBSPOT_ACCESS_TOKEN: 'pat-start',
      HUBSPOT_BASE_URL: hubspot.url,
      SLACK_BOT_TOKEN: 'xoxb-start',
      SLACK_API_URL: slack.url,
      SLA_CONFIG: join(dir, 'sla.yaml'),
      DATABASE_URL: join(dir, 'sla.sqlite'),
      PORT: '0',
      ...overrides,
    });
  const build = (
    log: ReturnType<typeof captureLogger>,
    options: { once?: boolean; signal?: AbortSignal; env?: Record<string, string> } = {},
  ) =>
    buildApp({
      env: env(options.env),
      clock,
      hubspotTiming: timing,
      logger: log.logger,
      cwd: dir,
      once: options.once ?? false,
      dryRun: false,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  const tries = (log: ReturnType<typeof captureLogger>, system: string) =>
    log.lines().filter((l) => l.msg === 'start-up check failed, trying again' && l.system === system);
  const adminDms = () => slack.state.dmsTo('ops@example.com').map((m) => m.text ?? '');

  it('while HubSpot fails at start-up, PORT is alive (/healthz 200) and not ready (/readyz 503, saying why)', async () => {
    hubspot.faults.inject('server_error', { times: 10_000 });
    const log = captureLogger('info');
    const seen: { healthz: number; readyz: number; body: Record<string, unknown> }[] = [];
    onWait = async () => {
      if (clock.now() < T0 + 2 * MINUTE) return;
      if (seen.length === 0) {
        const port = log.lines().find((l) => l.msg === 'http server listening')?.port;
        const healthz = await fetch(`http://127.0.0.1:${String(port)}/healthz`);
        const readyz = await fetch(`http://127.0.0.1:${String(port)}/readyz`);
        const body = (await readyz.json()) as Record<string, unknown>;
        seen.push({ healthz: healthz.status, readyz: readyz.status, body });
      }
      hubspot.faults.clear();
    };
    app = await build(log);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.healthz).toBe(200);
    expect(seen[0]?.readyz).toBe(503);
    expect(seen[0]?.body).toMatchObject({
      status: 'starting',
      failingSince: '2026-03-02T08:00:00.000Z',
    });
    expect(String(seen[0]?.body.reason)).toMatch(/^waiting for HubSpot at start-up: HUBSPOT_SERVER/);
    // The real server takes the port over once started.
    await app.start();
    const port = app.port();
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: 'ok' });
  });

  it('HubSpot answering 5xx for seven minutes: tries again, tells the admins once, then starts', async () => {
    hubspot.faults.inject('server_error', { times: 10_000 });
    onWait = () => {
      if (clock.now() >= T0 + 7 * MINUTE) hubspot.faults.clear();
    };
    const log = captureLogger('info');
    app = await build(log);

    const retries = tries(log, 'hubspot');
    expect(retries.length).toBeGreaterThanOrEqual(10);
    expect(retries.map((l) => l.attempt)).toEqual(retries.map((_, i) => i + 1));
    expect(retries.slice(0, 8).map((l) => l.retryInMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
    for (const l of retries) {
      expect(l.level).toBe(40); // warn
      expect(l.reason).toMatch(/^HUBSPOT_SERVER: HubSpot answered 5\d\d /);
    }
    expect(log.lines().map((l) => l.msg)).toContain('hubspot portal verified');

    const alerts = adminDms();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain(
      'sla-bot cannot start: HubSpot has been failing since 2026-03-02T08:00:00.000Z',
    );
    expect(alerts[0]).toContain('HUBSPOT_SERVER');
    expect(alerts[0]).toContain('keeps trying');

    const cycle = app.events.next('cycle:done');
    await app.start();
    expect((await cycle).outcome).toBe('ok');
  });

  it('HubSpot refusing connections with run --once: gives up after five minutes, one message, admins told', async () => {
    const port = await closedPort();
    const log = captureLogger('info');
    const error = await build(log, {
      once: true,
      env: { HUBSPOT_BASE_URL: `http://127.0.0.1:${port}` },
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StartupError);
    const { code, message } = error as StartupError;
    expect(code).toBe('sla_startup_hubspot');
    expect(message).toMatch(
      /^HubSpot still failing after 5 minutes of trying at start-up \(HUBSPOT_NETWORK: Could not reach HubSpot .*ECONNREFUSED.*\); run --once gives up \(without --once the worker keeps trying\)\.$/,
    );
    expect(message).not.toContain('\n');
    expect(clock.now() - T0).toBeGreaterThanOrEqual(5 * MINUTE);
    expect(clock.now() - T0).toBeLessThan(7 * MINUTE);
    expect(tries(log, 'hubspot').every((l) => /ECONNREFUSED/.test(String(l.reason)))).toBe(true);

    const alerts = adminDms();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain('HubSpot has been failing since 2026-03-02T08:00:00.000Z');
    expect(alerts[0]).toContain('gives up now');
  });

  it('Slack answering 503 a few times: tries again, then checks HubSpot and starts', async () => {
    slack.faults.inject('server_error', { times: 3, endpoint: 'auth.test' });
    const log = captureLogger('info');
    app = await build(log);
    expect(tries(log, 'slack').map((l) => [l.attempt, l.reason, l.retryInMs])).toEqual([
      [1, 'http_503: An HTTP protocol error occurred: statusCode = 503', 1_000],
      [2, 'http_503: An HTTP protocol error occurred: statusCode = 503', 2_000],
      [3, 'http_503: An HTTP protocol error occurred: statusCode = 503', 4_000],
    ]);
    expect(tries(log, 'hubspot')).toEqual([]);
    expect(log.lines().map((l) => l.msg)).toContain('hubspot portal verified');
    expect(adminDms()).toEqual([]);
  });

  it('a stop signal while HubSpot is unreachable ends start-up cleanly', async () => {
    const port = await closedPort();
    const stop = new AbortController();
    onWait = () => {
      if (clock.now() - T0 > 20_000) stop.abort();
    };
    const log = captureLogger('info');
    const error = await build(log, {
      signal: stop.signal,
      env: { HUBSPOT_BASE_URL: `http://127.0.0.1:${port}` },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'sla_startup_stopped',
      message: 'stopped while waiting for HubSpot at start-up',
    });
    expect(clock.now() - T0).toBeLessThan(MINUTE);
    expect(adminDms()).toEqual([]);
  });

  it('a rejected Slack token stops at once with one line, before HubSpot is asked', async () => {
    const log = captureLogger('info');
    const error = await build(log, { env: { SLACK_BOT_TOKEN: 'xoxb-revoked' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error).toMatchObject({
      code: 'sla_startup_slack',
      message:
        "Slack rejected SLACK_BOT_TOKEN (invalid_auth): it is not a valid token. Set it to the app's Bot User " +
        'OAuth Token (xoxb-…, OAuth & Permissions); see docs/slack.md.',
    });
    expect(tries(log, 'slack')).toEqual([]);
    expect(hubspot.stats.snapshot().total).toBe(0);
    expect(clock.now()).toBe(T0);
  });

  it('HTTP mode: Slack rejecting the token when Bolt starts is one line, not a stack trace', async () => {
    const log = captureLogger('info');
    app = await build(log, { env: { SLACK_SIGNING_SECRET: 'shh' } });
    // Bolt's own auth.test (and the scope check's, whichever comes first) now get invalid_auth.
    slack.state.failNext('auth.test', 'invalid_auth', 2);
    const error = await app.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error).toMatchObject({ code: 'sla_startup_slack' });
    expect((error as StartupError).message).toMatch(
      /^Slack rejected SLACK_BOT_TOKEN \(invalid_auth\): [^\n]+$/,
    );
  });

  it('Socket Mode: a rejected app token names SLACK_APP_TOKEN', async () => {
    const rejected = await new WebClient('xapp-wrong', {
      slackApiUrl: slack.url,
      retryConfig: { retries: 0 },
    }).auth
      .test()
      .catch((e: unknown) => e);
    expect(slackStartupFailure(new SlackStartError('SLACK_APP_TOKEN', rejected))).toEqual({
      kind: 'fatal',
      message:
        'Slack rejected SLACK_APP_TOKEN (invalid_auth): it is not a valid token. Set it to an app-level token ' +
        'with connections:write (xapp-…, Basic Information → App-Level Tokens); see docs/slack.md.',
    });
  });
});

/** `sla-bot run` in-process: what a new admin sees on stderr, and the exit status. */
describe('sla-bot run with a token the platform rejects', () => {
  let dir: string;
  let hubspot: HubSpotSandbox;
  let slack: SlackSandbox;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-run-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    hubspot = await startCheckedHubSpotSandbox({ tokens: ['pat-right'], rateLimits: false });
    slack = await startSlackSandbox({ tokens: ['xoxb-right'], rateLimits: false });
  });
  afterEach(async () => {
    await hubspot.stop();
    await slack.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const run = async (args: string[], overrides: Record<string, string>) => {
    const stderr: string[] = [];
    const stdout: string[] = [];
    const code = await runCommand.run(args, {
      stdout: (t) => stdout.push(t),
      stderr: (t) => stderr.push(t),
      env: {
        HUBSPOT_ACCESS_TOKEN: 'pat-right',
        HUBSPOT_BASE_URL: hubspot.url,
        SLACK_BOT_TOKEN: 'xoxb-right',
        SLACK_API_URL: slack.url,
        SLA_CONFIG: join(dir, 'sla.yaml'),
        DATABASE_URL: join(dir, 'sla.sqlite'),
        PORT: '0',
        LOG_LEVEL: 'silent',
        ...overrides,
      },
      cwd: dir,
    });
    return { code, stderr: stderr.join(''), stdout: stdout.join('') };
  };

  it('HubSpot answering 401 exits 1 at once with one line', async () => {
    const r = await run(['--once'], { HUBSPOT_ACCESS_TOKEN: 'pat-old' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^HubSpot start-up check failed: HUBSPOT_AUTH: HubSpot rejected the access token \([^)]+\)\. Check HUBSPOT_ACCESS_TOKEN: it must be the private app's current token\.\n$/,
    );
    // One request: a rejected token is not tried again.
    expect(hubspot.stats.snapshot().total).toBe(1);
  });

  it('HTTP mode (signing secret, no app token): Slack invalid_auth exits 1 with the one-line reason', async () => {
    const r = await run([], { SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: 'shh' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "Slack rejected SLACK_BOT_TOKEN (invalid_auth): it is not a valid token. Set it to the app's Bot User " +
        'OAuth Token (xoxb-…, OAuth & Permissions); see docs/slack.md.\n',
    );
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(hubspot.stats.snapshot().total).toBe(0);
  });
});
