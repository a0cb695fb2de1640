import { z } from 'zod';
import type { SlaConfig } from '../../config/types.ts';

const id = z.union([z.string(), z.number()]).transform(String);

/**
 * One event of a HubSpot webhook delivery (a JSON array of up to 100). Read permissively: only what
 * we use, ids as numbers or strings, unknown fields ignored.
 */
export const WebhookEvent = z.looseObject({
  /** Not guaranteed unique by HubSpot: the replay guard keys an event by more than this (HB-19). */
  eventId: id.optional(),
  subscriptionId: id.optional(),
  portalId: id.optional(),
  subscriptionType: z.string(),
  objectId: id,
  /** `object.*` subscriptions name the object type (`0-1` for contacts). */
  objectTypeId: z.string().optional(),
  propertyName: z.string().optional(),
  propertyValue: z.unknown().optional(),
  occurredAt: z.number().optional(),
  attemptNumber: z.number().optional(),
});
export type WebhookEvent = z.infer<typeof WebhookEvent>;

export const WebhookDelivery = z.array(z.unknown());

const CONTACT_TYPE_ID = '0-1';

/**
 * Contact properties whose change can open, move or close an SLA instance: `lifecyclestage` when a
 * stage is a lifecycle stage, each property-based stage's property, and the owner.
 */
export function watchedProperties(config: SlaConfig): ReadonlySet<string> {
  const watched = new Set<string>(['hubspot_owner_id']);
  for (const stage of config.stages) {
    if (stage.source.kind === 'lifecycle_stage') watched.add('lifecyclestage');
    if (stage.source.kind === 'property') watched.add(stage.source.property);
  }
  if (config.recycleStages.length > 0) watched.add('lifecyclestage');
  return watched;
}

const isContactChange = (e: WebhookEvent): boolean =>
  e.subscriptionType === 'contact.propertyChange' ||
  (e.subscriptionType === 'object.propertyChange' && e.objectTypeId === CONTACT_TYPE_ID);

export interface SortedDelivery {
  /** Contacts to read now, deduplicated, in delivery order. */
  readonly contactIds: readonly string[];
  /** Events about anything else (other subscriptions or properties): polling covers them. */
  readonly ignored: number;
  /** Array items that were not events (logged, never fatal). */
  readonly malformed: number;
}

/** The items of a delivery that are events; the rest are counted (logged, never fatal). */
export function parseEvents(items: readonly unknown[]): { events: WebhookEvent[]; malformed: number } {
  const events: WebhookEvent[] = [];
  let malformed = 0;
  for (const item of items) {
    const parsed = WebhookEvent.safeParse(item);
    if (parsed.success) events.push(parsed.data);
    else malformed += 1;
  }
  return { events, malformed };
}

/** Which contacts a delivery asks us to look at. */
export function contactsToRead(items: readonly unknown[], watched: ReadonlySet<string>): SortedDelivery {
  const ids = new Set<string>();
  let ignored = 0;
  const { events, malformed } = parseEvents(items);
  for (const e of events) {
    if (isContactChange(e) && e.propertyName !== undefined && watched.has(e.propertyName))
      ids.add(e.objectId);
    else ignored += 1;
  }
  return { contactIds: [...ids], ignored, malformed };
}
