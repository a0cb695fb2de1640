import { describe, expect, it } from 'vitest';
import { listenForStop } from '../../src/cli/stop-signal.ts';
import { MINUTE, type Millis } from '../../src/domain/time.ts';
import {
  HubSpotAuthError,
  HubSpotConfigMismatchError,
  HubSpotDailyLimitError,
  HubSpotNetworkError,
  HubSpotRateLimitError,
  HubSpotScopeError,
  HubSpotServerError,
  HubSpotTimeoutError,
} from '../../src/hubspot/errors.ts';
import { translator } from '../../src/i18n/translate.ts';
import { adminAlertText } from '../../src/slack/render/admin-alert-text.ts';
import { hubspotStartupFailure } from '../../src/worker/startup-checks.ts';
import { StartupError } from '../../src/worker/startup-error.ts';
import {
  type StartupFailure,
  type StartupOutage,
  startupAlertMessage,
  startupDelay,
  startupRetry,
} from '../../src/worker/startup-retry.ts';
import { captureLogger } from '../fakes/logger.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { ManualTimers } from '../support/manual-timers.ts';

/** The start-up alert as the admins read it in English. */
const startupAlertText = (o: StartupOutage): string =>
  adminAlertText({ message: startupAlertMessage(o) }, translator());

const T0 = Date.UTC(2026, 2, 2, 8, 0);
const passing = (reason: string): StartupFailure => ({ kind: 'retry', reason });

/** A step that fails with `errors` in turn, then answers `ok`. */
const flaky = (errors: readonly Error[]) => {
  let calls = 0;
  const step = async () => {
    const err = errors[calls++];
    if (err) throw err;
    return 'ok';
  };
  return { step, calls: () => calls };
};

function harness(options: { giveUpAfter?: Millis | null; signal?: AbortSignal; manual?: boolean } = {}) {
  const clock = new FakeClock(T0);
  const log = captureLogger('info');
  const timers = new ManualTimers(clock);
  const waits: Millis[] = [];
  const alerts: StartupOutage[] = [];
  const attempts = startupRetry({
    clock,
    logger: log.logger,
    sleep: options.manual
      ? timers.sleep
      : async (ms) => {
          waits.push(ms);
          clock.advance(ms);
        },
    signal: options.signal,
    alertAfter: 5 * MINUTE,
    giveUpAfter: options.giveUpAfter ?? null,
    alert: async (o) => {
      alerts.push(o);
    },
  });
  const tries = () => log.lines().filter((l) => l.msg === 'start-up check failed, trying again');
  return { clock, log, timers, waits, alerts, attempts, tries };
}

