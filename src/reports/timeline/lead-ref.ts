/**
 * What `sla-bot explain` and the dashboard's lead page are asked about: an SLA instance id
 * (`contact:123:sql:<entered>`), a HubSpot record id (a contact, or a Leads-object record), an e-mail,
 * or a HubSpot record URL (`…/contacts/<portal>/record/0-1/<id>`, the older `…/contact/<id>`).
 */
export type LeadRef =
  | { readonly kind: 'instance'; readonly id: string }
  | { readonly kind: 'record'; readonly id: string }
  | { readonly kind: 'email'; readonly email: string };

const INSTANCE_ID = /^(contact|lead):\d+:[^:]+:\d+$/;
const RECORD_URL =
  /\/contacts\/\d+\/(?:record\/0-\d+|contact|objects\/0-\d+\/views\/[^/]+)\/(\d+)(?:[/?#]|$)/;

/** The reference an argument names; `null` when it names none. */
export function parseLeadRef(raw: string): LeadRef | null {
  const value = raw.trim();
  if (INSTANCE_ID.test(value)) return { kind: 'instance', id: value };
  if (/^\d+$/.test(value)) return { kind: 'record', id: value };
  if (/^https?:\/\//i.test(value)) {
    const id = RECORD_URL.exec(value)?.[1];
    return id === undefined ? null : { kind: 'record', id };
  }
  if (/^[^@\s]+@[^@\s]+$/.test(value)) return { kind: 'email', email: value.toLowerCase() };
  return null;
}
