import type { SlaConfig } from '../config/types.ts';
import { claimKey, type Reassignment } from '../domain/reassign/reassignment.ts';
import type { Owner } from '../ports/crm-source.ts';
import type { ClaimOutcome, ClaimRequest, InstanceView } from '../ports/interactions.ts';
import type { Store, StoredInstance } from '../ports/store.ts';
import { ownerPlainName } from './owner-name.ts';
import { normalizeEmail } from './slack-user.ts';

export interface ClaimDeps {
  readonly store: Pick<Store, 'instance' | 'recordReassignment' | 'reassignmentsOf'>;
  readonly owners: () => Promise<readonly Owner[]>;
  readonly config: () => SlaConfig;
}

/** The active HubSpot owner with this e-mail (an archived one cannot be given leads). */
const activeOwnerOf = (owners: readonly Owner[], email: string): Owner | null =>
  owners.find((o) => o.active && o.email != null && normalizeEmail(o.email) === normalizeEmail(email)) ??
  null;

/**
 * "Take it" (issue 18): the clicker's claim of a lead, recorded as a `claim` reassignment of the
 * escalated deadline. The store's unique key (one reassignment per instance and deadline) decides
 * between two clicks, two replicas, or a claim and the automatic reassignment: the insert that lands
 * first wins, the other is told who won. The HubSpot write follows in the worker's reassignment stage,
 * fenced by the lease like every write (ADR 0016).
 */
export async function claimLead(
  deps: ClaimDeps,
  view: (s: StoredInstance, owners: Map<string, Owner>) => InstanceView,
  request: ClaimRequest,
): Promise<ClaimOutcome> {
  const s = await deps.store.instance(request.instanceId);
  if (s === null) return { status: 'not_found' };
  if (s.instance.closedAt !== null) return { status: 'closed' };
  if (!deps.config().hubspot.writeBack.enabled) return { status: 'off' };
  const owners = await deps.owners();
  const byId = new Map(owners.map((o) => [o.id, o]));
  const earlier = await takenBefore(deps, byId, request);
  if (earlier !== null) return earlier;
  const clicker = activeOwnerOf(owners, request.email);
  if (clicker === null) return { status: 'not_an_owner' };
  if (clicker.id === s.instance.ownerId) return { status: 'already_owner' };
  const r: Reassignment = {
    key: claimKey(s.instance.id, request.deadline),
    instanceId: s.instance.id,
    deadline: request.deadline,
    kind: 'claim',
    level: null,
    fromOwnerId: s.instance.ownerId,
    toOwnerId: clicker.id,
    toEmail: normalizeEmail(request.email),
    skipped: [],
    at: request.at,
    waited: Math.max(0, request.at - (s.evaluation?.clockStart ?? request.at)),
    state: 'pending',
  };
  const recorded = await deps.store.recordReassignment(r, null);
  if (recorded === 'recorded')
    return { status: 'claimed', lead: view(s, byId), toName: ownerPlainName(clicker) };
  return (await takenBefore(deps, byId, request)) ?? { status: 'not_found' };
}

/** The claim or reassignment this deadline already has, as the clicker is told it. */
async function takenBefore(
  deps: ClaimDeps,
  owners: ReadonlyMap<string, Owner>,
  request: ClaimRequest,
): Promise<ClaimOutcome | null> {
  const rows = await deps.store.reassignmentsOf([request.instanceId]);
  const first = rows.find((r) => r.deadline === request.deadline);
  if (first === undefined) return null;
  const owner = owners.get(first.toOwnerId) ?? null;
  return {
    status: 'taken',
    kind: first.kind,
    toName: owner === null ? first.toEmail : ownerPlainName(owner),
    at: first.at,
  };
}
