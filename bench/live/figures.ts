/** Small statistics helpers for the bench tables. */

/** Nearest-rank percentile (p in 0–100) of unsorted values; `null` for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? null;
}

export const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

export const max = (values: readonly number[]): number | null =>
  values.length === 0 ? null : Math.max(...values);

export interface Spread {
  readonly p50: number | null;
  readonly p95: number | null;
  readonly max: number | null;
  readonly n: number;
}

export const spread = (values: readonly number[]): Spread => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  max: max(values),
  n: values.length,
});
