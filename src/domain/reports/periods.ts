import { DateTime } from 'luxon';
import type { Instant } from '../time.ts';

export type Granularity = 'day' | 'week' | 'month';

export interface Period {
  /** Sortable key: `2026-03-02`, `2026-W10`, `2026-03`. */
  readonly key: string;
  readonly label: string;
  readonly start: Instant;
  readonly end: Instant;
}

const unitOf = (g: Granularity) => (g === 'week' ? 'week' : g);

function keyOf(d: DateTime, g: Granularity): string {
  if (g === 'day') return d.toFormat('yyyy-LL-dd');
  if (g === 'month') return d.toFormat('yyyy-LL');
  return `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;
}

function labelOf(d: DateTime, g: Granularity): string {
  if (g === 'day') return d.toFormat('ccc d LLL yyyy');
  if (g === 'month') return d.toFormat('LLL yyyy');
  return `week of ${d.toFormat('d LLL yyyy')}`;
}

/** The period (day, ISO week from Monday, month) containing `t`, in `zone`. */
export function periodOf(t: Instant, g: Granularity, zone: string): Period {
  const start = DateTime.fromMillis(t, { zone }).startOf(unitOf(g), { useLocaleWeeks: false });
  const end = start.plus({ [`${unitOf(g)}s`]: 1 });
  return { key: keyOf(start, g), label: labelOf(start, g), start: start.toMillis(), end: end.toMillis() };
}

/** Every period overlapping [since, until), oldest first (at most `limit`, the most recent kept). */
export function periodsBetween(
  since: Instant,
  until: Instant,
  g: Granularity,
  zone: string,
  limit = 400,
): readonly Period[] {
  const out: Period[] = [];
  if (until <= since) return out;
  let p = periodOf(since, g, zone);
  while (p.start < until) {
    out.push(p);
    p = periodOf(p.end, g, zone);
  }
  return out.length > limit ? out.slice(out.length - limit) : out;
}

/**
 * A fast lookup of the period containing `t` among `periods` (sorted, contiguous): a binary search
 * instead of a zone conversion per lead. `null` outside them.
 */
export function periodLookup(periods: readonly Period[]): (t: Instant) => Period | null {
  return (t) => {
    let lo = 0;
    let hi = periods.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = periods[mid] as Period;
      if (t < p.start) hi = mid - 1;
      else if (t >= p.end) lo = mid + 1;
      else return p;
    }
    return null;
  };
}
