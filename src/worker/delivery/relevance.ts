import type { DueNotification, Evaluation } from '../../domain/evaluation.ts';
import type { Reassignment } from '../../domain/reassign/reassignment.ts';
import type { Instant } from '../../domain/time.ts';

export type Relevance = { readonly send: true } | { readonly send: false; readonly reason: string };

const SEND: Relevance = { send: true };
const skip = (reason: string): Relevance => ({ send: false, reason: `skipped: ${reason}` });

/**
 * Whether the lead was taken from its owner for `deadline` (issue 18): a teammate's claim from the
 * moment it is made (its write follows in the next cycle), a level's reassignment once HubSpot has it.
 * A claim or reassignment HubSpot refused or a person overrode moved nothing.
 */
export const movedOn = (reassignments: readonly Reassignment[], deadline: Instant): boolean =>
  reassignments.some(
    (r) =>
      r.deadline === deadline && (r.state === 'written' || (r.kind === 'claim' && r.state === 'pending')),
  );

/**
 * Whether a recorded notification still makes sense at delivery time. After downtime or a Slack
 * outage, a reminder whose deadline has passed is stale, and an escalation about an uncontacted lead
 * that has since been contacted is wrong, and a breach or escalation of a deadline whose lead was given
 * to another rep (`movedOn`) blames the wrong person. Late but still true messages are sent (and say
 * they are late).
 */
export function relevance(
  n: DueNotification,
  current: {
    readonly evaluation: Evaluation | null;
    readonly closed: boolean;
    /** The instance's reassignments (read only when one may matter: breaches and escalations). */
    readonly reassignments?: readonly Reassignment[];
  },
  now: Instant,
): Relevance {
  if (current.closed) return skip('the lead left the funnel or moved on');
  const fc = current.evaluation?.firstContact ?? null;
  if (
    (n.reason.kind === 'breach' || n.reason.kind === 'escalation') &&
    movedOn(current.reassignments ?? [], n.reason.deadline)
  )
    return skip('the lead was given to another rep for this deadline');
  switch (n.reason.kind) {
    case 'reminder':
      if (now >= n.reason.deadline) return skip('stale reminder, its deadline has passed');
      if (fc !== null && fc.state !== 'pending') return skip('first contact already made');
      if (current.evaluation?.acknowledged) return skip('acknowledged');
      return SEND;
    case 'breach':
      if (fc?.state === 'met') return skip('contact was made before the deadline');
      return SEND;
    case 'escalation':
      if (fc?.state === 'met') return skip('contact was made before the deadline');
      if (fc?.state === 'breached' && fc.contactedAt !== null && fc.contactedAt <= now)
        return skip('the lead has been contacted since');
      return SEND;
    default:
      return SEND;
  }
}
