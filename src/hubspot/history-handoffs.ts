import type { StageDefinition } from '../config/types.ts';
import type { Handoff } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';
import type { Rejected } from '../ports/crm-source.ts';
import { readAssociations } from './associations.ts';
import { batchRead } from './batch-read.ts';
import { keysetScan, type ScanOutcome } from './keyset-scan.ts';
import { snapshotProperties, toLeadSnapshot } from './lead-snapshot.ts';
import { type PollContext, type StepResult, scanStep } from './poll-context.ts';
import { entryTime } from './property-history.ts';
import type { CrmRecord } from './schemas.ts';
import { parseInstant, text } from './values.ts';

/** Lead → primary contact association type. */
const LEAD_TO_PRIMARY_CONTACT = 578;

const LEAD_PROPERTIES = [
  'hs_lead_name',
  'hs_pipeline',
  'hs_pipeline_stage',
  'hubspot_owner_id',
  'hubspot_owner_assigneddate',
];

/**
 * HubSpot Leads (object 0-136) in a pipeline stage: search on `hs_lastmodifieddate` plus pipeline and
 * stage, entry time from `hs_pipeline_stage` history, the rep's data from the lead's primary contact.
 */
export async function leadPipelineHandoffs(
  ctx: PollContext,
  stage: StageDefinition,
  source: { readonly pipeline: string; readonly stage: string },
  cursorKey: string,
  cursorText: string | undefined,
): Promise<StepResult> {
  const outcome = await keysetScan(
    ctx.api,
    {
      objectType: 'leads',
      sortProperty: 'hs_lastmodifieddate',
      groups: () => [
        [
          { propertyName: 'hs_pipeline', operator: 'EQ', value: source.pipeline },
          { propertyName: 'hs_pipeline_stage', operator: 'EQ', value: source.stage },
        ],
      ],
      properties: ['hs_lastmodifieddate', 'hs_pipeline_stage'],
      what: 'lead',
    },
    cursorText,
    ctx.scan,
    ctx.logger,
  );
  const ids = changedIds(outcome);
  const read = await leadHandoffs(ctx, stage, source, ids, (id, at) => {
    // Entries before this poll's window were handled by an earlier poll (the record changed again since).
    if (at < outcome.lower) return false;
    const key = `e|${id}|${at}`;
    if (outcome.seen(key)) return false;
    outcome.markSeen(key, at);
    return true;
  });
  return scanStep(outcome, cursorKey, {
    handoffs: read.handoffs,
    rejected: [...outcome.rejected, ...read.rejected],
  });
}

/**
 * Handoffs of these Leads-object records into `stage`: the entry time from `hs_pipeline_stage`
 * history (an entry `keep` refuses is left out), the rep's data from the lead's primary contact.
 */
export async function leadHandoffs(
  ctx: PollContext,
  stage: StageDefinition,
  source: { readonly stage: string },
  ids: readonly string[],
  keep: (leadId: string, enteredAt: Instant) => boolean,
): Promise<{ readonly handoffs: Handoff[]; readonly rejected: Rejected[] }> {
  const leads = await batchRead(ctx.api, 'leads', ids, LEAD_PROPERTIES, ['hs_pipeline_stage']);
  const rejected: Rejected[] = [...leads.rejected];
  const entered = new Map<string, { record: CrmRecord; at: Instant }>();
  for (const id of ids) {
    const record = leads.records.get(id);
    if (!record) continue;
    const entry = entryTime(record.propertiesWithHistory?.hs_pipeline_stage, source.stage);
    if (!entry.ok) rejected.push({ what: 'lead', id: record.id, reason: entry.reason });
    else if (keep(id, entry.at)) entered.set(id, { record, at: entry.at });
  }
  const links = await readAssociations(ctx.api, 'leads', 'contacts', [...entered.keys()]);
  rejected.push(...links.rejected);
  const contactOf = new Map<string, string>();
  for (const leadId of entered.keys()) {
    const targets = links.byFrom.get(leadId) ?? [];
    const primary = targets.find((t) => t.typeIds.includes(LEAD_TO_PRIMARY_CONTACT)) ?? targets[0];
    if (primary) contactOf.set(leadId, primary.toId);
    else rejected.push({ what: 'lead', id: leadId, reason: 'lead has no associated contact' });
  }
  const contacts = await batchRead(
    ctx.api,
    'contacts',
    [...contactOf.values()],
    snapshotProperties(ctx.config),
  );
  rejected.push(...contacts.rejected);
  const handoffs: Handoff[] = [];
  for (const [leadId, contactId] of contactOf) {
    const contact = contacts.records.get(contactId);
    const lead = entered.get(leadId);
    if (!contact || !lead) continue;
    const leadProps = lead.record.properties;
    handoffs.push({
      lead: toLeadSnapshot(contactId, contact.properties, ctx.links, { type: 'lead', id: leadId }),
      stage: stage.key,
      enteredAt: lead.at,
      ownerId: text(leadProps.hubspot_owner_id) ?? text(contact.properties.hubspot_owner_id),
      ownerAssignedAt: parseInstant(leadProps.hubspot_owner_assigneddate),
    });
  }
  return { handoffs, rejected };
}

/** Ids whose (id, modification time) this scan has not handled before. */
function changedIds(outcome: ScanOutcome): string[] {
  const ids: string[] = [];
  for (const { record, t } of outcome.records) {
    const key = `m|${record.id}|${t}`;
    if (outcome.seen(key)) continue;
    outcome.markSeen(key, t);
    ids.push(record.id);
  }
  return [...new Set(ids)];
}
