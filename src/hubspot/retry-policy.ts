import { setTimeout as delay } from 'node:timers/promises';
import type { Millis } from '../domain/time.ts';

/** Waiting and chance, injected so retries are deterministic in tests. */
export interface Timing {
  /** Resolves after `ms`; rejects (or never resolves) once `signal` aborts. */
  sleep(ms: Millis, signal?: AbortSignal): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
}

export const realTiming: Timing = {
  // A back-off wait is the only thing pending between two attempts, so it keeps the process alive
  // (`run --once` would otherwise exit mid-retry); a request's time-out timer (with a signal) does not.
  sleep: (ms, signal) => delay(ms, undefined, signal ? { signal, ref: false } : {}),
  random: Math.random,
};

export interface RetryPolicy {
  /** Total attempts for 5xx, timeouts, network errors and malformed bodies (first try included). */
  readonly maxAttempts: number;
  /** Extra attempts after 429 TEN_SECONDLY_ROLLING / SECONDLY (each waits the limit's window). */
  readonly maxRateLimitRetries: number;
  readonly baseDelay: Millis;
  readonly maxDelay: Millis;
  /** One request's time limit. */
  readonly timeout: Millis;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  maxRateLimitRetries: 5,
  baseDelay: 500,
  maxDelay: 20_000,
  timeout: 30_000,
};

/** "Full jitter" exponential backoff: uniform in [0, min(maxDelay, base · 2^(retry−1))]. `retry` starts at 1. */
export const backoffDelay = (retry: number, random: () => number, policy: RetryPolicy): Millis =>
  Math.round(random() * Math.min(policy.maxDelay, policy.baseDelay * 2 ** (retry - 1)));
