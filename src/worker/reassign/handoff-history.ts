import type { NotificationReason } from '../../domain/evaluation.ts';
import type { Owner } from '../../ports/crm-source.ts';
import type { InstanceContext } from '../../ports/notifier.ts';
import type { Store } from '../../ports/store.ts';
import { ownerById } from '../shared/teams.ts';

/** An owner as messages name them in plain text: their name, else their e-mail, else their id. */
export const plainOwnerName = (owner: Owner | null, id: string | null): string =>
  [owner?.firstName, owner?.lastName].filter((p) => p != null && p.trim() !== '').join(' ') ||
  owner?.email ||
  (id === null ? '—' : `HubSpot owner ${id}`);

/**
 * The handoff ping of a rep sla-bot gave the lead to carries its history ("Reassigned from Bram after
 * 5m without contact", issue 18): the last reassignment written to the current owner. Only a ping, and
 * only after an owner change, costs a store read.
 */
export async function withReassignedFrom(
  store: Pick<Store, 'reassignmentsOf'>,
  owners: readonly Owner[],
  kind: string,
  context: InstanceContext,
): Promise<InstanceContext> {
  const { instance } = context;
  if (kind !== 'handoff' || instance.ownerId === null || (instance.ownerChangedAt ?? null) === null)
    return context;
  const rows = await store.reassignmentsOf([instance.id]);
  const last = rows.findLast((r) => r.state === 'written' && r.toOwnerId === instance.ownerId);
  if (last === undefined) return context;
  const fromName = plainOwnerName(ownerById(owners, last.fromOwnerId), last.fromOwnerId);
  return { ...context, reassignedFrom: { fromName, waited: last.waited } };
}

/**
 * An escalation whose lead was taken for its deadline (issue 18) says so, also when rendered again
 * later (an update in place, a settled message): a teammate's "Take it" as who and when instead of the
 * button (a claim HubSpot refused or a person overrode is not shown); a level's reassignment, once
 * HubSpot has it, as from whom to whom after how long — the manager who already has the escalation
 * reads the reassignment there, not in a second message (`apply-reassignments`). Only an escalation
 * costs a store read.
 */
export async function withTakenBy(
  store: Pick<Store, 'reassignmentsOf'>,
  owners: readonly Owner[],
  reason: NotificationReason,
  context: InstanceContext,
): Promise<InstanceContext> {
  if (reason.kind !== 'escalation') return context;
  const rows = await store.reassignmentsOf([context.instance.id]);
  const ofDeadline = rows.filter((r) => r.deadline === reason.deadline);
  const claim = ofDeadline.find(
    (r) => r.kind === 'claim' && (r.state === 'pending' || r.state === 'written'),
  );
  const moved = ofDeadline.find((r) => r.kind === 'escalation' && r.state === 'written');
  const name = (id: string | null) => plainOwnerName(ownerById(owners, id), id);
  return {
    ...context,
    ...(claim === undefined ? {} : { takenBy: { name: name(claim.toOwnerId), at: claim.at } }),
    ...(moved === undefined
      ? {}
      : {
          reassignedTo: {
            fromName: name(moved.fromOwnerId),
            toName: name(moved.toOwnerId),
            waited: moved.waited,
          },
        }),
  };
}

/**
 * A message's context with its reassignment history: the ping's "Reassigned from …" and an
 * escalation's "Taken by …" or "Reassigned from … to …" (both above). `claims` answers the second when
 * the caller already read the instance's reassignments.
 */
export async function withHistory(
  store: Pick<Store, 'reassignmentsOf'>,
  owners: readonly Owner[],
  reason: NotificationReason,
  context: InstanceContext,
  claims: Pick<Store, 'reassignmentsOf'> = store,
): Promise<InstanceContext> {
  return withTakenBy(claims, owners, reason, await withReassignedFrom(store, owners, reason.kind, context));
}
