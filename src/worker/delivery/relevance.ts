import type { DueNotification, Evaluation } from '../../domain/evaluation.ts';
import type { Instant } from '../../domain/time.ts';

export type Relevance = { readonly send: true } | { readonly send: false; readonly reason: string };

const SEND: Relevance = { send: true };
const skip = (reason: string): Relevance => ({ send: false, reason: `skipped: ${reason}` });

/**
 * Whether a recorded notification still makes sense at delivery time. After downtime or a Slack
 * outage, a reminder whose deadline has passed is stale, and an escalation about an uncontacted lead
 * that has since been contacted is wrong. Late but still true messages are sent (and say they are late).
 */
export function relevance(
  n: DueNotification,
  current: { readonly evaluation: Evaluation | null; readonly closed: boolean },
  now: Instant,
): Relevance {
  if (current.closed) return skip('the lead left the funnel or moved on');
  const fc = current.evaluation?.firstContact ?? null;
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
