import { DAY } from '../time.ts';

/** A local calendar day as a number: days since 1970-01-01 in the calendar's zone (wall-clock days). */
export type LocalDay = number;

/** ISO weekday of a local day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const isoWeekday = (day: LocalDay): number => ((((day + 3) % 7) + 7) % 7) + 1;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into a local day, or returns null when it is not a real date (2026-02-30). */
export function parseLocalDay(text: string): LocalDay | null {
  const match = DATE.exec(text);
  if (match === null) return null;
  const [, y, m, d] = match.map(Number);
  if (y === undefined || m === undefined || d === undefined) return null;
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return ms / DAY;
}
