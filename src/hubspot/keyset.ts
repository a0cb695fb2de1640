import { z } from 'zod';
import type { Instant, Millis } from '../domain/time.ts';
import type { SearchFilter, SearchSort } from './search-request.ts';

/**
 * Keyset positions over a search sorted ascending on one date property. HubSpot stops paging at 10,000
 * results, so a long scan restarts from the last value seen (`GTE last`) instead of paging on; when a
 * whole slice shares one value it walks that value by object id (`EQ value AND hs_object_id GT id`).
 */
export type ScanPosition =
  | { readonly kind: 'from'; readonly at: Instant; readonly inclusive: boolean }
  | { readonly kind: 'tie'; readonly at: Instant; readonly afterId: string };

export interface ScanCursor {
  /** Highest sort value returned so far. */
  readonly watermark: Instant | null;
  /** Where to continue when the last poll stopped early (page budget or cap); no overlap then. */
  readonly resume: ScanPosition | null;
  /** Keys already returned, with their sort value (dedupe within the overlap window). */
  readonly seen: ReadonlyMap<string, Instant>;
  /**
   * With `resume`: the lower bound of the window the interrupted pass began with. Events dated by
   * another property than the sort (an entry seen through `lastmodifieddate`) keep being accepted
   * from there until the pass ends, so a record modified again past the resume point loses nothing.
   */
  readonly floor?: Instant;
}

export const OBJECT_ID = 'hs_object_id';
/** Bound on the dedupe set kept in a cursor; the store's instance ids dedupe beyond it. */
export const MAX_SEEN = 20_000;

const Stored = z.object({
  v: z.literal(1),
  w: z.number().nullable(),
  r: z
    .union([
      z.object({ kind: z.literal('from'), at: z.number(), inclusive: z.boolean() }),
      z.object({ kind: z.literal('tie'), at: z.number(), afterId: z.string() }),
    ])
    .nullable(),
  s: z.array(z.tuple([z.string(), z.number()])),
  f: z.number().optional(),
});

export const emptyCursor: ScanCursor = { watermark: null, resume: null, seen: new Map() };

export function encodeCursor(cursor: ScanCursor): string {
  return JSON.stringify({
    v: 1,
    w: cursor.watermark,
    r: cursor.resume,
    s: [...cursor.seen],
    ...(cursor.floor === undefined ? {} : { f: cursor.floor }),
  });
}

/** `null` when the text is not a cursor of ours (the caller logs it and starts afresh). */
export function decodeCursor(text: string): ScanCursor | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = Stored.safeParse(raw);
  if (!parsed.success) return null;
  const { w, r, s, f } = parsed.data;
  return { watermark: w, resume: r, seen: new Map(s), ...(f === undefined ? {} : { floor: f }) };
}

/** The lower bound of this poll's event window: where the pass began (see `floor`), else the position. */
export const windowStart = (cursor: ScanCursor, position: ScanPosition): Instant =>
  cursor.resume !== null && cursor.floor !== undefined ? Math.min(cursor.floor, position.at) : position.at;

/** Where this poll starts: the resume point, else the watermark minus the overlap, else `now − lookback`. */
export function startPosition(
  cursor: ScanCursor,
  now: Instant,
  overlap: Millis,
  initialLookback: Millis,
): ScanPosition {
  if (cursor.resume) return cursor.resume;
  const base = cursor.watermark === null ? now - initialLookback : cursor.watermark - overlap;
  return { kind: 'from', at: Math.max(0, base), inclusive: true };
}

export function positionFilters(position: ScanPosition, sortProperty: string): SearchFilter[] {
  if (position.kind === 'tie') {
    return [
      { propertyName: sortProperty, operator: 'EQ', value: String(position.at) },
      { propertyName: OBJECT_ID, operator: 'GT', value: position.afterId },
    ];
  }
  return [
    { propertyName: sortProperty, operator: position.inclusive ? 'GTE' : 'GT', value: String(position.at) },
  ];
}

export const positionSort = (position: ScanPosition, sortProperty: string): SearchSort => ({
  propertyName: position.kind === 'tie' ? OBJECT_ID : sortProperty,
  direction: 'ASCENDING',
});

/**
 * After a slice stopped with more to read: continue from its last value (records at that value come
 * again and are deduped). A slice that never left one value walks that value by object id from the
 * start, because HubSpot's order among equal values is arbitrary; inside such a walk, continue after
 * the last id.
 */
export function nextPosition(
  position: ScanPosition,
  firstT: Instant,
  lastT: Instant,
  lastId: string,
): ScanPosition {
  if (position.kind === 'tie') return { kind: 'tie', at: position.at, afterId: lastId };
  if (firstT === lastT) return { kind: 'tie', at: lastT, afterId: '0' };
  return { kind: 'from', at: lastT, inclusive: true };
}

/** After a slice was read to its end: a finished tie continues past its value; anything else is done. */
export const afterExhausted = (position: ScanPosition): ScanPosition | null =>
  position.kind === 'tie' ? { kind: 'from', at: position.at, inclusive: false } : null;

/**
 * The cursor to persist: new watermark, resume point, and the dedupe keys still inside the window
 * (with a resume point, everything since the pass's `floor`).
 */
export function nextCursor(
  previous: ScanCursor,
  maxT: Instant | null,
  resume: ScanPosition | null,
  added: ReadonlyMap<string, Instant>,
  overlap: Millis,
  floor?: Instant,
): ScanCursor {
  const watermark =
    maxT === null
      ? previous.watermark
      : previous.watermark === null
        ? maxT
        : Math.max(previous.watermark, maxT);
  const keepFrom = watermark === null ? Number.NEGATIVE_INFINITY : watermark - overlap;
  const resumeFrom = resume === null ? null : Math.min(resume.at, floor ?? resume.at);
  const entries = [...previous.seen, ...added].filter(
    ([, t]) => t >= keepFrom || (resumeFrom !== null && t >= resumeFrom),
  );
  entries.sort((a, b) => a[1] - b[1]);
  const kept = { watermark, resume, seen: new Map(entries.slice(-MAX_SEEN)) };
  return resume !== null && floor !== undefined ? { ...kept, floor } : kept;
}
