import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../clock/clock.ts';
import { type Instant, type Millis, SECOND } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import { classifySlackError, type SlackFailure } from './errors.ts';

export type Sleep = (ms: Millis) => Promise<void>;
export const realSleep: Sleep = (ms) => delay(ms);

export type QueueOutcome<T> =
  | { readonly ok: true; readonly value: T }
  /** `retryAt` is set for rate limits and transient errors that outlasted the in-call retries. */
  | { readonly ok: false; readonly failure: SlackFailure; readonly retryAt: Instant | null };

export interface SendQueueOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly sleep?: Sleep;
  /** Attempts per call, the first included (transient errors and short rate limits). */
  readonly attempts?: number;
  /** First backoff after a transient error; doubles per attempt. */
  readonly backoff?: Millis;
  /** A wait longer than this (a long Retry-After) is handed back to the caller as `retryAt`. */
  readonly maxInlineWait?: Millis;
}

export interface SendQueue {
  /**
   * Runs `call` in `lane` (one lane per channel: calls in a lane run one at a time, at least
   * `spacing` apart), honouring rate limits and retrying transient errors with backoff.
   */
  run<T>(lane: string, spacing: Millis, call: () => Promise<T>): Promise<QueueOutcome<T>>;
}

/** About one message per second per channel: Slack's chat.postMessage allowance. */
export const CHANNEL_SPACING: Millis = SECOND;

export function createSendQueue(options: SendQueueOptions): SendQueue {
  const { clock, logger } = options;
  const sleep = options.sleep ?? realSleep;
  const attempts = options.attempts ?? 3;
  const backoff = options.backoff ?? SECOND;
  const maxInlineWait = options.maxInlineWait ?? 10 * SECOND;
  /** Earliest next call per lane. */
  const nextAt = new Map<string, Instant>();
  /** Tail of each lane's chain; deleted when the lane drains. */
  const tails = new Map<string, Promise<unknown>>();

  async function attemptAll<T>(
    lane: string,
    spacing: Millis,
    call: () => Promise<T>,
  ): Promise<QueueOutcome<T>> {
    let last: SlackFailure = { kind: 'transient', code: 'not_attempted' };
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const wait = (nextAt.get(lane) ?? 0) - clock.now();
      if (wait > maxInlineWait) return { ok: false, failure: last, retryAt: clock.now() + wait };
      if (wait > 0) await sleep(wait);
      try {
        const value = await call();
        nextAt.set(lane, clock.now() + spacing);
        return { ok: true, value };
      } catch (err) {
        last = classifySlackError(err);
        const now = clock.now();
        if (last.kind === 'rate_limited') {
          nextAt.set(lane, now + Math.max(last.retryAfter, spacing));
          logger.warn(
            { lane, code: last.code, retryAfterMs: last.retryAfter, attempt },
            'slack rate limited',
          );
          continue;
        }
        nextAt.set(lane, now + spacing);
        if (last.kind !== 'transient') return { ok: false, failure: last, retryAt: null };
        const pause = backoff * 2 ** (attempt - 1);
        logger.warn({ lane, code: last.code, attempt, backoffMs: pause }, 'slack call failed, backing off');
        nextAt.set(lane, now + Math.max(pause, spacing));
      }
    }
    return { ok: false, failure: last, retryAt: Math.max(nextAt.get(lane) ?? 0, clock.now() + backoff) };
  }

  return {
    run<T>(lane: string, spacing: Millis, call: () => Promise<T>): Promise<QueueOutcome<T>> {
      const previous = tails.get(lane) ?? Promise.resolve();
      const result = previous.then(() => attemptAll(lane, spacing, call));
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(lane, tail);
      void tail.then(() => {
        if (tails.get(lane) !== tail) return;
        tails.delete(lane);
        if ((nextAt.get(lane) ?? 0) <= clock.now()) nextAt.delete(lane);
      });
      return result;
    },
  };
}
