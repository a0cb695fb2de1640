import type { WeeklyRange } from '../domain/calendar/spec.ts';

/**
 * Opening hours as admins write them — `{ mon-fri: "08:30-12:00, 13:00-17:30", sat: "10:00-14:00" }`
 * — turned into `WeeklyRange`s. Ranges may run past midnight ("22:00-02:00+1"); none may overlap,
 * including a late range running into the next day's hours (and Sunday night into Monday).
 */
export type Weekday = WeeklyRange['weekday'];

export interface HoursProblem {
  /** The `hours` key the problem is about. */
  readonly key: string;
  /** The day spec (key) or the time ranges (value). */
  readonly on: 'key' | 'value';
  readonly message: string;
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const FULL_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const GROUPS: Record<string, readonly Weekday[]> = {
  weekdays: [1, 2, 3, 4, 5],
  weekend: [6, 7],
  daily: [1, 2, 3, 4, 5, 6, 7],
};
const WEEK = 7 * 1440;

export const DAY_KEY_HELP =
  'use mon … sun, a range like mon-fri, a list like "sat, sun", weekdays, weekend or daily';
export const RANGE_HELP =
  'write HH:MM-HH:MM, e.g. "09:00-17:30"; several ranges a day: "08:30-12:00, 13:00-17:30"';

const weekdayOf = (name: string): Weekday | null => {
  const n = name.trim().toLowerCase();
  const i = Math.max(DAY_NAMES.indexOf(n as (typeof DAY_NAMES)[number]), FULL_NAMES.indexOf(n));
  return i < 0 ? null : ((i + 1) as Weekday);
};

/** `mon-fri` → [1..5]; `fri-mon` wraps round the weekend; `sat, sun` lists. */
export function parseDayKey(key: string): readonly Weekday[] | { readonly error: string } {
  const days = new Set<Weekday>();
  for (const part of key.split(',')) {
    const group = GROUPS[part.trim().toLowerCase()];
    const [from, to, ...extra] = part.split('-');
    const start = weekdayOf(from ?? '');
    const end = to === undefined ? start : weekdayOf(to);
    if (group) for (const d of group) days.add(d);
    else if (start === null || end === null || extra.length > 0) {
      return { error: `'${part.trim()}' is not a day or range of days; ${DAY_KEY_HELP}` };
    } else
      for (let d = start; ; d = ((d % 7) + 1) as Weekday) {
        days.add(d);
        if (d === end) break;
      }
  }
  return [...days].sort((a, b) => a - b);
}

type MinuteRange = { readonly startMinute: number; readonly endMinute: number };

/**
 * `"08:30-12:00, 13:00-17:30"` → minute ranges. `+1` after the closing time marks a range that closes
 * the next day (`"22:00-02:00+1"`); an end at or before the start without it runs past midnight too
 * (as before `+1` existed), with a warning, since `"17:00-08:00"` is more often swapped times.
 */
export function parseRanges(value: string): readonly MinuteRange[] | { readonly error: string } {
  const parsed = readRanges(value);
  return 'error' in parsed ? parsed : parsed.ranges;
}

/** The ranges of a value, and a warning for each one that runs past midnight without `+1`. */
function readRanges(
  value: string,
):
  | { readonly ranges: readonly MinuteRange[]; readonly warnings: readonly string[] }
  | { readonly error: string } {
  const ranges: MinuteRange[] = [];
  const warnings: string[] = [];
  for (const part of value.split(',')) {
    const text = part.trim();
    const match = /^(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})(\s*\+\s*1)?$/.exec(text);
    if (!match) return { error: `'${text}' is not a time range; ${RANGE_HELP}` };
    const start = minuteOf(match[1] ?? '', false);
    const end = minuteOf(match[2] ?? '', true);
    if (typeof start === 'string') return { error: start };
    if (typeof end === 'string') return { error: end };
    if (match[3] !== undefined) {
      if (end > start) {
        return {
          error: `'${text}' would be open more than 24 hours; +1 marks a range that closes the next day, after midnight ("22:00-02:00+1"): remove the +1`,
        };
      }
      ranges.push({ startMinute: start, endMinute: end + 1440 });
      continue;
    }
    if (start === end % 1440 && end !== 1440) {
      return {
        error: `'${text}' is empty: it opens and closes at the same time; for all day write 00:00-24:00`,
      };
    }
    if (end < start && end !== 0) warnings.push(pastMidnight(text, match[1] ?? '', match[2] ?? ''));
    ranges.push({ startMinute: start, endMinute: end > start ? end : end + 1440 });
  }
  return { ranges, warnings };
}

