import type { Rejected } from '../ports/crm-source.ts';
import type { HubSpotApi } from './hubspot-api.ts';
import type { CrmObjectType } from './operations.ts';
import { type BatchError, CrmRecord } from './schemas.ts';
import { chunk } from './values.ts';

export const BATCH_READ_LIMIT = 100;
export const ASSOCIATIONS_BATCH_LIMIT = 1_000;

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

/** Batch read in chunks of 100. Missing or malformed records are rejected one by one. */
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
  for (const part of chunk([...new Set(ids)], BATCH_READ_LIMIT)) {
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
