import type { LeadSnapshot, SlaInstance, Touch } from '../../domain/model.ts';
import type { Interner } from './interner.ts';

/**
 * The records the worker keeps for every open lead, rebuilt with shared strings (see `Interner`):
 * a lead's fields and its raw properties then hold one string per value, and values repeated
 * across leads (country, source, stage, owner id, call outcome) are held once.
 */
export function internLead(strings: Interner, lead: LeadSnapshot): LeadSnapshot {
  const properties: Record<string, string | null> = {};
  // `for…in` rather than `Object.entries`: no pair array per property (a lead's own properties only:
  // the bag is a plain object parsed from JSON or built by the CRM adapter).
  for (const name in lead.properties) properties[name] = strings.maybe(lead.properties[name] ?? null);
  return {
    ...lead,
    objectId: strings.intern(lead.objectId),
    contactId: strings.intern(lead.contactId),
    firstName: strings.maybe(lead.firstName),
    lastName: strings.maybe(lead.lastName),
    company: strings.maybe(lead.company),
    email: strings.maybe(lead.email),
    phone: strings.maybe(lead.phone),
    jobTitle: strings.maybe(lead.jobTitle),
    source: strings.maybe(lead.source),
    recentConversion: strings.maybe(lead.recentConversion),
    country: strings.maybe(lead.country),
    properties,
  };
}

export const internInstance = (strings: Interner, i: SlaInstance): SlaInstance => ({
  ...i,
  lead: internLead(strings, i.lead),
  stage: strings.intern(i.stage),
  policyName: strings.intern(i.policyName),
  ownerId: strings.maybe(i.ownerId),
});

export const internTouch = (strings: Interner, t: Touch): Touch => ({
  ...t,
  contactId: strings.intern(t.contactId),
  ownerId: strings.maybe(t.ownerId),
  status: strings.maybe(t.status),
  outcome: strings.maybe(t.outcome),
});
