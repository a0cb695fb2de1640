import type { Touch } from '../domain/model.ts';
import type { OpenContacts, Rejected, TouchPoll } from '../ports/crm-source.ts';
import { readAssociations } from './associations.ts';
import { batchRead } from './batch-read.ts';
import type { DispositionNames } from './dispositions.ts';
import { keysetScan } from './keyset-scan.ts';
import { logRejected } from './log-rejected.ts';
import type { PollContext } from './poll-context.ts';
import type { Properties } from './schemas.ts';
import { type EngagementType, engagementTypes, toTouch } from './touch-mapping.ts';
import { text } from './values.ts';

/**
 * New or changed calls (e-mails, meetings) on open leads. Requests grow with what changed: one search
 * per engagement type on `hs_lastmodifieddate` since the cursor, then one associations batch read
 * (engagement → contacts) for just the changed engagements; those on open contacts become touches.
 */
export async function pollTouches(
  ctx: PollContext,
  dispositions: DispositionNames,
  cursors: Readonly<Record<string, string>>,
  openContactIds: OpenContacts,
): Promise<TouchPoll> {
  const touches: Touch[] = [];
  const rejected: Rejected[] = [];
  const next: Record<string, string> = {};
  let more = false;
  for (const type of engagementTypes(ctx.config)) {
    const key = `touches:${type.objectType}`;
    const outcome = await keysetScan(
      ctx.api,
      {
        objectType: type.objectType,
        sortProperty: 'hs_lastmodifieddate',
        groups: () => [[]],
        properties: type.properties,
        what: type.kind,
      },
      cursors[key],
      ctx.scan,
      ctx.logger,
    );
    rejected.push(...outcome.rejected);
    const changed = new Map<string, Properties>();
    for (const { record, t } of outcome.records) {
      const seenKey = `${record.id}|${t}`;
      if (outcome.seen(seenKey)) continue;
      outcome.markSeen(seenKey, t);
      changed.set(record.id, record.properties);
    }
    if (changed.size > 0 && openContactIds.size > 0) {
      const links = await readAssociations(ctx.api, type.objectType, 'contacts', [...changed.keys()]);
      const pairs: [string, string][] = [];
      for (const [engagementId, targets] of links.byFrom) {
        for (const target of targets)
          if (openContactIds.has(target.toId)) pairs.push([engagementId, target.toId]);
      }
      const mapped = await mapTouches(type, pairs, changed, dispositions);
      touches.push(...mapped.touches);
      rejected.push(...mapped.rejected);
    }
    next[key] = outcome.cursorText();
    more ||= outcome.more;
  }
  return { touches, rejected, cursors: next, more };
}

/**
 * Every touch of these contacts (when their instances open: calls logged before we saw the handoff).
 * Associations contacts → engagements (1,000 contacts a request), then batch reads (100 a request).
 */
export async function touchesOf(
  ctx: PollContext,
  dispositions: DispositionNames,
  contactIds: readonly string[],
): Promise<readonly Touch[]> {
  const touches: Touch[] = [];
  if (contactIds.length === 0) return touches;
  for (const type of engagementTypes(ctx.config)) {
    const links = await readAssociations(ctx.api, 'contacts', type.objectType, contactIds);
    const pairs: [string, string][] = [];
    for (const [contactId, targets] of links.byFrom) for (const t of targets) pairs.push([t.toId, contactId]);
    if (pairs.length === 0) {
      logRejected(ctx.logger, links.rejected);
      continue;
    }
    const read = await batchRead(
      ctx.api,
      type.objectType,
      [...new Set(pairs.map(([id]) => id))],
      type.properties,
    );
    const props = new Map([...read.records].map(([id, r]) => [id, r.properties]));
    const mapped = await mapTouches(type, pairs, props, dispositions);
    touches.push(...mapped.touches);
    logRejected(ctx.logger, [...links.rejected, ...read.rejected, ...mapped.rejected]);
  }
  return touches;
}

async function mapTouches(
  type: EngagementType,
  pairs: readonly (readonly [engagementId: string, contactId: string])[],
  props: ReadonlyMap<string, Properties>,
  dispositions: DispositionNames,
): Promise<{ touches: Touch[]; rejected: Rejected[] }> {
  const guids = pairs.flatMap(([id]) => {
    const guid = text(props.get(id)?.hs_call_disposition);
    return guid === null ? [] : [guid];
  });
  await dispositions.prepare(guids);
  const touches: Touch[] = [];
  const rejected: Rejected[] = [];
  for (const [engagementId, contactId] of pairs) {
    const p = props.get(engagementId);
    if (!p) continue;
    const mapped = toTouch(type, engagementId, contactId, p, dispositions.name);
    if (mapped.ok) touches.push(mapped.touch);
    else rejected.push({ what: type.kind, id: engagementId, reason: mapped.reason });
  }
  return { touches, rejected };
}
