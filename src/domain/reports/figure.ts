import type { Millis } from '../time.ts';

/**
 * Every number in a report carries the instance ids behind it, so it can be traced back to the
 * leads (JSON `ids`, the CLI's `--details`, the dashboard's click-through). `value` is `null` when
 * the figure is undefined (a median of nothing, a rate over zero leads).
 */
export interface Figure {
  readonly value: number | null;
  readonly ids: readonly string[];
}

export const countOf = (ids: readonly string[]): Figure => ({ value: ids.length, ids });

/** A value with an explicit set of ids. */
export const figure = (value: number | null, ids: readonly string[]): Figure => ({ value, ids });

/** Percentage (0–100, one decimal) of `part` in `whole`; `null` over nothing. */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** The usual median: the middle value, or the mean of the two middle values. */
/** Numbers in ascending order (a typed array sorts numerically, and fast). */
const ascending = (values: ArrayLike<number>): Float64Array => Float64Array.from(values).sort();

export function median(values: ArrayLike<number>, presorted = false): number | null {
  if (values.length === 0) return null;
  const sorted = presorted ? values : ascending(values);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** Nearest-rank percentile: the ⌈p·n⌉-th smallest value (p in (0, 1]). */
export function nearestRank(values: ArrayLike<number>, p: number, presorted = false): number | null {
  if (values.length === 0) return null;
  const sorted = presorted ? values : ascending(values);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] as number;
}

export interface Distribution {
  readonly median: Figure;
  readonly p90: Figure;
}

/** Durations of some leads, kept as two parallel lists (no object per lead: reports measure 10,000s). */
export class Measured {
  readonly ids: string[] = [];
  readonly values: number[] = [];
  add(id: string, value: Millis | null): void {
    if (value === null) return;
    this.ids.push(id);
    this.values.push(value);
  }
}

/** Median and p90 of durations, each carrying the ids of the leads measured. */
export function distribution(m: Measured): Distribution {
  const sorted = ascending(m.values);
  return { median: figure(median(sorted, true), m.ids), p90: figure(nearestRank(sorted, 0.9, true), m.ids) };
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
