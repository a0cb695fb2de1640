import type { Rejected } from '../ports/crm-source.ts';
import type { HubSpotApi } from './hubspot-api.ts';
import type { CrmObjectType } from './operations.ts';
import { type BatchError, CrmRecord } from './schemas.ts';
import { chunk } from './values.ts';

/** Ids per batch read (`POST /crm/v3/objects/{type}/batch/read`): HubSpot's object batch limit. */
export const BATCH_READ_LIMIT = 100;
/**
 * Ids per batch read that asks for `propertiesWithHistory`: HubSpot answers more with 400
 * `VALIDATION_ERROR` "The maximum number of inputs supported in a batch request for property
 * histories is 50" (docs/platform-contract.md, HB-1).
 */
export const HISTORY_BATCH_READ_LIMIT = 50;
export const ASSOCIATIONS_BATCH_LIMIT = 1_000;

/** How many ids one batch read may carry: 50 when it asks for property history, else 100. */
export const batchReadSize = (history: readonly string[]): number =>
  history.length > 0 ? HISTORY_BATCH_READ_LIMIT : BATCH_READ_LIMIT;

export interface BatchRead {
  readonly records: ReadonlyMap<string, CrmRecord>;
  readonly rejected: readonly Rejected[];
}

/** Why HubSpot left an id out of a 207 answer (`OBJECT_NOT_FOUND` for deleted or merged records). */
export function batchErrorReasons(errors: readonly BatchError[] | null | undefined): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const error of errors ?? []) {
    const reason = `${error.category ?? 'error'}: ${error.message ?? 'no message'}`;
    for (const ids of Object.values(error.context ?? {})) for (const id of ids ?? []) reasons.set(id, reason);
  }
  return reasons;
}

/**
 * Batch read in chunks of 100 (50 when property history is asked for). Missing or malformed records
 * are rejected one by one.
 */
export async function batchRead(
  api: HubSpotApi,
  objectType: CrmObjectType,
  ids: readonly string[],
  properties: readonly string[],
  history: readonly string[] = [],
): Promise<BatchRead> {
  const records = new Map<string, CrmRecord>();
  const rejected: Rejected[] = [];
  const what = objectType.replace(/s$/, '');
  for (const part of chunk([...new Set(ids)], batchReadSize(history))) {
    const answer = await api.batchRead(objectType, part, properties, history);
    for (const raw of answer.results) {
      const parsed = CrmRecord.safeParse(raw);
      if (parsed.success) records.set(parsed.data.id, parsed.data);
      else rejected.push({ what, id: null, reason: `malformed record: ${parsed.error.issues[0]?.message}` });
    }
    const reasons = batchErrorReasons(answer.errors);
    for (const id of part) {
      if (records.has(id)) continue;
      rejected.push({ what, id, reason: reasons.get(id) ?? 'missing from batch read (deleted or merged)' });
    }
  }
  return { records, rejected };
}

export interface Association {
  readonly toId: string;
  readonly typeIds: readonly number[];
}

export interface AssociationRead {
  readonly byFrom: ReadonlyMap<string, readonly Association[]>;
  readonly rejected: readonly Rejected[];
}
