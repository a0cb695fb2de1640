import type { Instant } from '../domain/time.ts';

/**
 * HubSpot sends every property value as a string or `null` (numbers as `"42"`, dates as ISO strings or
 * epoch milliseconds). These read them tolerantly: anything unusable becomes `null`.
 */

const EPOCH_MS = /^-?\d{10,}$/;

export function parseInstant(value: string | number | Date | null | undefined): Instant | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim();
  if (text === '') return null;
  if (EPOCH_MS.test(text)) return Number(text);
  // Date-only values (`2024-05-01`) are midnight UTC, as HubSpot stores date properties.
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
}

export function parseNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export const text = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value.trim() === '' ? null : value;

/** `hs_merged_object_ids` and other multi-values: `"1;2;3"`. */
export const splitMulti = (value: string | null | undefined): string[] =>
  (value ?? '')
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');

export const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};
