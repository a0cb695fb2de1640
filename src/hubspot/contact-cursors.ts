import type { SlaConfig } from '../config/types.ts';
import type { Instant } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { Cursors } from '../ports/crm-source.ts';
import { decodeCursor, encodeCursor } from './keyset.ts';

/** Dedupe keys an older cursor kept, renamed to the contacts scan's (`null`: not carried over). */
type Rename = (key: string) => string | null;

const keep: Rename = (key) => key;

/**
 * Cursors the contacts scan replaces or shares a history with: the per-stage scans of earlier versions
 * (`handoffs:<stage>` for lifecycle and property stages), their change scans (`changes:contacts[:n]`),
 * and the scan's other searches (`contacts[:n]`) when the configuration packs them differently.
 */
function relatedCursors(cursors: Cursors, config: Pick<SlaConfig, 'stages'>): [string, Rename][] {
  const related: [string, Rename][] = [];
  for (const stage of config.stages) {
    const key = `handoffs:${stage.key}`;
    if (cursors[key] === undefined) continue;
    // Lifecycle scans keyed an entry `contact|enteredAt`; property scans `e|contact|enteredAt`.
    if (stage.source.kind === 'lifecycle_stage') related.push([key, (k) => `h|${stage.key}|${k}`]);
    if (stage.source.kind === 'property')
      related.push([key, (k) => (k.startsWith('e|') ? `e|${stage.key}|${k.slice(2)}` : null)]);
  }
  for (const key of Object.keys(cursors).sort())
    if (/^(changes:)?contacts(:\d+)?$/.test(key)) related.push([key, keep]);
  return related;
}

/**
 * The cursor a contacts search starts from. Without one of its own (an upgrade from per-stage scans, or
 * a search the configuration just added) it starts at the OLDEST position among the related cursors:
 * an instant is an instant whatever the sort property — a stage entered after an older scan's watermark
 * was modified after it too — so nothing they had not yet seen is skipped. Their dedupe keys come
 * along, so what they already returned is not returned again.
 */
export function contactCursor(
  cursors: Cursors,
  key: string,
  config: Pick<SlaConfig, 'stages'>,
  logger: Logger,
): string | undefined {
  const own = cursors[key];
  if (own !== undefined) return own;
  let start: Instant | null = null;
  const seen = new Map<string, Instant>();
  const from: string[] = [];
  for (const [relatedKey, rename] of relatedCursors(cursors, config)) {
    const cursor = decodeCursor(cursors[relatedKey] ?? '');
    if (cursor === null) continue;
    const at = cursor.resume
      ? Math.min(cursor.resume.at, cursor.floor ?? cursor.resume.at, cursor.watermark ?? cursor.resume.at)
      : cursor.watermark;
    if (at === null) continue;
    start = start === null ? at : Math.min(start, at);
    from.push(relatedKey);
    for (const [k, t] of cursor.seen) {
      const renamed = rename(k);
      if (renamed !== null) seen.set(renamed, Math.max(t, seen.get(renamed) ?? t));
    }
  }
  if (start === null) return undefined;
  logger.info({ cursor: key, from, start }, 'hubspot contacts search starts from older cursors');
  return encodeCursor({ watermark: start, resume: null, seen });
}
