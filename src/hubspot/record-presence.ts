import type { Instant } from '../domain/time.ts';
import type { Rejected } from '../ports/crm-source.ts';
import { BATCH_READ_LIMIT, batchErrorReasons, batchReadSize } from './batch-read.ts';
import { HubSpotRequestError } from './errors.ts';
import type { HubSpotApi } from './hubspot-api.ts';
import type { CrmObjectType } from './operations.ts';
import { type BatchError, CrmRecord } from './schemas.ts';
import { chunk, parseInstant, splitMulti } from './values.ts';

/** What a batch read says about one id. */
export type Presence =
  | { readonly kind: 'found'; readonly record: CrmRecord }
  /** Merged into another record (which HubSpot returned in its place). */
  | { readonly kind: 'merged'; readonly into: CrmRecord }
  /** `OBJECT_NOT_FOUND`; `at` from the recycle bin (`archivedAt`), `null` when purged for good. */
  | { readonly kind: 'deleted'; readonly at: Instant | null };

export interface PresenceRead {
  readonly byId: ReadonlyMap<string, Presence>;
  /** Ids HubSpot left out without saying why (or malformed): no conclusion is drawn from them. */
  readonly rejected: readonly Rejected[];
}

export interface PresenceSpec {
  readonly objectType: CrmObjectType;
  readonly properties: readonly string[];
  readonly history: readonly string[];
  /** Property listing ids merged into a record (`hs_merged_object_ids` on contacts), if the type has one. */
  readonly mergedProperty: string | null;
  /** A property every record has, for the recycle-bin read. */
  readonly modifiedProperty: string;
}

const NOT_FOUND = 'OBJECT_NOT_FOUND';

/**
 * Reads records back by id (100 a request, 50 when `spec.history` asks for property history) and says, per id, whether it still exists. Only HubSpot's
 * own `OBJECT_NOT_FOUND` (an `errors` entry of a 207, or a 404 for the whole batch) counts as deleted,
 * and the deletion time is then read from the recycle bin (`archived=true`, one more request for all of
 * them); an id missing without a reason is rejected, never taken for deleted — closing a live lead's
 * SLA silently is the worst failure.
 */
export async function readPresence(
  api: HubSpotApi,
  spec: PresenceSpec,
  ids: readonly string[],
): Promise<PresenceRead> {
  const byId = new Map<string, Presence>();
  const rejected: Rejected[] = [];
  const what = spec.objectType.replace(/s$/, '');
  const gone: string[] = [];
  for (const part of chunk([...new Set(ids)], batchReadSize(spec.history))) {
    const answer = await readOrNotFound(api, spec, part);
    const records = new Map<string, CrmRecord>();
    for (const raw of answer.results) {
      const parsed = CrmRecord.safeParse(raw);
      if (parsed.success) records.set(parsed.data.id, parsed.data);
      else rejected.push({ what, id: null, reason: `malformed record: ${parsed.error.issues[0]?.message}` });
    }
    const notFound = notFoundIds(answer.errors);
    const reasons = batchErrorReasons(answer.errors);
    for (const id of part) {
      const record = records.get(id);
      const survivor = record ? undefined : mergedInto(records, id, spec.mergedProperty);
      if (record) byId.set(id, { kind: 'found', record });
      else if (survivor) byId.set(id, { kind: 'merged', into: survivor });
      else if (notFound.has(id)) gone.push(id);
      else rejected.push({ what, id, reason: reasons.get(id) ?? 'missing from batch read, no reason given' });
    }
  }
  const times = await deletionTimes(api, spec, gone);
  for (const id of gone) {
    const at = times.get(id);
    if (at === undefined) rejected.push({ what, id, reason: 'not found, then found live again' });
    else byId.set(id, { kind: 'deleted', at });
  }
  return { byId, rejected };
}

async function readOrNotFound(
  api: HubSpotApi,
  spec: PresenceSpec,
  ids: readonly string[],
  archived = false,
): Promise<{ results: readonly unknown[]; errors?: readonly BatchError[] | null | undefined }> {
  const properties = archived ? [spec.modifiedProperty] : spec.properties;
  try {
    return await api.batchRead(spec.objectType, ids, properties, archived ? [] : spec.history, archived);
  } catch (error) {
    // A batch whose ids are all gone may be answered 404 as a whole rather than 207.
    if (error instanceof HubSpotRequestError && error.status === 404 && error.category === NOT_FOUND)
      return { results: [], errors: [{ category: NOT_FOUND, context: { ids: [...ids] } }] };
    throw error;
  }
}

const notFoundIds = (errors: readonly BatchError[] | null | undefined): Set<string> =>
  new Set(
    (errors ?? [])
      .filter((e) => e.category === NOT_FOUND)
      .flatMap((e) => Object.values(e.context ?? {}).flatMap((ids) => ids ?? [])),
  );

function mergedInto(
  records: ReadonlyMap<string, CrmRecord>,
  id: string,
  mergedProperty: string | null,
): CrmRecord | undefined {
  if (mergedProperty === null) return undefined;
  for (const record of records.values())
    if (splitMulti(record.properties[mergedProperty]).includes(id)) return record;
  return undefined;
}

/**
 * When each deleted id went to the recycle bin; `null` for ids no longer there (purged). An id that
 * comes back live (restored between the two reads) is left out.
 */
async function deletionTimes(
  api: HubSpotApi,
  spec: PresenceSpec,
  ids: readonly string[],
): Promise<Map<string, Instant | null>> {
  const times = new Map<string, Instant | null>(ids.map((id) => [id, null]));
  // The recycle-bin read asks for no history (see `readOrNotFound`): 100 a request.
  for (const part of chunk(ids, BATCH_READ_LIMIT)) {
    const answer = await readOrNotFound(api, spec, part, true);
    for (const raw of answer.results) {
      const parsed = CrmRecord.safeParse(raw);
      if (!parsed.success || !times.has(parsed.data.id)) continue;
      if (parsed.data.archived === false) times.delete(parsed.data.id);
      else times.set(parsed.data.id, parseInstant(parsed.data.archivedAt ?? null));
    }
  }
  return times;
}
