import { DateTime } from 'luxon';
import type { BusinessCalendar } from '../../../src/domain/calendar/business-calendar.ts';
import { compileCalendar } from '../../../src/domain/calendar/compile.ts';
import type { WeeklyRange } from '../../../src/domain/calendar/spec.ts';
import type { Instant } from '../../../src/domain/time.ts';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const minuteOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  if (h === undefined || m === undefined) throw new Error(`bad time ${hhmm}`);
  return h * 60 + m;
};

const weekdayOf = (name: string): WeeklyRange['weekday'] => {
  const index = DAYS.indexOf(name);
  if (index < 0) throw new Error(`bad weekday ${name}`);
  return (index + 1) as WeeklyRange['weekday'];
};

/**
 * Weekly ranges written like the SLA file: `hours('mon-fri 08:30-17:30', 'sat 22:00-02:00')`.
 * A closing time at or before the opening time is on the next day.
 */
export function hours(...lines: string[]): WeeklyRange[] {
  return lines.flatMap((line) => {
    const [days = '', times = ''] = line.split(' ');
    const [first = '', last = first] = days.split('-');
    const [open = '', close = ''] = times.split('-');
    const startMinute = minuteOf(open);
    const closeMinute = minuteOf(close);
    const endMinute = closeMinute <= startMinute ? closeMinute + 1440 : closeMinute;
    const ranges: WeeklyRange[] = [];
    for (let d = weekdayOf(first); d <= weekdayOf(last); d++) {
      ranges.push({ weekday: d as WeeklyRange['weekday'], startMinute, endMinute });
    }
    return ranges;
  });
}

export function weekly(zone: string, ranges: WeeklyRange[], holidays: string[] = []): BusinessCalendar {
  return compileCalendar({ kind: 'weekly', name: 'test', zone, hours: ranges, holidays });
}

/** An instant from a local ISO date-time in `zone`; add an offset (`+02:00`) to pick a repeated local time. */
export function at(zone: string, local: string): Instant {
  const dt = /[+-]\d\d:\d\d$|Z$/.test(local)
    ? DateTime.fromISO(local, { setZone: true })
    : DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad local time ${local}`);
  return dt.toMillis();
}

/** An instant shown in `zone`, for readable assertion failures. */
export function show(zone: string, t: Instant): string {
  return DateTime.fromMillis(t, { zone }).toFormat('ccc yyyy-MM-dd HH:mm:ss.SSS ZZ');
}
