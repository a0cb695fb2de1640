import type { Instant, Millis } from '../time.ts';
import type { InstanceRecord, Verdict } from './instance-record.ts';

/** One SLA instance as the trace-back lists show it (JSON `leads`, `--details`, the dashboard's click-through). */
export interface InstanceSummary {
  readonly id: string;
  readonly name: string;
  readonly company: string | null;
  readonly url: string;
  readonly stage: string;
  readonly ownerId: string;
  readonly owner: string;
  readonly team: string | null;
  readonly enteredAt: Instant;
  readonly verdict: Verdict;
  /** Met after a breach had been announced (a retracted breach). */
  readonly corrected: boolean;
  readonly deadline: Instant | null;
  readonly contactedAt: Instant | null;
  readonly timeToContact: Millis | null;
  readonly lateBy: Millis | null;
  readonly attempts: { readonly made: number; readonly required: number } | null;
  readonly calls: number;
  readonly closedAt: Instant | null;
  readonly closeReason: string | null;
}

export const instanceSummary = (r: InstanceRecord): InstanceSummary => ({
  id: r.id,
  name: r.name,
  company: r.company,
  url: r.url,
  stage: r.stage,
  ownerId: r.owner.key,
  owner: r.owner.label,
  team: r.owner.team,
  enteredAt: r.enteredAt,
  verdict: r.verdict,
  corrected: r.corrected,
  deadline: r.deadline,
  contactedAt: r.contactedAt,
  timeToContact: r.timeToContact,
  lateBy: r.lateBy,
  attempts: r.attempts === null ? null : { made: r.attempts.made, required: r.attempts.required },
  calls: r.calls.length,
  closedAt: r.closedAt,
  closeReason: r.closeReason,
});

/** Breaches held against reps, the latest first (an uncontacted one keeps growing later). */
export function worstBreaches(records: readonly InstanceRecord[], limit: number): InstanceSummary[] {
  return records
    .filter((r) => r.verdict === 'breached')
    .sort((a, b) => (b.lateBy ?? 0) - (a.lateBy ?? 0) || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(instanceSummary);
}
