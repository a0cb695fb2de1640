import type { ReassignResult } from '../ports/lead-writer.ts';
import type { HubSpotApi } from './hubspot-api.ts';
import { ops } from './operations.ts';

/**
 * Moves a contact from owner `from` to owner `to` (issue 18). HubSpot has no conditional update, so the
 * contact's `hubspot_owner_id` is read first: already `to` → `written` (a retry after a crash or a lost
 * answer); anything but `from` → `superseded`, nothing written (a person reassigned it meanwhile); else
 * one PATCH (HW-4: idempotent). The read and the PATCH leave a moment in which a person's change can be
 * overwritten; HubSpot offers nothing narrower (docs/platform-contract.md HW-13).
 */
export async function reassignOwner(
  api: HubSpotApi,
  contactId: string,
  from: string | null,
  to: string,
): Promise<ReassignResult> {
  const contact = await api.call(ops.readContact, () =>
    api.sdk.crm.contacts.basicApi.getById(contactId, ['hubspot_owner_id']),
  );
  const now = contact.properties.hubspot_owner_id ?? null;
  const current = now === '' ? null : now;
  if (current === to) return 'written';
  if (current !== from) return 'superseded';
  await api.call(ops.reassignContact, () =>
    api.sdk.crm.objects.basicApi.update('contacts', contactId, { properties: { hubspot_owner_id: to } }),
  );
  return 'written';
}
