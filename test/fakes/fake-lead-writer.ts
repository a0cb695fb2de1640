import type { Evaluation } from '../../src/domain/evaluation.ts';
import type { SlaInstance } from '../../src/domain/model.ts';
import type { LeadWriter, OwnedRecord, ReassignResult } from '../../src/ports/lead-writer.ts';

export type LeadWriterCall =
  | { readonly kind: 'outcome'; readonly instanceId: string; readonly status: string }
  | { readonly kind: 'breach_task'; readonly instanceId: string }
  | { readonly kind: 'retract_task'; readonly instanceId: string }
  | { readonly kind: 'not_a_fit'; readonly instanceId: string; readonly reason: string }
  | {
      readonly kind: 'reassign';
      /** The record moved: `contact:<id>` or `lead:<id>` (a Leads-object record). */
      readonly record: string;
      readonly from: string | null;
      readonly to: string;
    };

/**
 * Records what would be written to HubSpot. `failNext(error, times)` makes the next calls throw
 * (give the error `retryable: true` for a passing fault, as the HubSpot adapter's errors have);
 * `onCall` runs before each write.
 */
export class FakeLeadWriter implements LeadWriter {
  readonly calls: LeadWriterCall[] = [];
  readonly #failures: unknown[] = [];
  /**
   * Each record's owner as HubSpot has it, by `contact:<id>` or `lead:<id>` (reassignments read and
   * write it; absent: `from`).
   */
  readonly owners = new Map<string, string | null>();
  /** Called before each write (e.g. to fail the store right when write-back begins). */
  onCall: (() => void) | null = null;

  failNext(error: unknown, times = 1): void {
    for (let i = 0; i < times; i++) this.#failures.push(error);
  }

  #check(): void {
    this.onCall?.();
    if (this.#failures.length > 0) throw this.#failures.shift();
  }

  of(kind: LeadWriterCall['kind']): LeadWriterCall[] {
    return this.calls.filter((c) => c.kind === kind);
  }

  async writeOutcome(instance: SlaInstance, evaluation: Evaluation): Promise<void> {
    this.#check();
    const fc = evaluation.firstContact;
    const status = fc.state === 'breached' && fc.excused ? 'excused' : fc.state;
    this.calls.push({ kind: 'outcome', instanceId: instance.id, status });
  }

  async createBreachTask(instance: SlaInstance): Promise<void> {
    this.#check();
    this.calls.push({ kind: 'breach_task', instanceId: instance.id });
  }

  async retractBreachTask(instance: SlaInstance): Promise<void> {
    this.#check();
    this.calls.push({ kind: 'retract_task', instanceId: instance.id });
  }

  async markNotAFit(instance: SlaInstance, reason: string): Promise<void> {
    this.#check();
    this.calls.push({ kind: 'not_a_fit', instanceId: instance.id, reason });
  }

  /** As the HubSpot writer: reads the owner, leaves a contact someone else owns now, else one write. */
  async reassignOwner(owned: OwnedRecord, from: string | null, to: string): Promise<ReassignResult> {
    this.#check();
    const record = `${owned.objectType}:${owned.objectId}`;
    const current = this.owners.has(record) ? (this.owners.get(record) ?? null) : from;
    if (current === to) return 'written';
    if (current !== from) return 'superseded';
    this.owners.set(record, to);
    this.calls.push({ kind: 'reassign', record, from, to });
    return 'written';
  }
}

/** An error shaped like the HubSpot adapter's: `retryable` says whether it may pass. */
export const hubspotFailure = (message: string, code: string, retryable: boolean): Error =>
  Object.assign(new Error(message), { code, retryable });
