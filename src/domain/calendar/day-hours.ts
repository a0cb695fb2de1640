import type { IANAZone } from 'luxon';
import { DAY, type Instant, MINUTE } from '../time.ts';
import { isoWeekday, type LocalDay } from './local-day.ts';
import { wallToInstant } from './local-time.ts';
import type { WeeklyRange } from './spec.ts';

/** Weekly hours and holidays bound to a zone: answers "which instants are open because of this day". */
export interface DayHours {
  readonly zone: IANAZone;
  /** Ranges by ISO weekday (index 1–7; index 0 unused). */
  readonly byWeekday: readonly (readonly WeeklyRange[])[];
  readonly holidays: ReadonlySet<LocalDay>;
}

export function dayHours(
  zone: IANAZone,
  hours: readonly WeeklyRange[],
  holidays: ReadonlySet<LocalDay>,
): DayHours {
  const byWeekday = Array.from({ length: 8 }, (_, weekday) => hours.filter((r) => r.weekday === weekday));
  return { zone, byWeekday, holidays };
}

/**
 * The open intervals of the ranges that *start* on local day `day`, as instants. A holiday opens none of
 * its own ranges; a range that started the day before runs on into the holiday until it closes. Ends
 * past midnight (endMinute > 1440) fall on the next day. See wallToInstant for gaps and overlaps.
 */
export function openPairsOfDay(hours: DayHours, day: LocalDay): [Instant, Instant][] {
  if (hours.holidays.has(day)) return [];
  const midnight = day * DAY;
  const pairs: [Instant, Instant][] = [];
  for (const range of hours.byWeekday[isoWeekday(day)] ?? []) {
    const from = wallToInstant(hours.zone, midnight + range.startMinute * MINUTE);
    const until = wallToInstant(hours.zone, midnight + range.endMinute * MINUTE);
    if (until > from) pairs.push([from, until]);
  }
  return pairs;
}
