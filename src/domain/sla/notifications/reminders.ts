import type { Instant } from '../../time.ts';
import { ownerTargets, type Plan, type Situation } from '../situation.ts';

/** The reminder moments (business time after the clock start) that lie before the deadline. */
export function reminderMoments(s: Pick<Situation, 'input' | 'clockStart'>): (Instant | null)[] {
  const { firstContact, calendar } = s.input.policy;
  return firstContact.remind.map((offset) =>
    offset > 0 && offset < firstContact.within ? calendar.addBusinessTime(s.clockStart, offset) : null,
  );
}

/**
 * Reminders go to the owner while first contact is pending: not once contacted, not once
 * acknowledged, never at or after the deadline (the breach says it then), and not for moments that
 * passed before the handoff ping went out. After downtime only the latest due reminder is sent.
 */
export function scheduleReminders(s: Situation, plan: Plan, moments: readonly (Instant | null)[]): void {
  if (s.contact !== null || s.acknowledged !== null || s.now >= s.deadline) return;
  const { instance, policy } = s.input;
  let latest = -1;
  for (let i = 0; i < moments.length; i++) {
    const at = moments[i];
    if (at === null || at === undefined || at < s.handoffAt) continue;
    if (at > s.now) plan.later(at);
    else if (latest < 0 || at >= (moments[latest] ?? at)) latest = i;
  }
  const at = moments[latest];
  if (at === null || at === undefined) return;
  const offset = policy.firstContact.remind[latest] ?? 0;
  plan.due.push({
    key: `${s.keyBase}:reminder:${latest}`,
    kind: 'reminder',
    instanceId: instance.id,
    dueAt: at,
    targets: ownerTargets(s),
    reason: {
      kind: 'reminder',
      index: latest,
      deadline: s.deadline,
      left: policy.firstContact.within - offset,
    },
  });
}
