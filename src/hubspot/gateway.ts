import { DateTime } from 'luxon';
import type { Clock } from '../clock/clock.ts';
import type { Instant } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import { mayHaveBeenCarriedOut } from './ambiguous-failure.ts';
import { classifyError } from './classify-error.ts';
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
}

/**
 * Every HubSpot call goes through here: client-side limiter, time limit (the request is aborted when
 * it is up), typed errors, bounded retries with jittered backoff (5xx, timeouts, network; never for a
 * non-idempotent call that may have reached HubSpot), waits on 429 burst/secondly limits, and a
 * latch that stops all calls after a 429 DAILY until the account's midnight. The SDK's own retry and
 * limiter are off (`numberOfApiCallRetries` unset), so nothing retries twice.
 */
export class HubSpotGateway {
  private readonly deps: GatewayDeps;
  private pausedUntil: Instant | null = null;
  private attempts = 0;

  constructor(deps: GatewayDeps) {
    this.deps = deps;
  }

  /** HTTP attempts made so far (for metrics and the request-budget tests). */
  get requestCount(): number {
    return this.attempts;
  }

  /** `request` gets a signal that aborts the HTTP request when its time limit is up. */
  async call<T>(op: Operation, request: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let failures = 0;
    let rateLimited = 0;
    for (;;) {
      this.checkDailyPause(op);
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

  private checkDailyPause(op: Operation): void {
    if (this.pausedUntil === null) return;
    if (this.deps.clock.now() >= this.pausedUntil) {
      this.pausedUntil = null;
      this.deps.logger.info({ operation: op.name }, 'hubspot daily limit pause over, calling again');
      return;
    }
    throw new HubSpotDailyLimitError(op.name, this.pausedUntil);
  }

  private pauseForTheDay(op: Operation): HubSpotDailyLimitError {
    const zone = this.deps.dailyResetZone();
    const now = DateTime.fromMillis(this.deps.clock.now(), { zone });
    const midnight = (now.isValid ? now : DateTime.fromMillis(this.deps.clock.now(), { zone: 'utc' }))
      .plus({ days: 1 })
      .startOf('day')
      .toMillis();
    this.pausedUntil = midnight;
    this.deps.logger.error(
      { operation: op.name, resumeAt: new Date(midnight).toISOString(), zone },
      'hubspot daily api limit reached, pausing all calls',
    );
    return new HubSpotDailyLimitError(op.name, midnight);
  }
}
