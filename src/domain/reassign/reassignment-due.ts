import type { FirstContactVerdict } from '../evaluation.ts';
import type { SlaInstance } from '../model.ts';
import type { EscalationLevel } from '../policy.ts';
import type { Instant } from '../time.ts';
import type { Reassignment } from './reassignment.ts';

/** Why a level that reassigns does not reassign this time. */
export type NotDue =
  | 'not_reassigning'
  | 'closed'
  | 'not_breached'
  | 'excused'
  | 'contacted'
  | 'not_yet'
  | 'already_for_deadline'
  | 'max_reached'
  | 'owner_changed_by_a_person';

export type ReassignmentDue =
  | { readonly due: true; readonly deadline: Instant }
  | { readonly due: false; readonly why: NotDue };

/**
 * Whether an escalation level reassigns the instance now (pure). Only a breached, unexcused,
 * uncontacted, open lead, once its level's moment came (deadline + `after`); once per deadline (any
 * level or claim); at most `max` times per instance; and never when a person changed the owner after
 * the breach (an owner change sla-bot did not make itself) — they decided, sla-bot leaves it alone.
 */
export function reassignmentDue(
  instance: SlaInstance,
  verdict: FirstContactVerdict,
  level: EscalationLevel,
  done: readonly Reassignment[],
  now: Instant,
): ReassignmentDue {
  const rule = level.reassign ?? null;
  if (rule === null) return { due: false, why: 'not_reassigning' };
  if (instance.closedAt !== null) return { due: false, why: 'closed' };
  if (verdict.state !== 'breached') return { due: false, why: 'not_breached' };
  if (verdict.excused) return { due: false, why: 'excused' };
  if (verdict.contactedAt !== null) return { due: false, why: 'contacted' };
  const deadline = verdict.deadline;
  if (now < deadline + level.after) return { due: false, why: 'not_yet' };
  const counted = done.filter((r) => r.state !== 'superseded' && r.state !== 'failed');
  if (done.some((r) => r.deadline === deadline)) return { due: false, why: 'already_for_deadline' };
  if (counted.filter((r) => r.kind === 'escalation').length >= rule.max)
    return { due: false, why: 'max_reached' };
  const changedAt = instance.ownerChangedAt ?? null;
  const ours = done.some((r) => r.toOwnerId === instance.ownerId);
  if (changedAt !== null && changedAt >= deadline && !ours)
    return { due: false, why: 'owner_changed_by_a_person' };
  return { due: true, deadline };
}
