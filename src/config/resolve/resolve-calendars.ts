import type { BusinessCalendar } from '../../domain/calendar/business-calendar.ts';
import { compileCalendar } from '../../domain/calendar/compile.ts';
import type { CalendarSpec } from '../../domain/calendar/spec.ts';
import { DAY, MINUTE, type Millis } from '../../domain/time.ts';
import { at, type PathProblem } from '../problems.ts';
import { CALENDAR_24X7 } from '../schema/calendar-schema.ts';
import type { SlaFile } from '../schema/sla-file.ts';

export interface ResolvedCalendar {
  readonly spec: CalendarSpec;
  readonly calendar: BusinessCalendar;
  /** One business day: the average opening time of a day the calendar opens (24 h for 24x7). */
  readonly businessDay: Millis;
}

/** The calendar specs of the file (plus the built-in 24x7), compiled; a calendar that fails names its path. */
export function resolveCalendars(file: SlaFile): {
  readonly calendars: ReadonlyMap<string, ResolvedCalendar>;
  readonly problems: readonly PathProblem[];
} {
  const specs: CalendarSpec[] = [
    { kind: '24x7', name: CALENDAR_24X7, zone: file.timezone },
    ...Object.entries(file.calendars).map(
      ([name, c]): CalendarSpec => ({
        kind: 'weekly',
        name,
        zone: c.timezone ?? file.timezone,
        hours: c.hours,
        holidays: c.holidays,
      }),
    ),
  ];
  const calendars = new Map<string, ResolvedCalendar>();
  const problems: PathProblem[] = [];
  for (const spec of specs) {
    try {
      calendars.set(spec.name, { spec, calendar: compileCalendar(spec), businessDay: businessDayOf(spec) });
    } catch (error) {
      const path = ['calendars', spec.name];
      problems.push({ path, message: at(path, error instanceof Error ? error.message : String(error)) });
    }
  }
  return { calendars, problems };
}

/** Average open minutes per open weekday (a range counts for the day it starts on). */
export function businessDayOf(spec: CalendarSpec): Millis {
  if (spec.kind === '24x7') return DAY;
  const openDays = new Set(spec.hours.map((r) => r.weekday)).size;
  const minutes = spec.hours.reduce((sum, r) => sum + (r.endMinute - r.startMinute), 0);
  return openDays === 0 ? DAY : Math.round((minutes / openDays) * MINUTE);
}
