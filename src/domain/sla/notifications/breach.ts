import { ownerTargets, type Plan, type Situation } from '../situation.ts';

/**
 * The breach note to the owner, due at the deadline when first contact did not happen by then. It
 * stays due after a late contact (the breach is a fact); a back-dated contact within the deadline
 * withdraws it (if it was already sent, it stays sent).
 */
export function scheduleBreach(s: Situation, plan: Plan): void {
  if (s.contact !== null && s.contact.at <= s.deadline) return;
  if (s.now < s.deadline) {
    plan.later(s.deadline);
    return;
  }
  plan.due.push({
    key: `${s.keyBase}:breach`,
    kind: 'breach',
    instanceId: s.input.instance.id,
    dueAt: s.deadline,
    targets: ownerTargets(s),
    reason: { kind: 'breach', deadline: s.deadline, excused: s.excused },
  });
}
