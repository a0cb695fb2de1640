import type { Policy } from '../policy.ts';
import type { Reassignment } from '../reassign/reassignment.ts';
import { clockStartOf } from '../sla/clock-start.ts';
import { previousOwner } from './message-events.ts';
import type { TimelineEvent, TimelineFacts } from './types.ts';

/**
 * Who owned the lead when (issue 18): the first assignment, the last owner change, and every
 * reassignment or "Take it" claim sla-bot recorded. The reassignment records name the owner a lead was
 * taken from, which messages only tell when one was sent about them; a change sla-bot wrote is dated
 * by the store's `owner_changed_at`, never before the reassignment was decided.
 */
export function ownerEvents(facts: TimelineFacts, policy: Policy | null): TimelineEvent[] {
  const i = facts.instance;
  const moves = (facts.reassignments ?? []).filter((r) => r.instanceId === i.id);
  const written = moves.filter((r) => r.state === 'written');
  const out: TimelineEvent[] = [];
  const changedAt = i.ownerChangedAt ?? null;
  const firstOwner =
    changedAt === null ? i.ownerId : (written[0]?.fromOwnerId ?? previousOwner(facts.messages, changedAt));
  if (i.ownerAssignedAt !== null && (firstOwner !== null || changedAt !== null))
    out.push({ kind: 'owner_assigned', at: i.ownerAssignedAt, ownerId: firstOwner });
  if (changedAt !== null) {
    // The reassignment that gave the current owner the lead, when sla-bot made the change.
    const made = written.findLast((r) => r.toOwnerId === i.ownerId) ?? null;
    const restarted = policy !== null && clockStartOf(i, policy).anchor === changedAt;
    out.push({
      kind: 'owner_changed',
      at: made === null ? changedAt : Math.max(changedAt, made.at),
      from: made?.fromOwnerId ?? previousOwner(facts.messages, changedAt),
      to: i.ownerId,
      clockRestarted: restarted,
    });
  }
  for (const r of moves) out.push(reassigned(r, policy));
  return out;
}

function reassigned(r: Reassignment, policy: Policy | null): TimelineEvent {
  const level = r.level === null ? null : (policy?.escalate.find((l) => l.level === r.level) ?? null);
  return {
    kind: 'reassigned',
    at: r.at,
    by: r.kind,
    level: r.level,
    rule: level?.reassign?.to ?? null,
    from: r.fromOwnerId,
    to: r.toOwnerId,
    toEmail: r.toEmail,
    deadline: r.deadline,
    state: r.state,
  };
}
