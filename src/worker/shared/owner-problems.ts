import type { SlaConfig } from '../../config/types.ts';
import type { SlaInstance } from '../../domain/model.ts';
import { type Instant, MINUTE, type Millis } from '../../domain/time.ts';
import { type AdminValue, adminMessage } from '../../i18n/admin-message.ts';
import type { Owner } from '../../ports/crm-source.ts';
import type { NewOutboxEntry } from '../../ports/store.ts';
import { adminAlert } from '../admin-alert.ts';

/** Since when the current owner has had the lead, as far as the worker can know. */
export const ownedSince = (
  i: Pick<SlaInstance, 'firstSeenAt' | 'ownerAssignedAt' | 'ownerChangedAt'>,
): Instant => Math.max(i.firstSeenAt, i.ownerAssignedAt ?? 0, i.ownerChangedAt ?? 0);

/**
 * How long an owner id HubSpot does not list may own a lead before admins hear of it: the owner list
 * is cached for 15 minutes, so a rep added to HubSpot a minute ago is not "unknown".
 */
export const UNKNOWN_OWNER_GRACE: Millis = 20 * MINUTE;

export interface OwnerProblemInput {
  readonly config: SlaConfig;
  readonly instances: readonly SlaInstance[];
  readonly owners: readonly Owner[];
  /** The owner list was read successfully this cycle (an old or empty list proves nothing). */
  readonly ownersFresh: boolean;
  readonly now: Instant;
  readonly unknownGrace: Millis;
}

export const inactiveOwnerKey = (instanceId: string): string => `admin:owner-inactive:${instanceId}`;
export const unknownOwnerKey = (instanceId: string): string => `admin:owner-unknown:${instanceId}`;

/** The lead as the alert names it: name (else e-mail, else contact id), stage, when it entered it and where. */
function leadValues(config: SlaConfig, i: SlaInstance): Record<string, AdminValue> {
  return {
    leadName: [i.lead.firstName, i.lead.lastName].filter((n) => n !== null).join(' ') || (i.lead.email ?? ''),
    contactId: i.lead.contactId,
    stage: config.stages.find((s) => s.key === i.stage)?.label ?? i.stage,
    enteredAt: i.enteredAt,
    zone: config.timezone,
    url: i.lead.url,
  };
}

export type OwnerProblem = 'inactive' | 'unknown';

/**
 * What is wrong with a lead's owner, if anything: archived or deactivated in HubSpot, or an id
 * HubSpot does not list (told only once the list is fresh and the grace has passed).
 */
export function ownerProblemOf(
  lead: { readonly ownerId: string | null; readonly ownedSince: Instant },
  owners: ReadonlyMap<string, Owner>,
  input: Pick<OwnerProblemInput, 'ownersFresh' | 'now' | 'unknownGrace'>,
): OwnerProblem | null {
  if (lead.ownerId === null) return null;
  const owner = owners.get(lead.ownerId);
  if (owner) return owner.active ? null : 'inactive';
  return input.ownersFresh && input.now - lead.ownedSince >= input.unknownGrace ? 'unknown' : null;
}

export const ownerProblemKey = (problem: OwnerProblem, instanceId: string): string =>
  problem === 'inactive' ? inactiveOwnerKey(instanceId) : unknownOwnerKey(instanceId);

/**
 * Open leads nobody will work: owned by an owner HubSpot marks archived or deactivated, or by an
 * owner id HubSpot does not list at all. One admin alert per instance (stable key); the lead's own
 * messages still go out, to the fallbacks (team channel, manager, admins) the notifier picks.
 */
export function ownerProblemAlerts(input: OwnerProblemInput): NewOutboxEntry[] {
  const byId = new Map(input.owners.map((o) => [o.id, o]));
  const out: NewOutboxEntry[] = [];
  for (const i of input.instances) {
    if (i.closedAt !== null) continue;
    const problem = ownerProblemOf({ ownerId: i.ownerId, ownedSince: ownedSince(i) }, byId, input);
    const owner = i.ownerId === null ? undefined : byId.get(i.ownerId);
    if (problem === 'inactive' && owner) {
      const message = adminMessage('alert.owner.inactive', {
        ...leadValues(input.config, i),
        ownerId: owner.id,
        ownerEmail: owner.email ?? '',
      });
      out.push(adminAlert(inactiveOwnerKey(i.id), message, input.now));
    } else if (problem === 'unknown') {
      const message = adminMessage('alert.owner.unknown', {
        ...leadValues(input.config, i),
        ownerId: i.ownerId ?? '',
      });
      out.push(adminAlert(unknownOwnerKey(i.id), message, input.now));
    }
  }
  return out;
}
