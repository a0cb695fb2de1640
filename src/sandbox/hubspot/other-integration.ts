import type { Instant, Millis } from '../../domain/time.ts';

export interface OtherIntegrationOptions {
  /** Its steady request rate, spread evenly: `40` = one request every 250 ms. */
  readonly perTenSeconds: number;
  /** Requests it had already made today when the sandbox started (drains the daily budget). */
  readonly usedToday?: number;
}

const TEN_SECONDS: Millis = 10_000;

/**
 * Another integration of the same portal, on the sandbox clock: its requests are generated lazily,
 * evenly spaced, and handed to the rate limiter, which counts them in the same pool as the app's own.
 * It was already running when the sandbox first looks: the window then holds a full interval of them.
 */
export class OtherIntegration {
  readonly #step: Millis;
  #since: Instant | null = null;
  #made = 0;

  constructor(options: OtherIntegrationOptions) {
    if (!(options.perTenSeconds > 0)) throw new Error('otherIntegration.perTenSeconds must be positive');
    this.#step = TEN_SECONDS / options.perTenSeconds;
  }

  /**
   * Its requests since the last call, up to `now` inclusive: how many, and the times of those after
   * `keepAfter` (the ones still inside the rate window), oldest first.
   */
  requestsUntil(now: Instant, keepAfter: Instant): { readonly count: number; readonly recent: Instant[] } {
    const first = this.#since === null;
    if (this.#since === null) this.#since = now - TEN_SECONDS;
    const due = Math.floor((now - this.#since) / this.#step);
    const from = Math.max(this.#made + 1, Math.floor((keepAfter - this.#since) / this.#step) + 1);
    const recent: Instant[] = [];
    for (let k = from; k <= due; k++) recent.push(this.#since + k * this.#step);
    // Those it made before the sandbox started are in `usedToday` already.
    const count = first ? 0 : Math.max(0, due - this.#made);
    this.#made = Math.max(this.#made, due);
    return { count, recent };
  }
}
