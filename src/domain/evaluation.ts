import type { Acknowledgement, Outage, Silence, SlaInstance, Touch } from './model.ts';
import type { Policy, Target } from './policy.ts';
import type { Instant, Millis } from './time.ts';

/** Everything the engine needs about one instance. Pure data; `now` is passed separately. */
export interface EvaluationInput {
  readonly instance: SlaInstance;
  readonly policy: Policy;
  /** Touches on the lead's contact known so far, in any order (late-logged ones included). */
  readonly touches: readonly Touch[];
  readonly acknowledgements: readonly Acknowledgement[];
  /** Silences that may apply (the engine checks scope and time). */
  readonly silences: readonly Silence[];
  /** The team of the instance's owner, if any (for team-scoped silences). */
  readonly team: string | null;
  /** Known outages of HubSpot/Slack, to excuse breaches that fall inside them. */
  readonly outages: readonly Outage[];
}

/**
 * What the touch that counted as first contact was: `reached` the lead (a call with a connected
 * outcome, an e-mail, a meeting) or only an `attempt` (a call without one: no answer, voicemail, busy,
 * or no outcome logged). Policies may count either as first contact; messages say which it was.
 */
export type ContactKind = 'reached' | 'attempt';

/**
 * Why a missed deadline is not held against the rep (see `src/domain/sla/excuse.ts`):
 * `before_sla_bot` (imported at sla-bot's first install, the deadline had passed before it),
 * `seen_late` (the bot first saw the handoff at or after the deadline), `outage` (the deadline fell
 * inside a known outage).
 */
export type ExcuseReason = 'before_sla_bot' | 'seen_late' | 'outage';

export type FirstContactVerdict =
  | { readonly state: 'pending'; readonly deadline: Instant; readonly atRisk: boolean; readonly left: Millis }
  | {
      readonly state: 'met';
      readonly deadline: Instant;
      readonly at: Instant;
      readonly touchId: string;
      /** Business time from clock start to the contact. */
      readonly took: Millis;
      /** Absent in evaluations stored before it was recorded (read those as `reached`). */
      readonly contact?: ContactKind;
    }
  | {
      readonly state: 'breached';
      readonly deadline: Instant;
      /** Wall-clock lateness: until the contact if there was one, else until `now`. */
      readonly lateBy: Millis;
      /** The contact that came too late, if any. */
      readonly contactedAt: Instant | null;
      /** What that late contact was; `null` while there is none (absent in older stored evaluations). */
      readonly contact?: ContactKind | null;
      /** The deadline fell inside an outage: reported, but the rep is not blamed. */
      readonly excused: boolean;
      /** Why it is excused (`excused` true); absent in evaluations stored before it was recorded. */
      readonly excuse?: ExcuseReason | null;
    };

export type AttemptsVerdict = {
  readonly made: number;
  readonly required: number;
  readonly atMost: number | null;
  readonly windowEnd: Instant;
  /** open: window still running; met: enough attempts; short: window closed without enough. */
  readonly state: 'open' | 'met' | 'short';
  readonly overkill: boolean;
};

export type NotificationKind =
  | 'handoff'
  | 'reminder'
  | 'breach'
  | 'escalation'
  | 'attempts_shortfall'
  | 'overkill'
  | 'reassigned';

/** Why a notification is due; typed so renderers and reports never parse strings. */
export type NotificationReason =
  | { readonly kind: 'handoff'; readonly deadline: Instant }
  | { readonly kind: 'reminder'; readonly index: number; readonly deadline: Instant; readonly left: Millis }
  | { readonly kind: 'breach'; readonly deadline: Instant; readonly excused: boolean }
  | {
      readonly kind: 'escalation';
      readonly level: number;
      /** 0 for the first firing, 1.. for repeats. */
      readonly repeat: number;
      readonly deadline: Instant;
      readonly excused: boolean;
    }
  | { readonly kind: 'attempts_shortfall'; readonly made: number; readonly required: number }
  | { readonly kind: 'overkill'; readonly made: number; readonly atMost: number }
  /**
   * sla-bot moved the lead to another rep (issue 18), told to the rep it was taken from and to the
   * manager (`told`); names as HubSpot gives them, `waited` how long it had waited without contact.
   * `claimed`: a teammate took it with "Take it" ("Eva took over your lead"), not an escalation level;
   * absent in notices queued before it existed (all escalations then).
   */
  | {
      readonly kind: 'reassigned';
      readonly told: 'previous_owner' | 'manager';
      readonly claimed?: boolean;
      readonly fromName: string;
      readonly toName: string;
      readonly waited: Millis;
      readonly deadline: Instant;
    };

export interface DueNotification {
  /** Stable idempotency key: the same notification always has the same key. */
  readonly key: string;
  readonly kind: NotificationKind;
  readonly instanceId: string;
  /** The moment it became due; a delivery much later than this says it is late. */
  readonly dueAt: Instant;
  readonly targets: readonly Target[];
  readonly reason: NotificationReason;
}

export interface Evaluation {
  readonly instanceId: string;
  /** When the SLA clock started (business-time aware start, e.g. next opening). */
  readonly clockStart: Instant;
  readonly firstContact: FirstContactVerdict;
  readonly attempts: AttemptsVerdict | null;
  /** Stage entered → bot saw it. */
  readonly systemDelay: Millis;
  /** Clock start (or first seen, if later) → first contact, once contacted. */
  readonly repDelay: Millis | null;
  readonly acknowledged: Acknowledgement | null;
  /** Escalations suppressed by a silence (for reports). */
  readonly silenced: readonly string[];
  /** The next instant at which evaluating again could change something; `null` = nothing more due. */
  readonly nextDueAt: Instant | null;
  /** Notifications due at or before `now`. Delivery dedupes on `key`. */
  readonly due: readonly DueNotification[];
  /** True when nothing can change any more (all verdicts final). */
  readonly settled: boolean;
}
