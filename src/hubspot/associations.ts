import type { Rejected } from '../ports/crm-source.ts';
import {
  ASSOCIATIONS_BATCH_LIMIT,
  type Association,
  type AssociationRead,
  batchErrorReasons,
} from './batch-read.ts';
import type { HubSpotApi } from './hubspot-api.ts';
import type { CrmObjectType } from './operations.ts';
import { AssociationRow } from './schemas.ts';
import { chunk } from './values.ts';

const NO_ASSOCIATIONS = /NO_ASSOCIATIONS/i;

/**
 * Associations v4 batch read, 1,000 ids a request. An object with more associations than one page
 * carries its own `after`; those are read in follow-up rounds. 207 errors (the object no longer
 * exists) are logged as rejections, not failures.
 */
export async function readAssociations(
  api: HubSpotApi,
  from: CrmObjectType,
  to: CrmObjectType,
  ids: readonly string[],
): Promise<AssociationRead> {
  const byFrom = new Map<string, Association[]>();
  const rejected: Rejected[] = [];
  let pending: { id: string; after?: string }[] = [...new Set(ids)].map((id) => ({ id }));
  while (pending.length > 0) {
    const next: { id: string; after: string }[] = [];
    for (const part of chunk(pending, ASSOCIATIONS_BATCH_LIMIT)) {
      const answer = await api.associations(from, to, part);
      for (const raw of answer.results) {
        const parsed = AssociationRow.safeParse(raw);
        const fromId = parsed.success ? (parsed.data._from?.id ?? parsed.data.from?.id) : undefined;
        if (!parsed.success || fromId === undefined) {
          rejected.push({ what: `association ${from}→${to}`, id: null, reason: 'malformed association row' });
          continue;
        }
        const list = byFrom.get(fromId) ?? [];
        for (const target of parsed.data.to) {
          list.push({
            toId: target.toObjectId,
            typeIds: (target.associationTypes ?? []).flatMap((t) => (t.typeId == null ? [] : [t.typeId])),
          });
        }
        byFrom.set(fromId, list);
        const after = parsed.data.paging?.next?.after;
        if (after !== undefined) next.push({ id: fromId, after });
      }
      // "No associations found" is an ordinary answer (a lead nobody has called yet), not a problem.
      const problems = (answer.errors ?? []).filter(
        (e) => !NO_ASSOCIATIONS.test(`${String(e.subCategory)} ${e.message}`),
      );
      for (const [id, reason] of batchErrorReasons(problems)) {
        rejected.push({ what: from.replace(/s$/, ''), id, reason });
      }
    }
    pending = next;
  }
  return { byFrom, rejected };
}
