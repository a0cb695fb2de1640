import type { Instant } from '../domain/time.ts';
import type { HistoryEntry } from './schemas.ts';
import { parseInstant } from './values.ts';

export type EntryTime =
  | { readonly ok: true; readonly at: Instant }
  | { readonly ok: false; readonly reason: string };

/**
 * When a property last took `value`: the oldest entry of the newest unbroken run of that value in the
 * property's history (setting the same value again does not restart the clock). Order is not trusted;
 * entries are sorted by timestamp. Fails when the property no longer holds the value (the search
 * index lagged behind a later change) or the history is unusable.
 */
export function entryTime(history: readonly HistoryEntry[] | null | undefined, value: string): EntryTime {
  const entries = (history ?? [])
    .map((e) => ({ value: e.value, at: parseInstant(e.timestamp) }))
    .filter((e): e is { value: string | null; at: Instant } => e.at !== null)
    .sort((a, b) => b.at - a.at);
  const newest = entries[0];
  if (!newest) return { ok: false, reason: 'no usable property history' };
  if (newest.value !== value) {
    return {
      ok: false,
      reason: `property no longer ${JSON.stringify(value)} (now ${JSON.stringify(newest.value)})`,
    };
  }
  let at = newest.at;
  for (const entry of entries.slice(1)) {
    if (entry.value !== value) break;
    at = entry.at;
  }
  return { ok: true, at };
}
