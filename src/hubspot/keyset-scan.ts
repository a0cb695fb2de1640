import type { Instant, Millis } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { Rejected } from '../ports/crm-source.ts';
import type { HubSpotApi } from './hubspot-api.ts';
import {
  afterExhausted,
  decodeCursor,
  emptyCursor,
  encodeCursor,
  nextCursor,
  nextPosition,
  positionFilters,
  positionSort,
  type ScanCursor,
  type ScanPosition,
  startPosition,
  windowStart,
} from './keyset.ts';
import type { CrmObjectType } from './operations.ts';
import { CrmRecord } from './schemas.ts';
import { SEARCH_LIMITS, type SearchFilter } from './search-request.ts';
import { parseInstant } from './values.ts';

export interface ScanSpec {
  readonly objectType: CrmObjectType;
  /** Date property the scan is ordered by and resumes on. */
  readonly sortProperty: string;
  /**
   * Filter groups (ORed), each ANDed with the position's own filters; given this poll's lower bound so
   * event filters can share the window. Most scans have one group.
   */
  readonly groups: (lower: Instant) => readonly (readonly SearchFilter[])[];
  readonly properties: readonly string[];
  /** What a record is, for rejection messages (`contact`, `call`…). */
  readonly what: string;
}

export interface ScanOptions {
  readonly now: Instant;
  readonly overlap: Millis;
  readonly initialLookback: Millis;
  /** Search pages one poll may read for this scan; beyond it the poll returns `more`. */
  readonly maxPages: number;
  /** Sort values later than `now` plus this are bad data: rejected, never moving the watermark. */
  readonly futureTolerance: Millis;
}

export interface ScannedRecord {
  readonly record: CrmRecord;
  /** The record's sort value. */
  readonly t: Instant;
}

/** What one scan read. Mark what was used with `markSeen`, then persist `cursorText()` with it. */
export class ScanOutcome {
  readonly records: ScannedRecord[] = [];
  readonly rejected: Rejected[] = [];
  /**
   * Lower bound of this poll's event window (entries and assignments older than it were seen before):
   * the start position, or where an interrupted pass began while it resumes.
   */
  readonly lower: Instant;
  more = false;
  maxT: Instant | null = null;
  resume: ScanPosition | null = null;
  private readonly previous: ScanCursor;
  private readonly added = new Map<string, Instant>();
  private readonly overlap: Millis;

  constructor(previous: ScanCursor, lower: Instant, overlap: Millis) {
    this.previous = previous;
    this.lower = lower;
    this.overlap = overlap;
  }

  seen(key: string): boolean {
    return this.previous.seen.has(key) || this.added.has(key);
  }

  markSeen(key: string, t: Instant): void {
    this.added.set(key, t);
  }

  cursorText(): string {
    return encodeCursor(
      nextCursor(this.previous, this.maxT, this.resume, this.added, this.overlap, this.lower),
    );
  }
}

/**
 * Reads one search in ascending order from the cursor's position: pages of 200, restarts before the
 * 10,000 cap, stops at the page budget (then `more`). Records without an id or a usable sort value
 * are rejected one by one.
 */
export async function keysetScan(
  api: HubSpotApi,
  spec: ScanSpec,
  cursorText: string | undefined,
  options: ScanOptions,
  logger: Logger,
): Promise<ScanOutcome> {
  let cursor = emptyCursor;
  if (cursorText !== undefined) {
    const decoded = decodeCursor(cursorText);
    if (decoded) cursor = decoded;
    else
      logger.error(
        { scan: spec.what, cursor: cursorText.slice(0, 80) },
        'hubspot cursor unreadable, starting afresh',
      );
  }
  let position: ScanPosition | null = startPosition(
    cursor,
    options.now,
    options.overlap,
    options.initialLookback,
  );
  const outcome = new ScanOutcome(cursor, windowStart(cursor, position), options.overlap);
  let pages = 0;
  while (position !== null) {
    const slice = await readSlice(api, spec, position, options, outcome, options.maxPages - pages);
    pages += slice.pages;
    if (slice.exhausted) {
      position = afterExhausted(position);
      continue;
    }
    if (slice.lastT === null || slice.firstT === null || slice.lastId === null) {
      position = afterExhausted(position);
      continue;
    }
    const next = nextPosition(position, slice.firstT, slice.lastT, slice.lastId);
    if (pages >= options.maxPages) {
      outcome.more = true;
      outcome.resume = next;
      break;
    }
    position = next;
  }
  return outcome;
}

interface Slice {
  readonly pages: number;
  /** The search ran to its last page. */
  readonly exhausted: boolean;
  readonly firstT: Instant | null;
  readonly lastT: Instant | null;
  readonly lastId: string | null;
}

async function readSlice(
  api: HubSpotApi,
  spec: ScanSpec,
  position: ScanPosition,
  options: ScanOptions,
  outcome: ScanOutcome,
  pageBudget: number,
): Promise<Slice> {
  const own = positionFilters(position, spec.sortProperty);
  const filterGroups = spec.groups(outcome.lower).map((group) => ({ filters: [...group, ...own] }));
  let after: string | undefined;
  let read = 0;
  let pages = 0;
  let firstT: Instant | null = null;
  let lastT: Instant | null = null;
  let lastId: string | null = null;
  for (;;) {
    const page = await api.search(spec.objectType, {
      filterGroups,
      sorts: [positionSort(position, spec.sortProperty)],
      properties: spec.properties,
      limit: SEARCH_LIMITS.pageSize,
      ...(after === undefined ? {} : { after }),
    });
    pages += 1;
    read += page.results.length;
    for (const raw of page.results) {
      const scanned = accept(raw, spec, options, outcome);
      if (!scanned) continue;
      firstT ??= scanned.t;
      lastT = scanned.t;
      lastId = scanned.record.id;
      outcome.maxT = outcome.maxT === null ? scanned.t : Math.max(outcome.maxT, scanned.t);
    }
    const nextAfter = page.paging?.next?.after;
    if (nextAfter === undefined || page.results.length === 0)
      return { pages, exhausted: true, firstT, lastT, lastId };
    const capReached = read + SEARCH_LIMITS.pageSize > SEARCH_LIMITS.maxResults;
    if (capReached || pages >= pageBudget) return { pages, exhausted: false, firstT, lastT, lastId };
    after = nextAfter;
  }
}

function accept(
  raw: unknown,
  spec: ScanSpec,
  options: ScanOptions,
  outcome: ScanOutcome,
): ScannedRecord | null {
  const parsed = CrmRecord.safeParse(raw);
  if (!parsed.success) {
    outcome.rejected.push({
      what: spec.what,
      id: idOf(raw),
      reason: `malformed record: ${parsed.error.issues[0]?.message}`,
    });
    return null;
  }
  const record = parsed.data;
  const value = record.properties[spec.sortProperty] ?? null;
  const t = parseInstant(value);
  if (t === null) {
    outcome.rejected.push({
      what: spec.what,
      id: record.id,
      reason: `unparseable ${spec.sortProperty}: ${JSON.stringify(value)}`,
    });
    return null;
  }
  if (t > options.now + options.futureTolerance) {
    outcome.rejected.push({
      what: spec.what,
      id: record.id,
      reason: `${spec.sortProperty} in the future: ${value}`,
    });
    return null;
  }
  const scanned = { record, t };
  outcome.records.push(scanned);
  return scanned;
}

const idOf = (raw: unknown): string | null =>
  typeof raw === 'object' &&
  raw !== null &&
  'id' in raw &&
  (typeof raw.id === 'string' || typeof raw.id === 'number')
    ? String(raw.id)
    : null;
