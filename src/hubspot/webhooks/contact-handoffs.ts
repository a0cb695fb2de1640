import type { StageDefinition } from '../../config/types.ts';
import type { Handoff, LeadChange } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import type { HandoffPoll, Rejected } from '../../ports/crm-source.ts';
import { batchRead } from '../batch-read.ts';
import { snapshotProperties, toLeadSnapshot } from '../lead-snapshot.ts';
import { dateEntered, type PollContext } from '../poll-context.ts';
import { entryTime } from '../property-history.ts';
import type { CrmRecord } from '../schemas.ts';
import { parseInstant, text } from '../values.ts';

type Entry = { readonly stage: StageDefinition; readonly at: Instant };

/**
 * The current state of these contacts as handoffs and lead changes (the webhook path): one batch read
 * per 100 contacts (50 when a property stage needs its history), no search, so it is not held up by search-index lag. Only what happened within
 * the poll's look-back (`poll.overlap`) counts, exactly as a poll would have seen it: the instance
 * ids match, so the worker's dedupe makes webhook and poll results one. Lead-pipeline stages are left
 * to polling.
 */
export async function contactHandoffs(
  ctx: PollContext,
  contactIds: readonly string[],
  now: Instant,
): Promise<HandoffPoll> {
  const since = now - ctx.config.poll.overlap;
  const stages = ctx.config.stages;
  const lifecycle = stages.flatMap((s) => (s.source.kind === 'lifecycle_stage' ? [s.source.value] : []));
  const propertyStages = stages.flatMap((s) => (s.source.kind === 'property' ? [s.source.property] : []));
  const read = await batchRead(
    ctx.api,
    'contacts',
    contactIds,
    snapshotProperties(ctx.config, [
      ...lifecycle.map(dateEntered),
      ...ctx.config.recycleStages.map(dateEntered),
      ...propertyStages,
    ]),
    [...new Set(propertyStages)],
  );
  const rejected: Rejected[] = [...read.rejected];
  const handoffs: Handoff[] = [];
  const changes: LeadChange[] = [];
  for (const record of read.records.values()) {
    const props = record.properties;
    for (const entry of entries(record, stages, rejected)) {
      if (entry.at < since || entry.at > now + 60_000) continue;
      handoffs.push({
        lead: toLeadSnapshot(record.id, props, ctx.links),
        stage: entry.stage.key,
        enteredAt: entry.at,
        ownerId: text(props.hubspot_owner_id),
        ownerAssignedAt: parseInstant(props.hubspot_owner_assigneddate),
      });
    }
    changes.push(...leadChanges(record, ctx.config.recycleStages, since));
  }
  return { handoffs, changes, rejected, cursors: {}, more: false };
}

/** The configured stages the contact is in now, with when it entered each. */
function entries(record: CrmRecord, stages: readonly StageDefinition[], rejected: Rejected[]): Entry[] {
  const props = record.properties;
  const out: Entry[] = [];
  for (const stage of stages) {
    const source = stage.source;
    if (source.kind === 'lifecycle_stage') {
      if (text(props.lifecyclestage) !== source.value) continue;
      const at = parseInstant(props[dateEntered(source.value)]);
      if (at === null)
        rejected.push({ what: 'contact', id: record.id, reason: `no ${dateEntered(source.value)}` });
      else out.push({ stage, at });
    } else if (source.kind === 'property') {
      if (text(props[source.property]) !== source.equals) continue;
      const entry = entryTime(record.propertiesWithHistory?.[source.property], source.equals);
      if (entry.ok) out.push({ stage, at: entry.at });
      else rejected.push({ what: 'contact', id: record.id, reason: entry.reason });
    }
  }
  return out;
}

/** Owner assigned, or moved to a recycle stage, within the window. */
function leadChanges(record: CrmRecord, recycle: readonly string[], since: Instant): LeadChange[] {
  const props = record.properties;
  const out: LeadChange[] = [];
  const assignedAt = parseInstant(props.hubspot_owner_assigneddate);
  if (assignedAt !== null && assignedAt >= since)
    out.push({
      kind: 'owner_changed',
      objectType: 'contact',
      objectId: record.id,
      ownerId: text(props.hubspot_owner_id),
      at: assignedAt,
    });
  const stage = text(props.lifecyclestage);
  const leftAt = stage !== null && recycle.includes(stage) ? parseInstant(props[dateEntered(stage)]) : null;
  if (stage !== null && leftAt !== null && leftAt >= since)
    out.push({ kind: 'left_funnel', objectType: 'contact', objectId: record.id, toStage: stage, at: leftAt });
  return out;
}
