import type { Clock } from '../clock/clock.ts';
import type { Instant, Millis } from '../domain/time.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { type RequestBudget, startDelay } from './request-budget.ts';

/** The limiter's time: when requests start, and how it waits for a free slot. */
export interface LimiterTime {
  readonly clock: Clock;
  readonly sleep: (ms: Millis) => Promise<void>;
}

/**
 * Starts HubSpot requests in order, at most `maxConcurrent` at a time and no more per rolling interval
 * than the budget allows now (it follows HubSpot's rate-limit headers, see `request-budget.ts`). A
 * request holds its place from its start until an interval after its answer, so HubSpot, which counts
 * it on arrival, never sees more in any window, whatever the latency.
 */
export class AdaptiveLimiter implements RateLimiter {
  readonly #budget: RequestBudget;
  readonly #time: LimiterTime;
  readonly #maxConcurrent: number;
  /** Our recent requests: when each was answered, `null` while in flight. */
  #held: { end: Instant | null }[] = [];
  #inFlight = 0;
  #turn: Promise<void> = Promise.resolve();
  #answered: (() => void)[] = [];

  constructor(budget: RequestBudget, time: LimiterTime, maxConcurrent = 4) {
    this.#budget = budget;
    this.#time = time;
    this.#maxConcurrent = maxConcurrent;
  }

  schedule<T>(job: () => Promise<T>): Promise<T> {
    const admitted = this.#turn.then(() => this.#admit());
    this.#turn = admitted.then(
      () => {},
      () => {},
    );
    return admitted.then(async (slot) => {
      try {
        return await job();
      } finally {
        slot.end = this.#time.clock.now();
        this.#inFlight -= 1;
        this.#answered.shift()?.();
      }
    });
  }

  async #admit(): Promise<{ end: Instant | null }> {
    for (;;) {
      const budget = this.#budget.current();
      const before = this.#time.clock.now();
      this.#held = this.#held.filter((h) => h.end === null || h.end > before - budget.intervalMs);
      const wait =
        this.#inFlight >= this.#maxConcurrent
          ? null
          : startDelay(
              budget,
              this.#held.map((h) => h.end),
              before,
            );
      if (wait === null) {
        await new Promise<void>((resolve) => this.#answered.push(resolve));
        continue;
      }
      // A clock that did not move while we slept is a test's frozen clock: waiting again would never end.
      if (wait > 0) await this.#time.sleep(wait);
      if (wait > 0 && this.#time.clock.now() !== before) continue;
      const slot = { end: null };
      this.#held.push(slot);
      this.#inFlight += 1;
      return slot;
    }
  }
}
