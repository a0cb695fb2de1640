import type { DueNotification, EvaluationInput } from '../evaluation.ts';
import type { Acknowledgement, Touch } from '../model.ts';
import type { Target } from '../policy.ts';
import type { Instant } from '../time.ts';

/** The facts one evaluation derived, shared by the notification schedules. */
export interface Situation {
  readonly input: EvaluationInput;
  readonly now: Instant;
  /** Prefix of every notification key: the instance id, plus the clock anchor when an owner event set it. */
  readonly keyBase: string;
  readonly clockStart: Instant;
  readonly deadline: Instant;
  /** The earliest counting first-contact touch that has happened by `now`. */
  readonly contact: Touch | null;
  /** The acknowledgement that stops reminders for the current owner, if any. */
  readonly acknowledged: Acknowledgement | null;
  readonly excused: boolean;
  /** When the current owner was handed the lead (no earlier than when the bot saw it). */
  readonly handoffAt: Instant;
}

/** Collects what is due now and the earliest future moment something could change. */
export class Plan {
  readonly due: DueNotification[] = [];
  readonly silenced: string[] = [];
  next: Instant | null = null;
  readonly now: Instant;

  constructor(now: Instant) {
    this.now = now;
  }

  /** Something may change at `t`; ignored unless it is in the future. */
  later(t: Instant): void {
    if (t > this.now && (this.next === null || t < this.next)) this.next = t;
  }
}

const OWNER: Target = { kind: 'owner' };
const MANAGER: Target = { kind: 'manager' };

/**
 * Targets for a message meant for the owner. Without an owner the manager is added: the Slack
 * adapter resolves `owner` with its own fallback, and an unowned lead is the manager's problem.
 */
export function ownerTargets(s: Situation): readonly Target[] {
  return s.input.instance.ownerId === null ? [OWNER, MANAGER] : [OWNER];
}

/** Configured targets, with the manager added when they address an owner the lead does not have. */
export function withOwnerFallback(s: Situation, targets: readonly Target[]): readonly Target[] {
  if (s.input.instance.ownerId !== null) return targets;
  if (!targets.some((t) => t.kind === 'owner') || targets.some((t) => t.kind === 'manager')) return targets;
  return [...targets, MANAGER];
}

export const OWNER_AND_MANAGER: readonly Target[] = [OWNER, MANAGER];

/** Contacted by `now` (any time, late or not). */
export const contacted = (s: Situation): boolean => s.contact !== null;
