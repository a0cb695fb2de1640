import { DateTime } from 'luxon';
import { DAY, HOUR, type Instant } from '../domain/time.ts';

/** Why a `--since`/`--until` value was refused; the message says what to write instead. */
export class ReportArgumentError extends Error {
  override readonly name = 'ReportArgumentError';
  readonly code = 'sla_report_argument';
}

const RELATIVE = /^(\d+)([hdw])$/;
const UNIT = { h: HOUR, d: DAY, w: 7 * DAY } as const;

/**
 * A point in time for report windows: `2026-03-01` (that day's start in `zone`; as an end, the day is
 * included), an ISO date-time (`2026-03-01T09:00`, in `zone` unless it has an offset), or a span
 * back from now (`30d`, `2w`, `12h`).
 */
export function parseWhen(value: string, role: 'since' | 'until', zone: string, now: Instant): Instant {
  const rel = RELATIVE.exec(value.trim());
  if (rel) return now - Number(rel[1]) * UNIT[rel[2] as keyof typeof UNIT];
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
  const parsed = DateTime.fromISO(value.trim(), { zone, setZone: false });
  if (!parsed.isValid)
    throw new ReportArgumentError(
      `--${role} '${value}' is not a date: write 2026-03-01, 2026-03-01T09:00 or a span back from now like 30d`,
    );
  return dateOnly && role === 'until' ? parsed.plus({ days: 1 }).toMillis() : parsed.toMillis();
}

/** The window a report covers; by default the 30 days up to now. */
export function reportWindow(
  since: string | undefined,
  until: string | undefined,
  zone: string,
  now: Instant,
): { since: Instant; until: Instant } {
  const end = until === undefined ? now : parseWhen(until, 'until', zone, now);
  const start = since === undefined ? end - 30 * DAY : parseWhen(since, 'since', zone, now);
  if (start >= end) throw new ReportArgumentError('--since must be before --until');
  return { since: start, until: end };
}
