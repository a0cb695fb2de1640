import type { Instant } from '../domain/time.ts';

/** The only source of "now" for the application; the domain takes `now` as an argument instead. */
export interface Clock {
  now(): Instant;
}
