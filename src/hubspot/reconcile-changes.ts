import type { SlaConfig } from '../config/types.ts';
import type { LeadChange } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';
import type { WatchedInstance } from '../ports/crm-source.ts';
import { dateEntered } from './poll-context.ts';
import type { Presence } from './record-presence.ts';
import type { CrmRecord } from './schemas.ts';
import { departureTime, enteredStageBetween } from './stage-departure.ts';
import { parseInstant, text } from './values.ts';

export interface ReconcileInput {
  readonly config: Pick<SlaConfig, 'stages' | 'recycleStages'>;
  /** One per lead (the latest-entered instance). */
  readonly watched: readonly WatchedInstance[];
  readonly contacts: ReadonlyMap<string, Presence>;
  readonly leads: ReadonlyMap<string, Presence>;
  readonly now: Instant;
}

/**
 * What the read-back says changed for open leads: deleted or merged away; owner not the one the
 * instance has (removed included; a Leads-object record without an owner falls back to its contact's,
 * as at handoff); moved away from a property-defined stage or into a recycle lifecycle stage. Changes
 * are dated no earlier than the instance's entry, so the domain applies them.
 */
export function reconcileChanges(input: ReconcileInput): LeadChange[] {
  const changes: LeadChange[] = [];
  for (const watched of input.watched) {
    const { objectType, objectId } = watched.lead;
    const presence = (objectType === 'contact' ? input.contacts : input.leads).get(objectId);
    if (presence === undefined) continue;
    if (presence.kind === 'deleted') {
      changes.push({ kind: 'deleted', objectType, objectId, mergedInto: null, at: presence.at ?? input.now });
      continue;
    }
    if (presence.kind === 'merged') {
      const at = parseInstant(presence.into.properties.lastmodifieddate) ?? input.now;
      changes.push({ kind: 'deleted', objectType, objectId, mergedInto: presence.into.id, at });
      continue;
    }
    const owner =
      objectType === 'contact'
        ? contactOwner(presence.record, input.now)
        : leadOwner(presence.record, input.contacts.get(watched.lead.contactId), input.now);
    if (owner !== null && owner.ownerId !== watched.ownerId)
      changes.push({
        kind: 'owner_changed',
        objectType,
        objectId,
        ...owner,
        at: Math.max(owner.at, watched.enteredAt),
        current: true,
      });
    if (objectType === 'contact') changes.push(...leftFunnel(watched, presence.record, input));
  }
  return changes;
}

type OwnerNow = { readonly ownerId: string | null; readonly at: Instant };

/** The owner now, dated by its assignment (removals by the last modification, an upper bound). */
function ownerOf(record: CrmRecord, modifiedProperty: string, now: Instant): OwnerNow {
  const props = record.properties;
  const ownerId = text(props.hubspot_owner_id);
  const modified = parseInstant(props[modifiedProperty]) ?? now;
  const at = ownerId === null ? modified : (parseInstant(props.hubspot_owner_assigneddate) ?? modified);
  return { ownerId, at };
}

const contactOwner = (record: CrmRecord, now: Instant): OwnerNow => ownerOf(record, 'lastmodifieddate', now);

function leadOwner(lead: CrmRecord, contact: Presence | undefined, now: Instant): OwnerNow | null {
  const own = ownerOf(lead, 'hs_lastmodifieddate', now);
  if (own.ownerId !== null) return own;
  if (contact?.kind !== 'found') return null;
  return { ownerId: text(contact.record.properties.hubspot_owner_id), at: own.at };
}

function leftFunnel(watched: WatchedInstance, record: CrmRecord, input: ReconcileInput): LeadChange[] {
  const props = record.properties;
  const { objectId } = watched.lead;
  const left = (toStage: string, at: Instant): LeadChange[] =>
    enteredStageBetween(record, input.config.stages, watched.enteredAt, at)
      ? []
      : [
          {
            kind: 'left_funnel',
            objectType: 'contact',
            objectId,
            toStage,
            at: Math.max(at, watched.enteredAt),
          },
        ];

  const out: LeadChange[] = [];
  const source = input.config.stages.find((s) => s.key === watched.stage)?.source;
  if (source?.kind === 'property') {
    const value = text(props[source.property]);
    const at =
      value === source.equals
        ? null
        : departureTime(record.propertiesWithHistory?.[source.property], source.equals);
    if (at !== null) out.push(...left(value ?? '', at));
  }
  const lifecycle = text(props.lifecyclestage);
  if (lifecycle !== null && input.config.recycleStages.includes(lifecycle)) {
    const at = parseInstant(props[dateEntered(lifecycle)]);
    if (at !== null && at > watched.enteredAt) out.push(...left(lifecycle, at));
  }
  return out;
}
