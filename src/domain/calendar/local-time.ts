import type { IANAZone } from 'luxon';
import { DAY, HOUR, type Instant, MINUTE } from '../time.ts';

/**
 * Wall-clock time in a zone as a number: the epoch milliseconds the same date and time would have in UTC
 * ("2026-03-29 02:30" → Date.UTC(2026, 2, 29, 2, 30)). Arithmetic on it is calendar arithmetic.
 */
export type WallTime = number;

const offsetMs = (zone: IANAZone, t: Instant): number => zone.offset(t) * MINUTE;

/**
 * The instant a wall-clock time happens in `zone`. Two wall times need a rule:
 * - **does not exist** (spring-forward gap, e.g. 02:30 on 2026-03-29 in Europe/Amsterdam): the instant
 *   the gap ends, i.e. the transition itself (02:30 → 03:00 CEST). Every wall time in the gap maps there.
 * - **exists twice** (fall-back, e.g. 02:30 on 2026-10-25 in Europe/Amsterdam): the earlier occurrence
 *   (02:30 CEST, 00:30Z).
 * Both rules keep the mapping monotonic, so a range's length is the real time elapsed between its ends.
 * Assumes at most one offset change within 12 hours either side, true of every zone in use.
 */
export function wallToInstant(zone: IANAZone, wall: WallTime): Instant {
  const before = offsetMs(zone, wall - 12 * HOUR);
  const after = offsetMs(zone, wall + 12 * HOUR);
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetMs(zone, early) === before;
  const lateValid = offsetMs(zone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  return transitionBetween(zone, Math.min(early, late), Math.max(early, late));
}

/** The first instant in (lo, hi] whose offset differs from `lo`'s, by bisection (only in the gap case). */
function transitionBetween(zone: IANAZone, lo: Instant, hi: Instant): Instant {
  const start = offsetMs(zone, lo);
  let low = lo;
  let high = hi;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (offsetMs(zone, mid) === start) low = mid;
    else high = mid;
  }
  return high;
}

/**
 * The zone's offset in ms when it is the same throughout `[from, until]`, else undefined. Sampled every
 * three days (luxon's offset look-up costs microseconds, the hot spot of compiling a week), so it assumes
 * no zone changes its offset and back again within three days, as no zone does.
 */
export function steadyOffset(zone: IANAZone, from: Instant, until: Instant): number | undefined {
  const offset = offsetMs(zone, from);
  for (let t = from + 3 * DAY; t < until; t += 3 * DAY) if (offsetMs(zone, t) !== offset) return undefined;
  return offsetMs(zone, until) === offset ? offset : undefined;
}
