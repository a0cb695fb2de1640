import type { SlaConfig } from '../config/types.ts';
import type { Evaluation, EvaluationInput } from '../domain/evaluation.ts';
import type { Handoff, LeadChange, SlaInstance } from '../domain/model.ts';
import type { LeadEventsResult } from '../domain/sla/index.ts';
import type { Instant } from '../domain/time.ts';

export interface LeadEventsInput {
  readonly config: SlaConfig;
  readonly open: readonly SlaInstance[];
  readonly handoffs: readonly Handoff[];
  readonly changes: readonly LeadChange[];
  readonly now: Instant;
  /** When sla-bot was first installed: handoffs that entered before it open imported instances. */
  readonly installedAt?: Instant | null;
}

/**
 * The pure SLA engine as the worker sees it (src/domain/sla/ provides it; the composition root
 * adapts its exact signatures). Both functions are pure: same input, same output.
 */
export interface Engine {
  evaluate(input: EvaluationInput, now: Instant): Evaluation;
  applyLeadEvents(input: LeadEventsInput): LeadEventsResult;
}
