import { alwaysOpen } from './always-open.ts';
import type { BusinessCalendar } from './business-calendar.ts';
import { CalendarError } from './calendar-error.ts';
import { dayHours } from './day-hours.ts';
import { type LocalDay, parseLocalDay } from './local-day.ts';
import type { CalendarSpec, WeeklyRange } from './spec.ts';
import { weeklyCalendar } from './weekly-calendar.ts';
import { resolveZone } from './zone.ts';

/**
 * Compiles a calendar spec (from the config resolver) into a pure, fast `BusinessCalendar`.
 * Throws `CalendarError` for an unknown zone, a malformed range or holiday, or a weekly calendar without
 * hours (it would never open, and every deadline on it would be infinitely far away).
 *
 * Semantics (weekly calendars):
 * - A range opens on its weekday's local date, in the calendar's zone, and closes at `endMinute` of that
 *   date, which may be on the next day (past midnight). Open is half-open: `[opening, closing)`.
 * - A holiday is a whole local date on which no range *starts*; a range that started the day before
 *   runs on past midnight into the holiday.
 * - A local time that does not exist (spring forward) means the instant the clocks jump: 02:30 on
 *   2026-03-29 in Europe/Amsterdam is 03:00 CEST. A local time that exists twice (fall back) means the
 *   earlier one. Ranges are then measured in real elapsed time: 08:00–17:00 on a DST day is 9 h; 01:00–
 *   03:00 is 1 h in spring and 3 h in autumn in Europe/Amsterdam.
 * - `addBusinessTime(start, d)` is the earliest instant `r` with `businessTimeBetween(start, r) === d`:
 *   `start` itself for `d = 0`; for `d > 0`, the millisecond before `r` is open, so `r` is either open
 *   or exactly a closing instant (Friday 17:30, not the next Monday's opening).
 */
export function compileCalendar(spec: CalendarSpec): BusinessCalendar {
  const zone = resolveZone(spec.name, spec.zone);
  if (spec.kind === '24x7') return alwaysOpen(spec.name, spec.zone);
  if (spec.hours.length === 0) {
    throw new CalendarError(
      'sla_calendar_no_opening_hours',
      `calendar "${spec.name}" has no opening hours; add some (e.g. mon-fri: "09:00-17:00") or use 24x7`,
    );
  }
  for (const range of spec.hours) checkRange(spec.name, range);
  const holidays = new Set<LocalDay>(spec.holidays.map((text) => holiday(spec.name, text)));
  return weeklyCalendar(spec.name, spec.zone, dayHours(zone, spec.hours, holidays));
}

function checkRange(calendar: string, range: WeeklyRange): void {
  const { weekday, startMinute, endMinute } = range;
  const valid =
    Number.isInteger(weekday) &&
    weekday >= 1 &&
    weekday <= 7 &&
    Number.isInteger(startMinute) &&
    Number.isInteger(endMinute) &&
    startMinute >= 0 &&
    startMinute < 1440 &&
    endMinute > startMinute &&
    endMinute <= 2880;
  if (!valid) {
    throw new CalendarError(
      'sla_calendar_invalid_range',
      `calendar "${calendar}": range ${JSON.stringify(range)} must have weekday 1–7, startMinute 0–1439 and ` +
        'endMinute after it, at most 2880 (a range may close at most one day after it opens)',
    );
  }
}

function holiday(calendar: string, text: string): LocalDay {
  const day = parseLocalDay(text);
  if (day === null) {
    throw new CalendarError(
      'sla_calendar_invalid_holiday',
      `calendar "${calendar}": holiday "${text}" is not a date; write it as YYYY-MM-DD, e.g. 2026-12-25`,
    );
  }
  return day;
}
