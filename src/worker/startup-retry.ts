import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../clock/clock.ts';
import { type Instant, MINUTE, type Millis, SECOND } from '../domain/time.ts';
import { type AdminMessage, adminMessage } from '../i18n/admin-message.ts';
import type { Logger } from '../log/logger.ts';
import type { ExternalSystem } from './events.ts';
import { StartupError } from './startup-error.ts';

/**
 * Start-up against HubSpot and Slack: a platform that is unreachable or answers 5xx/429 is tried
 * again (1 s, doubling to at most a minute, no jitter) until it answers, the process is told to stop,
 * or — `run --once` only — it has been failing for `giveUpAfter`. Configuration errors (a rejected
 * token, a missing scope, a stage the portal does not have) end start-up at once.
 */

/** How one failed start-up step is handled: tried again, or start-up ends (a person must act). */
export type StartupFailure =
  | { readonly kind: 'retry'; readonly reason: string }
  | { readonly kind: 'fatal'; readonly message: string };

/** A platform still failing at start-up past the alert threshold. */
export interface StartupOutage {
  readonly system: ExternalSystem;
  /** When the first failed attempt began. */
  readonly since: Instant;
  readonly reason: string;
  readonly attempts: number;
  /** False for `run --once`, which gives up at this point. */
  readonly keepsTrying: boolean;
}

export interface StartupRetryDeps {
  readonly clock: Clock;
  readonly logger: Logger;
  /** Waits between attempts (`abortableSleep` in production; tests move a fake clock instead). */
  readonly sleep: (ms: Millis) => Promise<void>;
  /** Aborted on SIGTERM/SIGINT: no further attempt, start-up ends with `sla_startup_stopped`. */
  readonly signal?: AbortSignal | undefined;
  /** Failing this long, the admins are told once per platform (the worker's outage threshold). */
  readonly alertAfter: Millis;
  /** `run --once` gives up once failing this long; `null`: keep trying until stopped. */
  readonly giveUpAfter: Millis | null;
  readonly alert: (outage: StartupOutage) => Promise<void>;
  /** Each failed attempt that will be tried again (what `/readyz` says while starting). */
  readonly onRetry?: (failing: {
    system: ExternalSystem;
    reason: string;
    attempts: number;
    since: Instant;
  }) => void;
}

/** Runs `step` until it succeeds, retrying what `classify` calls passing; see `startupRetry`. */
export type StartupAttempts = <T>(
  system: ExternalSystem,
  step: () => Promise<T>,
  classify: (err: unknown) => StartupFailure,
) => Promise<T>;

const FIRST_DELAY: Millis = SECOND;
const MAX_DELAY: Millis = MINUTE;

/** The wait after failed attempt `attempt` (1-based): 1 s, 2 s, 4 s … 32 s, then a minute each. */
export const startupDelay = (attempt: number): Millis =>
  Math.min(MAX_DELAY, FIRST_DELAY * 2 ** Math.max(0, attempt - 1));

export const LABEL: Record<ExternalSystem, string> = { hubspot: 'HubSpot', slack: 'Slack' };
const CODE = { hubspot: 'sla_startup_hubspot', slack: 'sla_startup_slack' } as const;

const minutes = (ms: Millis): string => {
  const m = Math.round(ms / MINUTE);
  return `${m} minute${m === 1 ? '' : 's'}`;
};

/** A real wait that keeps the process alive and ends early (without error) when `signal` aborts. */
export const abortableSleep =
  (signal: AbortSignal | undefined) =>
  (ms: Millis): Promise<void> =>
    delay(ms, undefined, signal ? { signal } : {}).catch((err: unknown) => {
      if (!signal?.aborted) throw err;
    });

export function startupRetry(deps: StartupRetryDeps): StartupAttempts {
  const { clock, logger, signal } = deps;
  const stopped = (system: ExternalSystem) =>
    new StartupError('sla_startup_stopped', `stopped while waiting for ${LABEL[system]} at start-up`);
  /** Resolves `true` when `signal` aborts (never without a signal); `off` removes the listener. */
  const onStop = () => {
    let off = () => {};
    const promise = new Promise<true>((resolve) => {
      if (!signal) return;
      if (signal.aborted) resolve(true);
      const abort = () => resolve(true);
      signal.addEventListener('abort', abort, { once: true });
      off = () => signal.removeEventListener('abort', abort);
    });
    return { promise, off: () => off() };
  };
  /** `step`'s outcome, or `stop` when a signal came first (the step's own time limits end it later). */
  const untilStopped = async <T>(work: Promise<T>): Promise<{ readonly value: T } | 'stop'> => {
    const stop = onStop();
    try {
      return await Promise.race([
        work.then((value) => ({ value })),
        stop.promise.then(() => 'stop' as const),
      ]);
    } finally {
      stop.off();
    }
  };
  const tellAdmins = async (outage: StartupOutage) => {
    logger.error(
      { system: outage.system, since: outage.since, reason: outage.reason, attempts: outage.attempts },
      'still failing at start-up past the outage threshold; telling the admins',
    );
    try {
      await deps.alert(outage);
    } catch (err) {
      logger.error({ err, system: outage.system }, 'could not tell the admins about the start-up failure');
    }
  };

  return async function attempts<T>(
    system: ExternalSystem,
    step: () => Promise<T>,
    classify: (err: unknown) => StartupFailure,
  ): Promise<T> {
    let since: Instant | null = null;
    let alerted = false;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw stopped(system);
      const at = clock.now();
      let outcome: Outcome<T>;
      try {
        outcome = await untilStopped(step());
      } catch (err) {
        outcome = { failure: classify(err), cause: err };
      }
      if (outcome === 'stop') throw stopped(system);
      if ('value' in outcome) {
        if (since !== null)
          logger.info(
            { system, attempts: attempt, failingForMs: at - since },
            'start-up check passed after retries',
          );
        return outcome.value;
      }
      const { failure, cause } = outcome;
      if (failure.kind === 'fatal') throw new StartupError(CODE[system], failure.message, cause);
      since ??= at;
      const failingFor = clock.now() - since;
      const givesUp = deps.giveUpAfter !== null && failingFor >= deps.giveUpAfter;
      if (!alerted && failingFor >= deps.alertAfter) {
        alerted = true;
        await tellAdmins({ system, since, reason: failure.reason, attempts: attempt, keepsTrying: !givesUp });
      }
      if (givesUp)
        throw new StartupError(
          CODE[system],
          `${LABEL[system]} still failing after ${minutes(failingFor)} of trying at start-up (${failure.reason}); ` +
            'run --once gives up (without --once the worker keeps trying).',
          cause,
        );
      const wait = startupDelay(attempt);
      deps.onRetry?.({ system, reason: failure.reason, attempts: attempt, since });
      logger.warn(
        { system, attempt, reason: failure.reason, retryInMs: wait, failingForMs: failingFor },
        'start-up check failed, trying again',
      );
      if ((await untilStopped(deps.sleep(wait))) === 'stop') throw stopped(system);
    }
  };
}

type Outcome<T> =
  | { readonly value: T }
  | { readonly failure: StartupFailure; readonly cause: unknown }
  /** A stop signal came first. */
  | 'stop';

/** The admin alert's text: which platform, since when, why, and what sla-bot does about it. */
export const startupAlertMessage = (o: StartupOutage): AdminMessage =>
  adminMessage('alert.startup', {
    system: o.system,
    since: o.since,
    attempts: o.attempts,
    reason: o.reason,
    keepsTrying: o.keepsTrying,
  });

export const startupAlertKey = (o: StartupOutage): string => `admin:startup:${o.system}:${o.since}`;
