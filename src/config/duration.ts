import { DAY, HOUR, MINUTE, type Millis, SECOND } from '../domain/time.ts';

/**
 * A duration as written in the SLA file. Whole days are kept apart from the rest because a day means
 * different things: 24 hours on the wall clock, but one *business day* (the calendar's opening
 * hours) where the duration is measured in business time (deadlines, reminders, attempt windows).
 */
export interface Duration {
  readonly text: string;
  /** The part below a day (hours, minutes, seconds), in milliseconds. */
  readonly ms: Millis;
  /** Whole and fractional days. */
  readonly days: number;
}

export const wallClock = (d: Duration): Millis => Math.round(d.ms + d.days * DAY);

/** The duration in business time, where one day is `businessDay` of opening hours. */
export const businessTime = (d: Duration, businessDay: Millis): Millis =>
  Math.round(d.ms + d.days * businessDay);

export const DURATION_HELP = 'write a number and a unit (30s, 5m, 2h, 3d, or 1h30m) or ISO 8601 (PT5M, P3D)';

const UNIT: Record<string, Millis> = { s: SECOND, m: MINUTE, h: HOUR };
const SHORT = /^(?:\d+(?:\.\d+)?\s*[smhd]\s*)+$/i;
const PART = /(\d+(?:\.\d+)?)\s*([smhd])/gi;
const ISO = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const MAX_DAYS = 366;

/** Parses `30s`, `5m`, `2h`, `3d`, `1h30m`, `PT5M`, `P1DT2H`; returns the reason when it cannot. */
export function parseDuration(input: string): Duration | { readonly error: string } {
  const text = input.trim();
  const parsed = /^P/i.test(text) ? parseIso(text) : parseShort(text);
  if ('error' in parsed) return parsed;
  if (parsed.days + parsed.ms / DAY > MAX_DAYS) {
    return { error: `'${text}' is longer than ${MAX_DAYS} days; SLA durations are minutes to days` };
  }
  return { text, ...parsed };
}

function parseShort(text: string): Omit<Duration, 'text'> | { readonly error: string } {
  if (!SHORT.test(text)) {
    if (/^\d+(\.\d+)?$/.test(text))
      return { error: `'${text}' has no unit; write ${text}m, ${text}s or ${text}h` };
    return { error: `'${text}' is not a duration; ${DURATION_HELP}` };
  }
  let ms = 0;
  let days = 0;
  for (const [, amount, unit] of text.matchAll(PART)) {
    const n = Number(amount);
    const u = (unit ?? '').toLowerCase();
    if (u === 'd') days += n;
    else ms += n * (UNIT[u] ?? 0);
  }
  return { ms, days };
}

function parseIso(text: string): Omit<Duration, 'text'> | { readonly error: string } {
  const match = ISO.exec(text);
  if (!match || text.length < 3 || /T$/i.test(text)) {
    if (/[YW]|P\d+M/i.test(text)) {
      return {
        error: `'${text}' uses years, months or weeks, which vary in length; write days instead (P30D, 30d)`,
      };
    }
    return { error: `'${text}' is not an ISO 8601 duration; ${DURATION_HELP}` };
  }
  const [, d, h, m, s] = match;
  const n = (v: string | undefined) => (v === undefined ? 0 : Number(v));
  return { ms: n(h) * HOUR + n(m) * MINUTE + n(s) * SECOND, days: n(d) };
}

/** `90000` → `1m30s`, for summaries and messages. */
export function formatMillis(ms: Millis): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = Math.round(ms);
  for (const [unit, size] of [
    ['d', DAY],
    ['h', HOUR],
    ['m', MINUTE],
    ['s', SECOND],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  if (rest > 0) parts.push(`${rest}ms`);
  return parts.join('');
}
