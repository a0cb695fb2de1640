import type { Instant, Millis } from '../time.ts';

/**
 * The open intervals of one stretch of time (a UTC week, see weekly-calendar.ts) as sorted, disjoint,
 * non-empty epoch-ms pairs, with running totals so every query is a binary search plus arithmetic.
 * Intervals are clipped to the stretch, so an interval may end exactly where the next stretch starts.
 */
export interface OpenSpan {
  readonly from: Instant;
  readonly until: Instant;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Business time inside the span before interval i starts. */
  readonly before: Float64Array;
  readonly total: Millis;
}

/** Reads a typed-array slot the compiler cannot prove is in range (every caller checks bounds first). */
const at = (values: Float64Array, i: number): number => {
  const value = values[i];
  if (value === undefined) throw new RangeError(`open span index ${i} out of range`);
  return value;
};

/** Builds a span from `[from, until)` pairs in any order, possibly overlapping or reaching outside it. */
export function buildOpenSpan(
  from: Instant,
  until: Instant,
  pairs: readonly (readonly [Instant, Instant])[],
): OpenSpan {
  const clipped = pairs
    .map(([s, e]): [Instant, Instant] => [Math.max(s, from), Math.min(e, until)])
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  const merged: [Instant, Instant][] = [];
  for (const pair of clipped) {
    const last = merged.at(-1);
    if (last !== undefined && pair[0] <= last[1]) last[1] = Math.max(last[1], pair[1]);
    else merged.push(pair);
  }
  const starts = new Float64Array(merged.length);
  const ends = new Float64Array(merged.length);
  const before = new Float64Array(merged.length);
  let total = 0;
  merged.forEach(([s, e], i) => {
    starts[i] = s;
    ends[i] = e;
    before[i] = total;
    total += e - s;
  });
  return { from, until, starts, ends, before, total };
}

/** Index of the last interval starting at or before `t`, or -1. */
function lastStartingBy(span: OpenSpan, t: Instant): number {
  let lo = 0;
  let hi = span.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(span.starts, mid) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

export function isOpenIn(span: OpenSpan, t: Instant): boolean {
  const i = lastStartingBy(span, t);
  return i >= 0 && t < at(span.ends, i);
}

/** Business time inside the span in `[span.from, t)`. */
export function elapsedIn(span: OpenSpan, t: Instant): Millis {
  const i = lastStartingBy(span, t);
  if (i < 0) return 0;
  return at(span.before, i) + Math.min(t, at(span.ends, i)) - at(span.starts, i);
}

/**
 * The earliest instant at which `elapsed` of the span's business time has passed since `span.from`,
 * for 0 < elapsed <= total. When it lands on the end of an interval, that end (a closing instant) is it.
 */
export function instantAtElapsed(span: OpenSpan, elapsed: Millis): Instant {
  let lo = 0;
  let hi = span.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const doneAfterMid = at(span.before, mid) + at(span.ends, mid) - at(span.starts, mid);
    if (doneAfterMid >= elapsed) hi = mid;
    else lo = mid + 1;
  }
  return at(span.starts, lo) + elapsed - at(span.before, lo);
}

/** `t` when open, else the start of the next interval in the span, or undefined when none is left. */
export function openingIn(span: OpenSpan, t: Instant): Instant | undefined {
  const i = lastStartingBy(span, t);
  if (i >= 0 && t < at(span.ends, i)) return t;
  return i + 1 < span.starts.length ? at(span.starts, i + 1) : undefined;
}
