import { DateTime } from 'luxon';
import { DAY, HOUR, type Instant, MINUTE, type Millis, SECOND } from '../../domain/time.ts';

/** `45s`, `3m12s`, `2h05m`, `3d4h` — short enough for a status line. */
export function formatDuration(ms: Millis): string {
  const total = Math.max(0, Math.round(ms / SECOND)) * SECOND;
  if (total < MINUTE) return `${total / SECOND}s`;
  if (total < HOUR) {
    const m = Math.floor(total / MINUTE);
    const s = Math.floor((total % MINUTE) / SECOND);
    return s === 0 ? `${m}m` : `${m}m${String(s).padStart(2, '0')}s`;
  }
  if (total < DAY) {
    const h = Math.floor(total / HOUR);
    const m = Math.floor((total % HOUR) / MINUTE);
    return m === 0 ? `${h}h` : `${h}h${String(m).padStart(2, '0')}m`;
  }
  const d = Math.floor(total / DAY);
  const h = Math.floor((total % DAY) / HOUR);
  return h === 0 ? `${d}d` : `${d}d${h}h`;
}

/** A wall-clock time in a zone, for plain-text fallbacks: `Tue 14:05 CET`. */
export function localTime(at: Instant, zone: string): string {
  const dt = DateTime.fromMillis(at, { zone });
  const local = dt.isValid ? dt : DateTime.fromMillis(at, { zone: 'UTC' });
  return local.toFormat('ccc HH:mm ZZZZ');
}

/**
 * Slack's date token: every reader sees it in their own time zone (`today at 14:05`); clients that
 * cannot render it show the fallback, computed in the zone we believe the reader is in.
 */
export function slackDate(at: Instant, zone: string): string {
  const seconds = Math.floor(at / SECOND);
  return `<!date^${seconds}^{date_short_pretty} {time}|${localTime(at, zone)}>`;
}
