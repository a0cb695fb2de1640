import type { Instant, Millis } from '../time.ts';
import { assertDuration, assertInstant } from './arguments.ts';
import type { BusinessCalendar } from './business-calendar.ts';

/** The 24×7 calendar: every millisecond is business time, so business time is plain elapsed time. */
export function alwaysOpen(name: string, zone: string): BusinessCalendar {
  return {
    name,
    zone,
    isOpen: (t: Instant): boolean => {
      assertInstant(t, 'isOpen', 't');
      return true;
    },
    addBusinessTime: (start: Instant, duration: Millis): Instant => {
      assertInstant(start, 'addBusinessTime', 'start');
      assertDuration(duration, 'addBusinessTime');
      return start + duration;
    },
    businessTimeBetween: (a: Instant, b: Instant): Millis => {
      assertInstant(a, 'businessTimeBetween', 'a');
      assertInstant(b, 'businessTimeBetween', 'b');
      return b > a ? b - a : 0;
    },
    nextOpening: (t: Instant): Instant => {
      assertInstant(t, 'nextOpening', 't');
      return t;
    },
  };
}
