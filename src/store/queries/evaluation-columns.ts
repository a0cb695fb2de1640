import type { Evaluation } from '../../domain/evaluation.ts';
import type { Instant } from '../../domain/time.ts';
import { json } from '../sql/columns.ts';
import type { SqlValue } from '../sql/driver.ts';

/**
 * The evaluation as stored: the full verdict as JSON (`body`, read back as-is) plus the columns
 * reports filter and aggregate on without parsing JSON.
 */
export const EVALUATION_COLUMNS = [
  'instance_id',
  'evaluated_at',
  'clock_start',
  'first_contact_state',
  'deadline',
  'at_risk',
  'breached',
  'excused',
  'first_contact_at',
  'took',
  'late_by',
  'attempts_state',
  'attempts_made',
  'attempts_required',
  'overkill',
  'system_delay',
  'rep_delay',
  'acknowledged_at',
  'settled',
  'next_due_at',
  'first_contact_kind',
  'body',
] as const;

export function evaluationValues(e: Evaluation, evaluatedAt: Instant): SqlValue[] {
  const fc = e.firstContact;
  const firstContactAt = fc.state === 'met' ? fc.at : fc.state === 'breached' ? fc.contactedAt : null;
  return [
    e.instanceId,
    evaluatedAt,
    e.clockStart,
    fc.state,
    fc.deadline,
    fc.state === 'pending' && fc.atRisk,
    fc.state === 'breached',
    fc.state === 'breached' && fc.excused,
    firstContactAt,
    fc.state === 'met' ? fc.took : null,
    fc.state === 'breached' ? fc.lateBy : null,
    e.attempts?.state ?? null,
    e.attempts?.made ?? null,
    e.attempts?.required ?? null,
    e.attempts?.overkill ?? false,
    e.systemDelay,
    e.repDelay,
    e.acknowledged?.at ?? null,
    e.settled,
    e.nextDueAt,
    fc.state === 'pending' ? null : (fc.contact ?? null),
    json(e),
  ];
}
