import { DateTime } from 'luxon';
import type { Figure, InstanceSummary } from '../../domain/reports/index.ts';
import { DAY, HOUR, type Instant, MINUTE, type Millis, SECOND } from '../../domain/time.ts';

export const DASH = '—';

/** `42s`, `4m 12s`, `1h 05m`, `3d 4h`; `—` for nothing. */
export function duration(ms: Millis | null): string {
  if (ms === null) return DASH;
  const sign = ms < 0 ? '-' : '';
  const a = Math.abs(ms);
  if (a < MINUTE) return `${sign}${Math.round(a / SECOND)}s`;
  if (a < HOUR) {
    const s = Math.round((a % MINUTE) / SECOND);
    return `${sign}${Math.floor(a / MINUTE)}m${s === 0 ? '' : ` ${s}s`}`;
  }
  if (a < DAY)
    return `${sign}${Math.floor(a / HOUR)}h ${String(Math.floor((a % HOUR) / MINUTE)).padStart(2, '0')}m`;
  return `${sign}${Math.floor(a / DAY)}d ${Math.floor((a % DAY) / HOUR)}h`;
}

export const count = (f: Figure): string => (f.value === null ? DASH : String(f.value));
export const pct = (f: Figure): string => (f.value === null ? DASH : `${f.value.toFixed(1)}%`);
export const ms = (f: Figure): string => duration(f.value);
/** An amount with two decimals and thousands separators (`12,500.50`). */
export const money = (f: Figure): string =>
  f.value === null
    ? DASH
    : f.value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const signed = (n: number | null): string => (n === null ? DASH : n > 0 ? `+${n}` : String(n));

/** A moment in the report zone: `2026-03-02 09:00`. */
export const when = (t: Instant | null, zone: string): string =>
  t === null ? DASH : DateTime.fromMillis(t, { zone }).toFormat('yyyy-LL-dd HH:mm');

export const day = (t: Instant, zone: string): string =>
  DateTime.fromMillis(t, { zone }).toFormat('d LLL yyyy');

/** A lead's first-contact verdict for people: `met (breach retracted)` when a breach was announced first. */
export const verdictText = (lead: Pick<InstanceSummary, 'verdict' | 'corrected'>): string =>
  lead.corrected ? 'met (breach retracted)' : lead.verdict;
