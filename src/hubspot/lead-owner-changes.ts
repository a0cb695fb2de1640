import type { LeadChange } from '../domain/model.ts';
import { keysetScan } from './keyset-scan.ts';
import { type PollContext, type StepResult, scanStep } from './poll-context.ts';
import { parseInstant, text } from './values.ts';

export const LEAD_CHANGES_CURSOR = 'changes:leads';

/**
 * Owner assignments on HubSpot Leads-object records, for portals with `lead_pipeline` stages: one
 * leads search per poll on `hs_lastmodifieddate`, filtered to `hubspot_owner_assigneddate` since the
 * window's start. An owner removed from a lead (no assignment date moves) is found by the read-back
 * (`reconcile`), which also knows the contact's owner that an ownerless lead falls back to.
 */
export async function leadOwnerChanges(
  ctx: PollContext,
  cursors: Readonly<Record<string, string>>,
): Promise<StepResult> {
  const outcome = await keysetScan(
    ctx.api,
    {
      objectType: 'leads',
      sortProperty: 'hs_lastmodifieddate',
      groups: (lower) => [
        [{ propertyName: 'hubspot_owner_assigneddate', operator: 'GTE', value: String(lower) }],
      ],
      properties: ['hs_lastmodifieddate', 'hubspot_owner_id', 'hubspot_owner_assigneddate'],
      what: 'lead',
    },
    cursors[LEAD_CHANGES_CURSOR],
    ctx.scan,
    ctx.logger,
  );
  const changes: LeadChange[] = [];
  for (const { record, t } of outcome.records) {
    const ownerId = text(record.properties.hubspot_owner_id);
    const at = parseInstant(record.properties.hubspot_owner_assigneddate);
    if (ownerId === null || at === null || at < outcome.lower) continue;
    const key = `o|${record.id}|${at}|${ownerId}`;
    if (outcome.seen(key)) continue;
    outcome.markSeen(key, t);
    changes.push({ kind: 'owner_changed', objectType: 'lead', objectId: record.id, ownerId, at });
  }
  return scanStep(outcome, LEAD_CHANGES_CURSOR, { changes });
}
