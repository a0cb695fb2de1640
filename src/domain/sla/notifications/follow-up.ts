import type { AttemptsOutcome } from '../attempts.ts';
import { OWNER_AND_MANAGER, type Plan, type Situation } from '../situation.ts';

/**
 * The attempts notices, to the owner and the manager: a shortfall at the window end when too few
 * attempts were made, and an overkill warning (once) when an attempt went over the upper bound.
 */
export function scheduleFollowUp(s: Situation, plan: Plan, outcome: AttemptsOutcome): void {
  const { verdict, overkillAt } = outcome;
  const instanceId = s.input.instance.id;
  // Even with enough attempts the window end matters: the instance settles then.
  plan.later(verdict.windowEnd);
  if (verdict.state === 'short') {
    plan.due.push({
      key: `${s.keyBase}:attempts_shortfall`,
      kind: 'attempts_shortfall',
      instanceId,
      dueAt: verdict.windowEnd,
      targets: OWNER_AND_MANAGER,
      reason: { kind: 'attempts_shortfall', made: verdict.made, required: verdict.required },
    });
  }
  if (overkillAt !== null && verdict.atMost !== null) {
    plan.due.push({
      key: `${s.keyBase}:overkill`,
      kind: 'overkill',
      instanceId,
      dueAt: overkillAt,
      targets: OWNER_AND_MANAGER,
      reason: { kind: 'overkill', made: verdict.made, atMost: verdict.atMost },
    });
  }
}
