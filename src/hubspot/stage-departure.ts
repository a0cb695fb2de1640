import type { StageDefinition } from '../config/types.ts';
import type { Instant } from '../domain/time.ts';
import { dateEntered } from './poll-context.ts';
import { entryTime } from './property-history.ts';
import type { CrmRecord, HistoryEntry } from './schemas.ts';
import { parseInstant, text } from './values.ts';

/**
 * When a property stopped holding `value`: the first change after the newest entry that held it
 * (setting other values afterwards does not move it). With no entry holding it (history cut short),
 * the oldest entry. `null` when the history is missing, unusable, or still shows the value as current —
 * then nothing is concluded.
 */
export function departureTime(
  history: readonly HistoryEntry[] | null | undefined,
  value: string,
): Instant | null {
  const entries = (history ?? [])
    .map((e) => ({ value: text(e.value), at: parseInstant(e.timestamp) }))
    .filter((e): e is { value: string | null; at: Instant } => e.at !== null)
    .sort((a, b) => b.at - a.at);
  if (entries.length === 0) return null;
  const held = entries.findIndex((e) => e.value === value);
  if (held === 0) return null;
  const first = held === -1 ? entries.at(-1) : entries[held - 1];
  return first?.at ?? null;
}

/**
 * Whether the contact entered a configured stage in `(after, upTo]`, as far as its current properties
 * tell: `hs_v2_date_entered_<stage>` for lifecycle stages, the current run of the value for property
 * stages. A change dated at or after such an entry would close the newer stage's instance, so callers
 * leave that to the handoff (which closes the older instance itself).
 */
export function enteredStageBetween(
  record: CrmRecord,
  stages: readonly StageDefinition[],
  after: Instant,
  upTo: Instant,
): boolean {
  const props = record.properties;
  return stages.some((stage) => {
    const source = stage.source;
    let at: Instant | null = null;
    if (source.kind === 'lifecycle_stage') at = parseInstant(props[dateEntered(source.value)]);
    if (source.kind === 'property' && text(props[source.property]) === source.equals) {
      const entry = entryTime(record.propertiesWithHistory?.[source.property], source.equals);
      at = entry.ok ? entry.at : null;
    }
    return at !== null && at > after && at <= upTo;
  });
}
