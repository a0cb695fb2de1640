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
  return [...hoursWarnings(data), ...reassignNotActedOn(data)];
}

/**
 * Issue 18 in progress: `reassign:` is checked (and its decision, store and round-robin exist), but the
 * worker does not act on it yet. Said at the line until the reassignment stage runs in the cycle.
 */
function reassignNotActedOn(data: unknown): PathProblem[] {
  const policies = isMap(data) && Array.isArray(data.policies) ? data.policies : [];
  return policies.flatMap((policy, i) => {
    const levels = isMap(policy) && Array.isArray(policy.escalate) ? policy.escalate : [];
    return levels.flatMap((level, j): PathProblem[] => {
      if (!isMap(level) || level.reassign === undefined) return [];
      const path = ['policies', i, 'escalate', j, 'reassign'];
      const message =
        'checked, but this version of sla-bot does not reassign leads yet: nothing is written to HubSpot';
      return [{ path, message: at(path, message) }];
    });
  });
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
