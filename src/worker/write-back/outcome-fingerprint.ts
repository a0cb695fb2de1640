import type { Evaluation } from '../../domain/evaluation.ts';

/**
 * What the HubSpot write-back shows of an evaluation (status, deadline, first contact, attempts),
 * without what moves every second: the outcome is written again only when this changes.
 */
export function outcomeFingerprint(e: Evaluation): string {
  const fc = e.firstContact;
  const status =
    fc.state === 'pending'
      ? fc.atRisk
        ? 'at_risk'
        : 'pending'
      : fc.state === 'met'
        ? 'met'
        : fc.excused
          ? 'excused'
          : 'breached';
  const contactAt = fc.state === 'met' ? fc.at : fc.state === 'breached' ? fc.contactedAt : null;
  const a = e.attempts;
  return JSON.stringify([status, fc.deadline, contactAt, a ? [a.made, a.required, a.state] : null]);
}
