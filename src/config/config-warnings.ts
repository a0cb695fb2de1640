import { at, type PathProblem } from './problems.ts';
import { weeklyHoursWarnings } from './weekly-hours.ts';

const isMap = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What a file may say but probably does not mean, on the raw data: the file stays valid, `validate`
 * prints these as warnings and the worker logs them. Today: opening hours that close before they open
 * without the `+1` that marks a range past midnight.
 */
export function configWarnings(data: unknown): PathProblem[] {
  return hoursWarnings(data);
}

function hoursWarnings(data: unknown): PathProblem[] {
  const calendars = isMap(data) ? data.calendars : undefined;
  if (!isMap(calendars)) return [];
  return Object.entries(calendars).flatMap(([name, calendar]) => {
    const hours = isMap(calendar) ? calendar.hours : undefined;
    if (!isMap(hours)) return [];
    return weeklyHoursWarnings(hours).map((w): PathProblem => {
      const path = ['calendars', name, 'hours', w.key];
      return { path, on: w.on, message: at(path, w.message) };
    });
  });
}
