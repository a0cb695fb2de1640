import type { OwnedRecord, ReassignResult } from '../ports/lead-writer.ts';
import type { HubSpotApi } from './hubspot-api.ts';
import { ops } from './operations.ts';
import { text } from './values.ts';

/**
 * Moves the record an SLA instance tracks from owner `from` to owner `to` (issue 18): the contact, or
 * for a Leads-object instance (`lead_pipeline` stage) the lead record, whose own `hubspot_owner_id` is
 * what the poll and the read-back see. HubSpot has no conditional update, so the owner is read first:
 * already `to` → `written` (a retry after a crash or a lost answer); anything but `from` → `superseded`,
 * nothing written (a person reassigned it meanwhile); else one PATCH (HW-4: idempotent). The read and
 * the PATCH leave a moment in which a person's change can be overwritten; HubSpot offers nothing
 * narrower (docs/platform-contract.md HW-13).
 */
export async function reassignOwner(
  api: HubSpotApi,
  record: OwnedRecord,
  from: string | null,
  to: string,
): Promise<ReassignResult> {
  const current = await ownerNow(api, record);
  if (current === to) return 'written';
  if (current !== from) return 'superseded';
  const input = { properties: { hubspot_owner_id: to } };
  if (record.objectType === 'lead')
    await api.call(ops.reassignLead, () =>
      api.sdk.crm.objects.basicApi.update('leads', record.objectId, input),
    );
  else
    await api.call(ops.reassignContact, () =>
      api.sdk.crm.objects.basicApi.update('contacts', record.objectId, input),
    );
  return 'written';
}

/**
 * The owner as sla-bot reads it at handoff and in the read-back: the contact's; a lead record's own,
 * or its contact's when the lead has none (`history-handoffs.ts`, `reconcile-changes.ts`).
 */
async function ownerNow(api: HubSpotApi, record: OwnedRecord): Promise<string | null> {
  if (record.objectType === 'lead') {
    const lead = await api.call(ops.readLead, () =>
      api.sdk.crm.objects.basicApi.getById('leads', record.objectId, ['hubspot_owner_id']),
    );
    const own = text(lead.properties.hubspot_owner_id);
    if (own !== null) return own;
  }
  const contact = await api.call(ops.readContact, () =>
    api.sdk.crm.contacts.basicApi.getById(record.contactId, ['hubspot_owner_id']),
  );
  return text(contact.properties.hubspot_owner_id);
}
