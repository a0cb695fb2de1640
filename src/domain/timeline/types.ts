import type {
  ContactKind,
  Evaluation,
  ExcuseReason,
  NotificationKind,
  NotificationReason,
} from '../evaluation.ts';
import type { MessageTruth } from '../message-truth.ts';
import type { Acknowledgement, CloseReason, Outage, Silence, SlaInstance, Touch } from '../model.ts';
import type { Condition, Policy, ReassignTo, Target } from '../policy.ts';
import type { Reassignment } from '../reassign/reassignment.ts';
import type { AttemptMark } from '../sla/attempts.ts';
import type { TouchExclusion } from '../sla/touch-rules.ts';
import type { Instant, Millis } from '../time.ts';

/** One outbox row about the instance, as the timeline reads it (the shell maps the store's rows). */
export interface TimelineMessage {
  readonly key: string;
  readonly kind: NotificationKind | 'admin_alert';
  readonly target: Target | null;
  /** Why it was due, from the notification stored with it; `null` when unreadable. */
  readonly reason: NotificationReason | null;
  readonly dueAt: Instant;
  readonly createdAt: Instant;
  readonly state: 'pending' | 'sent' | 'failed';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly sentAt: Instant | null;
  /** Delivered to a fallback instead of the intended recipient: who, and why. */
  readonly fallback: string | null;
  /** Whose lead it was when sent (owner id or `unassigned`); `null` when not recorded. */
  readonly aboutOwner: string | null;
  /** The fingerprint of what it shows (`shownFingerprint`); `null` when not recorded. */
  readonly shown: string | null;
  /** A check (and update in place) of the sent message is pending. */
  readonly editPending: boolean;
}

/** Everything stored about one SLA instance. */
export interface TimelineFacts {
  readonly instance: SlaInstance;
  /** The worker's latest evaluation; `null` until it judged the instance once. */
  readonly evaluation: Evaluation | null;
  readonly touches: readonly Touch[];
  readonly acknowledgements: readonly Acknowledgement[];
  /** Silences that may apply (the timeline checks scope and time). */
  readonly silences: readonly Silence[];
  readonly outages: readonly Outage[];
  readonly messages: readonly TimelineMessage[];
  /** The owner's team, for team silences. */
  readonly team: string | null;
  /** "Not a fit" feedback, when the lead was closed so. */
  readonly rejection: { readonly reason: string; readonly by: string; readonly at: Instant } | null;
  /** The reassignments and "Take it" claims recorded for it (issue 18); absent: none. */
  readonly reassignments?: readonly Reassignment[];
}

/** The part of the SLA file the timeline needs (an `SlaConfig` is one). */
export interface TimelineConfig {
  readonly policies: readonly Policy[];
  readonly segments: ReadonlyMap<string, Condition>;
}

/** A segment as the SLA file names it (`null`: written inline in the policy). */
export interface SegmentRef {
  readonly name: string | null;
  readonly condition: Condition;
}

/**
 * The policy the current SLA file picks for the stored lead snapshot, recomputed with `selectPolicy`
 * (the worker's own function): which one matched, by which segment, and the earlier ones of the
 * stage whose segment did not match.
 */
export interface PolicyChoice {
  readonly matched: string | null;
  /** The matched policy's segment; `null`: it has none (it takes every lead of the stage). */
  readonly segment: SegmentRef | null;
  readonly skipped: readonly { readonly policy: string; readonly segment: SegmentRef }[];
  /** The policy the instance was opened under is no longer in the file. */
  readonly storedGone: boolean;
}

/** How a touch fared under the first-contact rule. */
export type FirstContactMark =
  | { readonly counts: true; readonly first: boolean }
  | { readonly counts: false; readonly why: TouchExclusion };

/** How a touch fared under the attempts rule. */
export type AttemptJudgement =
  | { readonly counts: true }
  | {
      readonly counts: false;
      readonly why: TouchExclusion | Exclude<AttemptMark, 'counted'>;
    };

export type TimelineVerdict = 'met' | 'breached' | 'excused' | 'corrected';

