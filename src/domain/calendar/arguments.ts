import type { Instant, Millis } from '../time.ts';
import { CalendarError } from './calendar-error.ts';

/**
 * Argument guards shared by both calendar kinds. A NaN or fractional instant would silently poison every
 * deadline computed from it, so the calendar refuses it loudly instead.
 */
export function assertInstant(t: Instant, method: string, parameter: string): void {
  if (!Number.isSafeInteger(t)) {
    throw new CalendarError(
      'sla_calendar_invalid_argument',
      `${method}: ${parameter} must be an integer epoch-millisecond instant, got ${t}`,
    );
  }
}

export function assertDuration(d: Millis, method: string): void {
  if (!Number.isSafeInteger(d) || d < 0) {
    throw new CalendarError(
      'sla_calendar_invalid_argument',
      `${method}: duration must be a non-negative integer number of milliseconds, got ${d}`,
    );
  }
}
