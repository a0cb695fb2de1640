import type { Instant } from '../../domain/time.ts';
import type { Rejected } from '../../ports/crm-source.ts';
import type { HubSpotApi } from '../hubspot-api.ts';
import type { CrmObjectType } from '../operations.ts';
import { CrmRecord } from '../schemas.ts';
import { SEARCH_LIMITS, type SearchFilter } from '../search-request.ts';
import { parseInstant } from '../values.ts';
import { advance, type BackfillPosition, backfillFilters, backfillSort } from './backfill-keyset.ts';

/** One search of the first-install import: the open handoffs of one configured stage. */
export interface BackfillScanSpec {
  readonly objectType: CrmObjectType;
  /** `date`: newest first on `dateProperty`; `id`: by object id (`dateProperty` only filters). */
  readonly order: 'date' | 'id';
  readonly dateProperty: string;
  /** The stage's own filters (in the stage now, entered or modified since the window's start). */
  readonly filters: readonly SearchFilter[];
  readonly properties: readonly string[];
  /** What a record is, for rejections (`contact`, `lead`). */
  readonly what: string;
}

/** A scan's progress, kept in the import's position from chunk to chunk. */
export interface BackfillScanState {
  /** `null`: read to the end. */
  readonly position: BackfillPosition | null;
  /** Records read so far. */
  readonly read: number;
  /** HubSpot's count of the whole scan, from its first page (`null` until read, or not given). */
  readonly total: number | null;
}

export const startScan = (spec: Pick<BackfillScanSpec, 'order'>, until: Instant): BackfillScanState => ({
  position:
    spec.order === 'date'
      ? { kind: 'below', at: until, inclusive: false, skip: [] }
      : { kind: 'id', afterId: null },
  read: 0,
  total: null,
});

export interface BackfillPage {
  readonly records: readonly CrmRecord[];
  readonly rejected: readonly Rejected[];
  readonly next: BackfillScanState;
}

/**
 * Reads one page (200 records) of a scan from its position: a fresh search each time (no `after`
 * offsets), so a record that leaves the stage between two chunks shifts nothing.
 */
export async function readBackfillPage(
  api: HubSpotApi,
  spec: BackfillScanSpec,
  state: BackfillScanState,
): Promise<BackfillPage> {
  const position = state.position;
  if (position === null) return { records: [], rejected: [], next: state };
  const page = await api.search(spec.objectType, {
    filterGroups: [{ filters: [...spec.filters, ...backfillFilters(position, spec.dateProperty)] }],
    sorts: [backfillSort(position, spec.dateProperty)],
    properties: spec.properties,
    limit: SEARCH_LIMITS.pageSize,
  });
  const rejected: Rejected[] = [];
  const keyed: { id: string; t: Instant | null; record: CrmRecord }[] = [];
  for (const raw of page.results) {
    const parsed = CrmRecord.safeParse(raw);
    if (!parsed.success) {
      rejected.push({
        what: spec.what,
        id: null,
        reason: `malformed record: ${parsed.error.issues[0]?.message}`,
      });
      continue;
    }
    const t = spec.order === 'date' ? parseInstant(parsed.data.properties[spec.dateProperty]) : null;
    keyed.push({ id: parsed.data.id, t, record: parsed.data });
  }
  // HubSpot says whether more follow; a fresh search per page never reaches its 10,000 cap.
  const full = page.results.length > 0 && page.paging?.next?.after !== undefined;
  const { take, next } = advance(position, keyed, full);
  return {
    records: take.map((k) => k.record),
    rejected,
    next: {
      position: next,
      read: state.read + take.length,
      total: state.total ?? (state.read === 0 ? (page.total ?? null) : null),
    },
  };
}
