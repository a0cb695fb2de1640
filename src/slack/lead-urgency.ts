import type { Instant } from '../domain/time.ts';
import type { InstanceView } from '../ports/interactions.ts';

/**
 * How urgent an open lead is, most urgent first: 0 deadline passed without contact, 1 at risk,
 * 2 waiting for first contact, 3 contacted with attempts still due, 4 nothing due.
 */
export function urgencyTier(lead: InstanceView, now: Instant): number {
  const e = lead.evaluation;
  if (e === null) return 2;
  const fc = e.firstContact;
  if (fc.state === 'breached') return fc.contactedAt === null ? 0 : attemptsTier(lead);
  if (fc.state === 'pending') {
    if (fc.deadline <= now) return 0;
    return fc.atRisk ? 1 : 2;
  }
  return attemptsTier(lead);
}

const attemptsTier = (lead: InstanceView): number => (lead.evaluation?.attempts?.state === 'open' ? 3 : 4);

/** The instant that orders leads inside a tier: the deadline or the end of the attempts window. */
function dueAt(lead: InstanceView): Instant {
  const e = lead.evaluation;
  if (e === null) return lead.instance.enteredAt;
  if (e.firstContact.state === 'met') return e.attempts?.windowEnd ?? Number.POSITIVE_INFINITY;
  return e.firstContact.deadline;
}

/** Sorted by urgency, then lead score (highest first), then the nearest deadline. */
export function byUrgencyThenScore(leads: readonly InstanceView[], now: Instant): InstanceView[] {
  const keyed = leads.map((lead) => ({
    lead,
    tier: urgencyTier(lead, now),
    score: lead.instance.lead.score,
    due: dueAt(lead),
  }));
  keyed.sort(
    (a, b) =>
      a.tier - b.tier ||
      (b.score ?? Number.NEGATIVE_INFINITY) - (a.score ?? Number.NEGATIVE_INFINITY) ||
      a.due - b.due ||
      a.lead.instance.id.localeCompare(b.lead.instance.id),
  );
  return keyed.map((k) => k.lead);
}
