import type { IANAZone } from 'luxon';
import { DAY, HOUR, type Instant, MINUTE } from '../time.ts';
import { isoWeekday, type LocalDay } from './local-day.ts';
import { steadyOffset, type WallTime, wallToInstant } from './local-time.ts';
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
 * The open intervals of the ranges that *start* on local days `firstDay`…`lastDay`, as instants. A holiday
 * opens none of its own ranges; a range that started the day before runs on into the holiday until it
 * closes. Ends past midnight (endMinute > 1440) fall on the next day. See wallToInstant for DST gaps and
 * overlaps; when the zone's offset is steady over the days (most weeks), wall times convert by subtraction.
 */
export function openPairsOfDays(
  hours: DayHours,
  firstDay: LocalDay,
  lastDay: LocalDay,
): [Instant, Instant][] {
  // Wall times here lie in [firstDay, lastDay + 2) days; zone offsets are within −12 h … +14 h.
  const offset = steadyOffset(hours.zone, firstDay * DAY - 14 * HOUR, (lastDay + 2) * DAY + 12 * HOUR);
  const toInstant =
    offset === undefined
      ? (wall: WallTime) => wallToInstant(hours.zone, wall)
      : (wall: WallTime) => wall - offset;
  const pairs: [Instant, Instant][] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    if (hours.holidays.has(day)) continue;
    const midnight = day * DAY;
    for (const range of hours.byWeekday[isoWeekday(day)] ?? []) {
      const from = toInstant(midnight + range.startMinute * MINUTE);
      const until = toInstant(midnight + range.endMinute * MINUTE);
      if (until > from) pairs.push([from, until]);
    }
  }
  return pairs;
}
