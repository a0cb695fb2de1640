import type { Clock } from './clock.ts';

/** The real clock. The one place in `src/` allowed to read ambient time (see lint/no-ambient-time.grit). */
export const systemClock: Clock = {
  now: () => Date.now(),
};
