import type { Instant, Millis } from '../time.ts';

/**
 * A compiled business calendar: an IANA zone, weekly opening hours and holidays, or 24×7.
 * Every method is pure. Durations are *business* time: only time inside opening hours counts.
 */
export interface BusinessCalendar {
  readonly name: string;
  readonly zone: string;
  /** True when `t` falls inside opening hours (always true for 24×7). */
  isOpen(t: Instant): boolean;
  /** The instant at which `duration` of business time has elapsed after `start`. */
  addBusinessTime(start: Instant, duration: Millis): Instant;
  /** Business time elapsed between `a` and `b` (0 when `b <= a`). */
  businessTimeBetween(a: Instant, b: Instant): Millis;
  /** `t` itself when open, otherwise the next instant the calendar opens. */
  nextOpening(t: Instant): Instant;
}
