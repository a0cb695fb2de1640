import type { Clock } from '../clock/clock.ts';
import type { Millis } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import { mayHaveBeenCarriedOut } from './ambiguous-failure.ts';
import { classifyError } from './classify-error.ts';
import { DAILY_PROBE_EVERY, type DailyPause, nextMidnight } from './daily-pause.ts';
import {
  HubSpotAmbiguousWriteError,
  HubSpotDailyLimitError,
  HubSpotError,
  HubSpotRateLimitError,
  HubSpotTimeoutError,
} from './errors.ts';
import type { Limiters } from './limiter.ts';
import { backoffDelay, type RetryPolicy, type Timing } from './retry-policy.ts';

/** One kind of call: a name for logs and errors, the scope it needs, and which budget it spends. */
export interface Operation {
  readonly name: string;
  readonly scope: string;
  readonly budget: 'standard' | 'search';
  /**
   * Whether sending the request twice has the effect of sending it once (reads, updates that set
   * values). A non-idempotent call (a create) is never resent after a failure that may have reached
   * HubSpot: it fails with `HubSpotAmbiguousWriteError` and its caller looks before trying again.
   */
  readonly idempotent: boolean;
  /** Attempts on 5xx, time-outs and network errors; the retry policy's `maxAttempts` when unset. */
  readonly attempts?: number;
}

export interface GatewayDeps {
  readonly logger: Logger;
  readonly clock: Clock;
  readonly limiters: Limiters;
  readonly timing: Timing;
  readonly retry: RetryPolicy;
  /** IANA zone in which the account's daily limit resets (the portal's zone). */
  readonly dailyResetZone: () => string;
  /**
   * During a daily pause, one cheap request asking HubSpot whether calls are allowed again (HR-16):
   * served → the pause ends early; refused → asked again `every` later. Absent: paused until midnight.
   */
  readonly dailyProbe?: {
    readonly op: Operation;
    readonly request: (signal: AbortSignal) => Promise<unknown>;
    readonly every?: Millis;
  };
}

/**
 * Every HubSpot call goes through here: client-side limiter, time limit (the request is aborted when
 * it is up), typed errors, bounded retries with jittered backoff (5xx, timeouts, network; never for a
 * non-idempotent call that may have reached HubSpot), waits on 429 burst/secondly limits, and a
 * latch that stops all calls after a 429 DAILY until the account's midnight — or until the probe,
 * every 15 minutes, finds HubSpot serving again. The SDK's own retry and limiter are off
 * (`numberOfApiCallRetries` unset), so nothing retries twice.
 */
export class HubSpotGateway {
  private readonly deps: GatewayDeps;
  private pause: DailyPause | null = null;
  private probing: Promise<boolean> | null = null;
  private attempts = 0;

  constructor(deps: GatewayDeps) {
    this.deps = deps;
  }

  /** HTTP attempts made so far (for metrics and the request-budget tests). */
  get requestCount(): number {
    return this.attempts;
  }

  /** The daily-limit pause in force, if any (for `/readyz`). */
  get dailyPause(): DailyPause | null {
    const pause = this.pause;
    return pause !== null && this.deps.clock.now() < pause.until ? pause : null;
  }

