import type { SlaConfig } from '../config/types.ts';
import type { LeadObjectType, LeadSnapshot } from '../domain/model.ts';
import type { Condition } from '../domain/policy.ts';
import type { Properties } from './schemas.ts';
import { parseInstant, parseNumber, text } from './values.ts';

/** Contact properties a rep needs in the handoff ping (and the owner fields the SLA needs). */
export const CONTACT_PROPERTIES = [
  'firstname',
  'lastname',
  'company',
  'email',
  'phone',
  'mobilephone',
  'jobtitle',
  'hubspotscore',
  'hs_analytics_source',
  'recent_conversion_event_name',
  'recent_conversion_date',
  'country',
  'hubspot_owner_id',
  'hubspot_owner_assigneddate',
  'lifecyclestage',
  'hs_lead_status',
  'lastmodifieddate',
] as const;

const conditionProperties = (c: Condition): string[] =>
  'all' in c
    ? c.all.flatMap(conditionProperties)
    : 'any' in c
      ? c.any.flatMap(conditionProperties)
      : [c.property];

/** Properties the policies' segment conditions test, so snapshots carry them. */
export function segmentProperties(config: SlaConfig): string[] {
  const conditions = [
    ...config.segments.values(),
    ...config.policies.flatMap((p) => (p.segment ? [p.segment] : [])),
  ];
  return [...new Set(conditions.flatMap(conditionProperties))];
}

export function snapshotProperties(config: SlaConfig, extra: readonly string[] = []): string[] {
  return [...new Set([...CONTACT_PROPERTIES, ...segmentProperties(config), ...extra])];
}

export interface PortalLinks {
  readonly appBaseUrl: string;
  readonly portalId: string | null;
}

const OBJECT_TYPE_IDS: Record<LeadObjectType, string> = { contact: '0-1', lead: '0-136' };

export const recordUrl = (links: PortalLinks, objectType: LeadObjectType, id: string): string => {
  const base = links.appBaseUrl.replace(/\/+$/, '');
  const portal = links.portalId === null ? '' : `/${links.portalId}`;
  return `${base}/contacts${portal}/record/${OBJECT_TYPE_IDS[objectType]}/${id}`;
};

/** A handoff's lead data from a contact's properties (every value optional; missing is `null`). */
export function toLeadSnapshot(
  contactId: string,
  props: Properties,
  links: PortalLinks,
  object: { readonly type: LeadObjectType; readonly id: string } = { type: 'contact', id: contactId },
): LeadSnapshot {
  return {
    objectType: object.type,
    objectId: object.id,
    contactId,
    firstName: text(props.firstname),
    lastName: text(props.lastname),
    company: text(props.company),
    email: text(props.email),
    phone: text(props.phone) ?? text(props.mobilephone),
    jobTitle: text(props.jobtitle),
    score: parseNumber(props.hubspotscore),
    source: text(props.hs_analytics_source),
    recentConversion: text(props.recent_conversion_event_name),
    recentConversionAt: parseInstant(props.recent_conversion_date),
    country: text(props.country),
    url: recordUrl(links, object.type, object.id),
    properties: props,
  };
}
