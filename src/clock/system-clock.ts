import type { Clock } from './clock.ts';

/** The real clock. The one place in `src/` allowed to read ambient time (see lint/no-ambient-time.grit). */
export const systemClock: Clock = {
  now: () => Date.now(),
};

/**
 * Milliseconds on the process's monotonic clock, in the epoch's range: for pacing requests, where a
 * wall-clock step (NTP) must not open or close a rate window early.
 */
export const monotonicClock: Clock = {
  now: () => performance.timeOrigin + performance.now(),
};
