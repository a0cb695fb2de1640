import type { Evaluation } from '../../domain/evaluation.ts';
import { firstContactAt, firstContactStatus } from '../../domain/sla/first-contact-outcome.ts';

/**
 * What the HubSpot write-back shows of an evaluation (status, deadline, first contact, attempts),
 * without what moves every second: the outcome is written again only when this changes.
 */
export function outcomeFingerprint(e: Evaluation): string {
  const fc = e.firstContact;
  const a = e.attempts;
  return JSON.stringify([
    firstContactStatus(fc),
    fc.deadline,
    firstContactAt(fc),
    a ? [a.made, a.required, a.state] : null,
  ]);
}
