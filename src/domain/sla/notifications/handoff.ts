import { ownerTargets, type Plan, type Situation } from '../situation.ts';

/**
 * The ping to the owner, due as soon as the bot saw the lead (or when the current owner got it).
 * One per owner: a new owner is pinged too, with or without a clock restart. Not sent when the lead
 * was already contacted by then (a backfilled, already-handled lead needs no ping).
 */
export function scheduleHandoff(s: Situation, plan: Plan): void {
  const { instance } = s.input;
  const dueAt = s.handoffAt;
  if (s.contact !== null && s.contact.at <= dueAt) return;
  if (dueAt > s.now) {
    plan.later(dueAt);
    return;
  }
  plan.due.push({
    key: `${s.keyBase}:handoff:${instance.ownerId ?? 'unassigned'}`,
    kind: 'handoff',
    instanceId: instance.id,
    dueAt,
    targets: ownerTargets(s),
    reason: { kind: 'handoff', deadline: s.deadline },
  });
}
