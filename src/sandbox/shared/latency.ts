import type { Random } from './random.ts';

/**
 * A slow tail: a share of the requests takes a log-normal delay instead of the usual one, as a real
 * API's slowest answers do (a busy shard, a cold cache). With `share` 0.02 and `medianMs` 1,000 the
 * 99th percentile of all delays is the tail's median: about 1 s.
 */
export interface LatencyTail {
  /** Share of requests (0–1) in the tail. */
  readonly share: number;
  /** The tail's median delay, ms. */
  readonly medianMs: number;
  /** Spread of the tail (σ of the log of the delay). Default 0.5: its p90 is about 1.9 × its median. */
  readonly sigma?: number;
  /** No delay above this. Default 5 × `medianMs`. */
  readonly maxMs?: number;
}

export interface LatencyOptions {
  /** Added to every response, in ms. */
  readonly meanMs: number;
  /** Uniform jitter around the mean, ± ms. */
  readonly jitterMs?: number;
  /** Some responses take much longer (default: none, every delay is `meanMs ± jitterMs`). */
  readonly tail?: LatencyTail;
}

/** A standard normal draw (Box–Muller), from two uniform draws. */
function normal(random: Random): number {
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A delay in ms for one response, or 0. Deterministic for a seeded `random`: without a tail one draw
 * per response (as before tails existed), with one a draw for "in the tail?" first.
 */
export function latencyFor(options: LatencyOptions | undefined, random: Random): number {
  if (!options) return 0;
  const tail = options.tail;
  if (tail && random.next() < tail.share) {
    const delay = tail.medianMs * Math.exp((tail.sigma ?? 0.5) * normal(random));
    return Math.min(delay, tail.maxMs ?? 5 * tail.medianMs);
  }
  const jitter = options.jitterMs ?? 0;
  return Math.max(0, options.meanMs + (random.next() * 2 - 1) * jitter);
}
