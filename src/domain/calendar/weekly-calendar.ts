import { DAY, type Instant, type Millis } from '../time.ts';
import { assertDuration, assertInstant } from './arguments.ts';
import type { BusinessCalendar } from './business-calendar.ts';
import { CalendarError } from './calendar-error.ts';
import { type DayHours, openPairsOfDays } from './day-hours.ts';
import {
  buildOpenSpan,
  elapsedIn,
  instantAtElapsed,
  isOpenIn,
  type OpenSpan,
  openingIn,
} from './open-span.ts';
import { SpanCache } from './span-cache.ts';

const WEEK: Millis = 7 * DAY;
/** Weeks kept compiled per calendar: about ten years of look-ups around "now" without rebuilding. */
const CACHE_WEEKS = 512;

/**
 * Time is cut into UTC weeks (`floor(t / WEEK)`); each week's open intervals are compiled once, with
 * luxon, into epoch-ms pairs (open-span.ts) and memoised, so every query is a cache hit plus a binary
 * search. A week draws on the local days from two days before it to the day after it: a range can close
 * up to two local days after its day starts, and zone offsets are within −12 h … +14 h.
 */
export function weeklyCalendar(name: string, zoneName: string, hours: DayHours): BusinessCalendar {
  const spans = new SpanCache(CACHE_WEEKS, (week) => {
    const from = week * WEEK;
    const until = from + WEEK;
    return buildOpenSpan(from, until, openPairsOfDays(hours, from / DAY - 2, until / DAY));
  });
  const weekOf = (t: Instant): number => Math.floor(t / WEEK);

  // Past the week of the last holiday (plus the two days a range can run on), every week has opening
  // hours, except one whose only range fell into a DST gap. Two closed weeks in a row there mean the
  // calendar never opens: stop with an error instead of looping.
  const lastHoliday = Math.max(-Infinity, ...hours.holidays);
  const steadyFrom = Number.isFinite(lastHoliday) ? weekOf((lastHoliday + 3) * DAY) + 1 : -Infinity;
  const walk = (first: number, visit: (span: OpenSpan) => boolean): void => {
    let closedInARow = 0;
    for (let week = first; ; week++) {
      const span = spans.get(week);
      if (visit(span)) return;
      closedInARow = span.total > 0 ? 0 : closedInARow + 1;
      if (closedInARow >= 2 && week > steadyFrom) {
        throw new CalendarError(
          'sla_calendar_no_opening_hours',
          `calendar "${name}" never opens after ${new Date(span.until).toISOString()}; give it opening hours`,
        );
      }
    }
  };

  return {
    name,
    zone: zoneName,
    isOpen(t: Instant): boolean {
      assertInstant(t, 'isOpen', 't');
      return isOpenIn(spans.get(weekOf(t)), t);
    },
    nextOpening(t: Instant): Instant {
      assertInstant(t, 'nextOpening', 't');
      let found = t;
      walk(weekOf(t), (span) => {
        const opening = openingIn(span, t);
        if (opening !== undefined) found = opening;
        return opening !== undefined;
      });
      return found;
    },
    addBusinessTime(start: Instant, duration: Millis): Instant {
      assertInstant(start, 'addBusinessTime', 'start');
      assertDuration(duration, 'addBusinessTime');
      if (duration === 0) return start;
      const first = spans.get(weekOf(start));
      const already = elapsedIn(first, start);
      if (duration <= first.total - already) return instantAtElapsed(first, already + duration);
      let remaining = duration - (first.total - already);
      let result = start;
      walk(weekOf(start) + 1, (span) => {
        if (remaining <= span.total) {
          result = instantAtElapsed(span, remaining);
          return true;
        }
        remaining -= span.total;
        return false;
      });
      return result;
    },
    businessTimeBetween(a: Instant, b: Instant): Millis {
      assertInstant(a, 'businessTimeBetween', 'a');
      assertInstant(b, 'businessTimeBetween', 'b');
      if (b <= a) return 0;
      const weekA = weekOf(a);
      const weekB = weekOf(b);
      const spanA = spans.get(weekA);
      if (weekA === weekB) return elapsedIn(spanA, b) - elapsedIn(spanA, a);
      let sum = spanA.total - elapsedIn(spanA, a);
      for (let week = weekA + 1; week < weekB; week++) sum += spans.get(week).total;
      return sum + elapsedIn(spans.get(weekB), b);
    },
  };
}
