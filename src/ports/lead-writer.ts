import type { Evaluation } from '../domain/evaluation.ts';
import type { SlaInstance } from '../domain/model.ts';

/**
 * Writes SLA outcomes back to the CRM (optional; off unless the SLA file turns it on). Each call is
 * idempotent for the same arguments, except `createBreachTask`, which the caller invokes once per
 * breach (from the outbox, whose key makes it happen once).
 */
export interface LeadWriter {
  /** Records the instance's current SLA verdicts on the lead's contact (status, first contact, attempts). */
  writeOutcome(instance: SlaInstance, evaluation: Evaluation): Promise<void>;
  /** Creates a high-priority call task for the owner, due now, on the lead's contact. */
  createBreachTask(instance: SlaInstance, evaluation: Evaluation): Promise<void>;
  /**
   * Sales says "Not a fit": set the lead back to nurture with `leadStatus` (a lead status value, or a
   * lifecycle stage such as `lead`), recording the reason when write-back is on.
   */
  markNotAFit(instance: SlaInstance, reason: string, leadStatus: string): Promise<void>;
}