const pastMidnight = (text: string, open: string, close: string): string =>
  `'${text}' closes before it opens, so it runs past midnight to ${close} the next day; if that is meant, write "${open}-${close}+1", else swap the times: "${close}-${open}"`;

function minuteOf(hhmm: string, isEnd: boolean): number | string {
  const [h, m] = hhmm.split(':').map(Number);
  const hours = h ?? Number.NaN;
  const minutes = m ?? Number.NaN;
  if (isEnd && hours === 24 && minutes === 0) return 1440;
  if (!(hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59)) {
    return `'${hhmm}' is not a time of day; use 00:00 to 23:59 (24:00 only as a closing time)`;
  }
  return hours * 60 + minutes;
}

const clock = (minute: number): string => {
  const m = minute % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
/** `fri 22:00-02:00+1`, as the file writes it. */
const describe = (r: WeeklyRange): string => {
  const end = r.endMinute === 1440 ? '24:00' : `${clock(r.endMinute)}${r.endMinute > 1440 ? '+1' : ''}`;
  return `${DAY_NAMES[r.weekday - 1]} ${clock(r.startMinute)}-${end}`;
};

/** Parses every entry; on success the ranges, in week order, else every problem found. */
export function parseWeeklyHours(
  hours: Readonly<Record<string, string>>,
): { readonly ranges: readonly WeeklyRange[] } | { readonly problems: readonly HoursProblem[] } {
  const problems: HoursProblem[] = [];
  const placed: { range: WeeklyRange; key: string }[] = [];
  for (const [key, value] of Object.entries(hours)) {
    const days = parseDayKey(key);
    const ranges = readRanges(value);
    if ('error' in days) problems.push({ key, on: 'key', message: days.error });
    if ('error' in ranges) problems.push({ key, on: 'value', message: ranges.error });
    if ('error' in days || 'error' in ranges) continue;
    for (const weekday of days) for (const r of ranges.ranges) placed.push({ key, range: { weekday, ...r } });
  }
  if (problems.length > 0) return { problems };
  const overlaps = findOverlaps(placed);
  if (overlaps.length > 0) return { problems: overlaps };
  const ranges = placed.map((p) => p.range);
  return { ranges: ranges.sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute) };
}

/**
 * What is valid but probably not meant: a range that closes before it opens without `+1`
 * (`"17:00-08:00"` for a day shift). One warning per range, on the value; values that do not parse
 * are left to `parseWeeklyHours`.
 */
export function weeklyHoursWarnings(hours: Readonly<Record<string, unknown>>): HoursProblem[] {
  return Object.entries(hours).flatMap(([key, value]) => {
    const ranges = typeof value === 'string' ? readRanges(value) : null;
    if (ranges === null || 'error' in ranges) return [];
    return ranges.warnings.map((message) => ({ key, on: 'value' as const, message }));
  });
}

/** Pairs of ranges that share a minute of the week; reported once per later entry. */
function findOverlaps(placed: readonly { range: WeeklyRange; key: string }[]): HoursProblem[] {
  const problems: HoursProblem[] = [];
  const reported = new Set<string>();
  placed.forEach((later, j) => {
    const earlier = placed.slice(0, j).find((p) => overlaps(p.range, later.range));
    if (!earlier || reported.has(later.key)) return;
    reported.add(later.key);
    const origin = earlier.key === later.key ? '' : ` (from '${earlier.key}')`;
    problems.push({
      key: later.key,
      on: 'value',
      message: `${describe(later.range)} overlaps ${describe(earlier.range)}${origin}; opening hours must not overlap, merge or shorten the ranges`,
    });
  });
  return problems;
}

/** Week-minute intervals of a range: one, or two when it runs from Sunday night into Monday. */
function spans(r: WeeklyRange): [number, number][] {
  const start = (r.weekday - 1) * 1440 + r.startMinute;
  const end = (r.weekday - 1) * 1440 + r.endMinute;
  return end <= WEEK
    ? [[start, end]]
    : [
        [start, WEEK],
        [0, end - WEEK],
      ];
}

const overlaps = (a: WeeklyRange, b: WeeklyRange): boolean =>
  spans(a).some(([s1, e1]) => spans(b).some(([s2, e2]) => s1 < e2 && s2 < e1));
