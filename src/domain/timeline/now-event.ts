import type { Evaluation } from '../evaluation.ts';
import type { Policy } from '../policy.ts';
import { evaluate } from '../sla/evaluate.ts';
import type { Instant } from '../time.ts';
import { deadlineOf } from './clock-events.ts';
import type { TimelineEvent, TimelineFacts } from './types.ts';

/** The instance judged by the engine at `now`, from the stored facts. */
export const evaluateAt = (facts: TimelineFacts, policy: Policy, now: Instant): Evaluation =>
  evaluate(
    {
      instance: facts.instance,
      policy,
      touches: facts.touches,
      acknowledgements: facts.acknowledgements,
      silences: facts.silences,
      team: facts.team,
      outages: facts.outages,
    },
    now,
  );

/**
 * Where an open instance stands at `now`. The stored evaluation is the worker's last cycle, which may
 * be long ago (the worker stopped): the instance is judged again at `now`, so a deadline that passed
 * without contact since is missed, not waited for, and `breachRecorded` says whether the store knows
 * (the worker's verdict, a breach note or an escalation for that deadline). Without a policy in the
 * current SLA file the stored evaluation is all there is, read at `now` as well.
 */
export function nowEvent(
  facts: TimelineFacts,
  policy: Policy | null,
  stored: Evaluation | null,
  now: Instant,
): TimelineEvent | null {
  if (facts.instance.closedAt !== null) return null;
  const judged = policy === null ? stored : evaluateAt(facts, policy, now);
  if (judged === null)
    return {
      kind: 'now',
      at: now,
      firstContact: 'unevaluated',
      deadline: null,
      overdueBy: null,
      breachRecorded: false,
      nextCheckAt: null,
    };
  const fc = judged.firstContact;
  const uncontacted = fc.state === 'pending' || (fc.state === 'breached' && fc.contactedAt === null);
  const overdue = uncontacted && now >= fc.deadline;
  const verdict = facts.evaluation?.firstContact;
  const breachRecorded =
    (verdict?.state === 'breached' && verdict.deadline === fc.deadline) ||
    facts.messages.some(
      (m) => (m.kind === 'breach' || m.kind === 'escalation') && deadlineOf(m.reason) === fc.deadline,
    );
  return {
    kind: 'now',
    at: now,
    firstContact: overdue ? 'breached' : fc.state,
    deadline: fc.deadline,
    overdueBy: overdue ? now - fc.deadline : null,
    breachRecorded,
    nextCheckAt: judged.nextDueAt,
  };
}