describe('start-up retries', () => {
  it('waits 1 s, doubling to at most a minute, without jitter', () => {
    expect(Array.from({ length: 9 }, (_, i) => startupDelay(i + 1))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
    expect(startupDelay(10_000)).toBe(60_000);
  });

  it('tries again until the platform answers, and logs each try with its number, reason and next wait', async () => {
    const h = harness();
    const down = flaky([new Error('ECONNREFUSED'), new Error('ENOTFOUND'), new Error('503')]);
    await expect(h.attempts('hubspot', down.step, (e) => passing(String(e)))).resolves.toBe('ok');
    expect(down.calls()).toBe(4);
    expect(h.waits).toEqual([1_000, 2_000, 4_000]);
    expect(h.tries().map((l) => [l.level, l.system, l.attempt, l.reason, l.retryInMs])).toEqual([
      [40, 'hubspot', 1, 'Error: ECONNREFUSED', 1_000],
      [40, 'hubspot', 2, 'Error: ENOTFOUND', 2_000],
      [40, 'hubspot', 3, 'Error: 503', 4_000],
    ]);
    expect(h.log.lines().map((l) => l.msg)).toContain('start-up check passed after retries');
    expect(h.alerts).toEqual([]);
  });

  it('stops at once on a configuration error, with its message and without waiting', async () => {
    const h = harness();
    const rejected = flaky([new Error('401')]);
    const error = await h
      .attempts('hubspot', rejected.step, () => ({ kind: 'fatal', message: 'HubSpot rejected the token.' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect(error).toMatchObject({ code: 'sla_startup_hubspot', message: 'HubSpot rejected the token.' });
    expect(rejected.calls()).toBe(1);
    expect(h.waits).toEqual([]);
  });

  it('keeps trying past five minutes and tells the admins once, with platform, reason and since', async () => {
    const h = harness();
    const down = flaky(Array.from({ length: 15 }, () => new Error('ECONNREFUSED')));
    await expect(h.attempts('slack', down.step, (e) => passing(String(e)))).resolves.toBe('ok');
    expect(down.calls()).toBe(16);
    expect(h.clock.now() - T0).toBeGreaterThan(10 * MINUTE);
    expect(h.alerts).toEqual([
      { system: 'slack', since: T0, reason: 'Error: ECONNREFUSED', attempts: 11, keepsTrying: true },
    ]);
    // 1+2+4+8+16+32+60+60+60+60 s = 303 s: the eleventh failure is the first past five minutes.
    expect(h.waits.slice(0, 10).reduce((a, b) => a + b, 0)).toBe(303_000);
    const text = startupAlertText(h.alerts[0] as StartupOutage);
    expect(text).toContain('Slack has been failing since 2026-03-02T08:00:00.000Z');
    expect(text).toContain('Error: ECONNREFUSED');
    expect(text).toContain('keeps trying');
  });

  it('with a give-up window (run --once), tells the admins and gives up after it', async () => {
    const h = harness({ giveUpAfter: 5 * MINUTE });
    const down = flaky(Array.from({ length: 50 }, () => new Error('HUBSPOT_SERVER: 503')));
    const error = await h.attempts('hubspot', down.step, (e) => passing(String(e))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as StartupError).code).toBe('sla_startup_hubspot');
    expect((error as StartupError).message).toBe(
      'HubSpot still failing after 5 minutes of trying at start-up (Error: HUBSPOT_SERVER: 503); ' +
        'run --once gives up (without --once the worker keeps trying).',
    );
    expect(down.calls()).toBe(11);
    expect(h.alerts.map((a) => a.keepsTrying)).toEqual([false]);
    expect(startupAlertText(h.alerts[0] as StartupOutage)).toContain('gives up now');
  });

  it('a stop signal during a wait ends start-up at once, without another attempt', async () => {
    const stop = new AbortController();
    const h = harness({ signal: stop.signal, manual: true });
    const down = flaky(Array.from({ length: 10 }, () => new Error('ECONNREFUSED')));
    const firstWait = h.timers.nextSleep();
    const run = h.attempts('hubspot', down.step, (e) => passing(String(e))).catch((e: unknown) => e);
    expect(await firstWait).toBe(1_000);
    stop.abort();
    const error = await run;
    expect(error).toBeInstanceOf(StartupError);
    expect(error).toMatchObject({
      code: 'sla_startup_stopped',
      message: 'stopped while waiting for HubSpot at start-up',
    });
    expect(down.calls()).toBe(1);
  });

  it('a stop signal during an attempt does not wait for the attempt to end', async () => {
    const stop = new AbortController();
    const h = harness({ signal: stop.signal });
    let started = () => {};
    const attempt = new Promise<void>((resolve) => {
      started = resolve;
    });
    const run = h
      .attempts(
        'slack',
        () => {
          started();
          return new Promise<never>(() => {}); // a request that hangs
        },
        (e) => passing(String(e)),
      )
      .catch((e: unknown) => e);
    await attempt;
    stop.abort();
    expect(await run).toMatchObject({ code: 'sla_startup_stopped' });
  });

  it('SIGTERM and SIGINT abort the start-up signal; cancel restores the default handling', async () => {
    const before = process.listenerCount('SIGTERM');
    const beforeInt = process.listenerCount('SIGINT');
    const stop = listenForStop();
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    process.emit('SIGTERM', 'SIGTERM');
    expect(stop.signal.aborted).toBe(true);
    expect(await stop.received).toBe('SIGTERM');
    expect(process.listenerCount('SIGTERM')).toBe(before);
    expect(process.listenerCount('SIGINT')).toBe(beforeInt);

    const other = listenForStop();
    other.cancel();
    expect(process.listenerCount('SIGTERM')).toBe(before);
    expect(other.signal.aborted).toBe(false);
  });
});

describe('which HubSpot failures at start-up are tried again', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' });
  it.each([
    ['unreachable', new HubSpotNetworkError('account.details', refused)],
    ['5xx', new HubSpotServerError('account.details', 503, 'Service Unavailable')],
    ['time-out', new HubSpotTimeoutError('account.details', 30_000)],
    ['429', new HubSpotRateLimitError('account.details', 'TEN_SECONDLY_ROLLING', 10_000)],
    ['daily limit', new HubSpotDailyLimitError('account.details', T0 + 60 * MINUTE)],
  ])('%s: tried again', (_, err) => {
    expect(hubspotStartupFailure(err)).toEqual({ kind: 'retry', reason: `${err.code}: ${err.message}` });
  });

  it.each([
    ['401', new HubSpotAuthError('account.details')],
    ['missing scope', new HubSpotScopeError('properties', ['crm.schemas.contacts.read'])],
    [
      'a stage the portal lacks',
      new HubSpotConfigMismatchError('sla.yaml', [
        { at: null, message: "stage 'sql': lifecycle stage 'sqll' does not exist", existing: [] },
      ]),
    ],
    ['a programming error', new TypeError('x is undefined')],
  ])('%s: stops at once', (_, err) => {
    expect(hubspotStartupFailure(err)).toMatchObject({
      kind: 'fatal',
      message: expect.stringMatching(/^HubSpot start-up check failed: /),
    });
  });
});