/** One thing that happened to the lead, at `at`. */
export type TimelineEvent =
  | { readonly kind: 'stage_entered'; readonly at: Instant; readonly stage: string }
  | {
      readonly kind: 'owner_assigned';
      readonly at: Instant;
      /** `null`: the owner changed since, and no message tells who had it first. */
      readonly ownerId: string | null;
    }
  | {
      readonly kind: 'first_seen';
      readonly at: Instant;
      /** Stage entered → seen by sla-bot. */
      readonly delay: Millis;
      /** Seen at sla-bot's first install (imported), not live. */
      readonly imported: boolean;
    }
  | {
      readonly kind: 'policy_chosen';
      readonly at: Instant;
      /** The policy the instance was opened under (stored). */
      readonly policy: string;
      readonly choice: PolicyChoice;
    }
  | {
      readonly kind: 'clock_started';
      readonly at: Instant;
      /** What the clock started from, before business hours moved it to `at`. */
      readonly from: 'entered' | 'owner_assigned' | 'owner_changed';
      readonly anchor: Instant;
      /** Whose clock it was (`null`: nobody's, or not recorded who). */
      readonly ownerId: string | null;
      /**
       * An earlier owner's clock, ended by an owner change that restarted it (issue 18); `false`: the
       * clock the instance runs on now.
       */
      readonly earlier: boolean;
      readonly deadline: Instant;
      /** The first-contact window, in business time. */
      readonly within: Millis | null;
      readonly zone: string | null;
    }
  | {
      readonly kind: 'owner_changed';
      readonly at: Instant;
      /** The previous owner, when a message sent about them says so; `null`: not known. */
      readonly from: string | null;
      readonly to: string | null;
      readonly clockRestarted: boolean;
    }
  | {
      /** sla-bot gave the lead to another rep (an escalation level) or a teammate took it ("Take it"). */
      readonly kind: 'reassigned';
      readonly at: Instant;
      readonly by: 'escalation' | 'claim';
      /** The escalation level; `null` for a claim. */
      readonly level: number | null;
      /** The level's `reassign: to` in the current SLA file; `null`: a claim, or no longer there. */
      readonly rule: ReassignTo | null;
      readonly from: string | null;
      readonly to: string;
      /** The new owner's e-mail (for a claim: who clicked). */
      readonly toEmail: string;
      /** The breached deadline it was for. */
      readonly deadline: Instant;
      /** How its HubSpot write ended (`pending`: not written yet). */
      readonly state: Reassignment['state'];
    }
  | {
      readonly kind: 'message';
      readonly at: Instant;
      readonly message: TimelineMessage;
      /** What the sent message should say now (corrected, resolved, ended…); `null` when not judged. */
      readonly truth: MessageTruth | null;
      /** Whether the message shows that now; `null` when unknown. */
      readonly upToDate: boolean | null;
    }
  | {
      readonly kind: 'acknowledged';
      readonly at: Instant;
      readonly by: string;
      readonly byName: string | null;
      /** Made while the current owner had the lead (an earlier owner's "On it" does not stop reminders). */
      readonly current: boolean;
    }
  | { readonly kind: 'silenced'; readonly at: Instant; readonly silence: Silence }
  | {
      readonly kind: 'touch';
      readonly at: Instant;
      readonly touch: Touch;
      readonly firstContact: FirstContactMark | null;
      /** `null`: the policy requires no attempts. */
      readonly attempt: AttemptJudgement | null;
    }
  | {
      readonly kind: 'verdict';
      readonly at: Instant;
      readonly verdict: TimelineVerdict;
      readonly deadline: Instant;
      readonly contactedAt: Instant | null;
      readonly contact: ContactKind | null;
      /** Business time clock start → contact (met, corrected). */
      readonly took: Millis | null;
      /** Wall-clock lateness (breached, excused). */
      readonly lateBy: Millis | null;
      readonly excuse: ExcuseReason | null;
    }
  | {
      readonly kind: 'attempts';
      readonly at: Instant;
      readonly state: 'met' | 'short';
      readonly made: number;
      readonly required: number;
      readonly overkill: boolean;
    }
  | {
      readonly kind: 'closed';
      readonly at: Instant;
      readonly reason: CloseReason;
      readonly detail: string | null;
      readonly rejection: string | null;
    }
  | {
      /**
       * Where the instance stands at `now` (still open), judged at `now` with the engine, not as of the
       * worker's last cycle: a deadline passed while the worker was not running is missed, not waited for.
       */
      readonly kind: 'now';
      readonly at: Instant;
      readonly firstContact: 'pending' | 'met' | 'breached' | 'unevaluated';
      readonly deadline: Instant | null;
      /** Past the deadline without contact: by how much at `now`; `null` otherwise. */
      readonly overdueBy: Millis | null;
      /**
       * The store holds the breach of `deadline` (the worker's stored verdict, or a breach note or
       * escalation for it); `false` while only this look at `now` finds it (the worker has not run since).
       */
      readonly breachRecorded: boolean;
      readonly nextCheckAt: Instant | null;
    };

export type TimelineEventKind = TimelineEvent['kind'];

/** One instance's story. */
export interface Timeline {
  readonly instanceId: string;
  readonly instance: SlaInstance;
  /** The clock, deadline and verdicts come from an evaluation recomputed now (none was stored). */
  readonly recomputed: boolean;
  readonly events: readonly TimelineEvent[];
}
