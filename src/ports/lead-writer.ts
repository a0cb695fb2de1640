import type { Evaluation } from '../domain/evaluation.ts';
import type { LeadSnapshot, SlaInstance } from '../domain/model.ts';

/**
 * Writes SLA outcomes back to the CRM (optional; off unless the SLA file turns it on). Each call is
 * idempotent for the same arguments. `createBreachTask` creates a record, so the caller invokes it once
 * per breach (from the write-back queue) and the writer makes a retry safe: it looks for the task it
 * made for this instance before creating one (see `src/hubspot/breach-task.ts`).
 */
export interface LeadWriter {
  /** Records the instance's current SLA verdicts on the lead's contact (status, first contact, attempts). */
  writeOutcome(instance: SlaInstance, evaluation: Evaluation): Promise<void>;
  /** Creates a high-priority call task for the owner, due now, on the lead's contact. */
  createBreachTask(instance: SlaInstance, evaluation: Evaluation): Promise<void>;
  /**
   * The breach was retracted (`evaluation` is met: a touch logged late proved the deadline was met):
   * completes the breach task made for this instance, if there is one, with a note saying when the
   * contact was logged. Idempotent; nothing when there is no such task.
   */
  retractBreachTask(instance: SlaInstance, evaluation: Evaluation): Promise<void>;
  /**
   * Sales says "Not a fit": set the lead back to nurture with `leadStatus` (a lead status value, or a
   * lifecycle stage such as `lead`), recording the reason when write-back is on.
   */
  markNotAFit(instance: SlaInstance, reason: string, leadStatus: string): Promise<void>;
  /**
   * Reassignment (issue 18): makes `to` the owner of the record the instance tracks — the contact, or a
   * Leads-object record (`lead_pipeline` stages) — if its owner is still `from` (a lead record without
   * an owner of its own is its contact's, as at handoff). `written`: the record is `to`'s now (also
   * when it already was: a retry); `superseded`: its owner is someone else now (a person decided),
   * nothing written. Idempotent.
   */
  reassignOwner(record: OwnedRecord, from: string | null, to: string): Promise<ReassignResult>;
}

/** The record an instance tracks, whose `hubspot_owner_id` a reassignment moves (`instance.lead`). */
export type OwnedRecord = Pick<LeadSnapshot, 'objectType' | 'objectId' | 'contactId'>;

export type ReassignResult = 'written' | 'superseded';