  /** `request` gets a signal that aborts the HTTP request when its time limit is up. */
  async call<T>(op: Operation, request: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      await this.checkDailyPause(op);
      try {
        return await this.deps.limiters[op.budget].schedule(() => this.attempt(op, request));
      } catch (thrown) {
        const error = classifyError(thrown, op.name, op.scope);
        if (error instanceof HubSpotRateLimitError && error.policy === 'DAILY') throw this.pauseForTheDay(op);
        if (!(error instanceof HubSpotError) || !error.retryable) throw error;
        if (!op.idempotent && mayHaveBeenCarriedOut(error)) throw this.ambiguous(op, error);
        let wait: number;
        if (error instanceof HubSpotRateLimitError) {
          rateLimited += 1;
          if (rateLimited > this.deps.retry.maxRateLimitRetries) throw error;
          wait = error.retryAfter;
        } else {
          failures += 1;
          if (failures >= (op.attempts ?? this.deps.retry.maxAttempts)) throw error;
          wait = backoffDelay(failures, this.deps.timing.random, this.deps.retry);
        }
        this.deps.logger.warn(
          { operation: op.name, code: error.code, error: error.message, waitMs: wait, failures, rateLimited },
          'hubspot call failed, retrying',
        );
        await this.deps.timing.sleep(wait);
      }
    }
  }

  private async attempt<T>(op: Operation, request: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.attempts += 1;
    const timeout = this.deps.retry.timeout;
    const stopTimer = new AbortController();
    const cancelRequest = new AbortController();
    const timer = this.deps.timing.sleep(timeout, stopTimer.signal).then(
      () => {
        // Give up on the request itself too: its socket is closed, not left running.
        const error = new HubSpotTimeoutError(op.name, timeout);
        cancelRequest.abort(error);
        return Promise.reject(error);
      },
      () => new Promise<never>(() => {}),
    );
    try {
      return await Promise.race([request(cancelRequest.signal), timer]);
    } finally {
      stopTimer.abort();
    }
  }

  private ambiguous(op: Operation, error: HubSpotError): HubSpotAmbiguousWriteError {
    this.deps.logger.warn(
      { operation: op.name, code: error.code, error: error.message },
      'hubspot write may have been carried out, not sent again',
    );
    return new HubSpotAmbiguousWriteError(op.name, error);
  }

  private async checkDailyPause(op: Operation): Promise<void> {
    const pause = this.pause;
    if (pause === null) return;
    const now = this.deps.clock.now();
    if (now >= pause.until) {
      this.pause = null;
      this.deps.logger.info({ operation: op.name }, 'hubspot daily limit pause over, calling again');
      return;
    }
    const probe = this.deps.dailyProbe;
    if (probe !== undefined && now >= pause.nextProbeAt && (await this.probe(probe))) return;
    if (this.pause === null) return; // another call's probe ended it meanwhile
    throw this.pausedError(op.name, this.pause);
  }

  /** One probe at a time: calls arriving while it runs share its verdict. */
  private probe(probe: NonNullable<GatewayDeps['dailyProbe']>): Promise<boolean> {
    this.probing ??= this.runProbe(probe).finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  private async runProbe(probe: NonNullable<GatewayDeps['dailyProbe']>): Promise<boolean> {
    const every = probe.every ?? DAILY_PROBE_EVERY;
    try {
      await this.deps.limiters.standard.schedule(() => this.attempt(probe.op, probe.request));
    } catch (thrown) {
      const error = classifyError(thrown, probe.op.name, probe.op.scope);
      const now = this.deps.clock.now();
      if (this.pause !== null)
        this.pause = { ...this.pause, nextProbeAt: Math.min(this.pause.until, now + every) };
      this.deps.logger.info(
        {
          code: error instanceof HubSpotError ? error.code : 'error',
          error: error instanceof Error ? error.message : String(error),
          nextProbeAt: this.pause === null ? null : new Date(this.pause.nextProbeAt).toISOString(),
        },
        'hubspot daily limit probe: calls still refused',
      );
      return false;
    }
    const since = this.pause?.since ?? null;
    this.pause = null;
    this.deps.logger.warn(
      { since: since === null ? null : new Date(since).toISOString() },
      'hubspot serves calls again before midnight (daily limit raised); pause over',
    );
    return true;
  }

  private pausedError(operation: string, pause: DailyPause): HubSpotDailyLimitError {
    return new HubSpotDailyLimitError(operation, pause.until, {
      zone: pause.zone,
      nextProbeAt: pause.nextProbeAt,
    });
  }

  private pauseForTheDay(op: Operation): HubSpotDailyLimitError {
    const zone = this.deps.dailyResetZone();
    const now = this.deps.clock.now();
    const until = nextMidnight(now, zone);
    const probe = this.deps.dailyProbe;
    const nextProbeAt =
      probe === undefined ? until : Math.min(until, now + (probe.every ?? DAILY_PROBE_EVERY));
    // A call that was already under way when the pause began keeps the first refusal's start.
    const since = this.pause !== null && this.pause.until === until ? this.pause.since : now;
    this.pause = { reason: 'daily_limit', since, until, zone, nextProbeAt };
    this.deps.logger.error(
      {
        operation: op.name,
        resumeAt: new Date(until).toISOString(),
        zone,
        nextProbeAt: new Date(nextProbeAt).toISOString(),
      },
      'hubspot daily api limit reached, pausing all calls',
    );
    return this.pausedError(op.name, this.pause);
  }
}
