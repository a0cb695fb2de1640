import type { TouchKind } from './policy.ts';
import type { Instant, Interval, Millis } from './time.ts';

/** The HubSpot object a handoff is about. */
export type LeadObjectType = 'contact' | 'lead';

/** What a rep needs to call now. Everything but the ids is optional in HubSpot; missing is `null`. */
export interface LeadSnapshot {
  readonly objectType: LeadObjectType;
  readonly objectId: string;
  /** For a Leads-object handoff, the associated contact (touches hang off the contact). */
  readonly contactId: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly company: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly jobTitle: string | null;
  readonly score: number | null;
  /** Original source, e.g. `PAID_SEARCH`. */
  readonly source: string | null;
  /** Latest conversion (form or content), the "why this lead". */
  readonly recentConversion: string | null;
  readonly recentConversionAt: Instant | null;
  readonly country: string | null;
  /** Link to the record in HubSpot. */
  readonly url: string;
  /** Raw properties used by segment conditions (string values as HubSpot returns them). */
  readonly properties: Readonly<Record<string, string | null>>;
}

/** A lead entered a configured stage. `(objectType, objectId, stage, enteredAt)` is its identity. */
export interface Handoff {
  readonly lead: LeadSnapshot;
  /** Configured stage key, e.g. `mql`, `sal`, `sql`. */
  readonly stage: string;
  readonly enteredAt: Instant;
  readonly ownerId: string | null;
  readonly ownerAssignedAt: Instant | null;
}

/** A configured stage's place in the funnel: entering a later stage closes earlier instances. */
export interface FunnelStage {
  /** The key admins use: `mql`, `sal`, `sql`, … */
  readonly key: string;
  /** Position in the funnel (0 = earliest). */
  readonly order: number;
}

/** Something happened to a lead that affects its open SLA instances. */
export type LeadChange =
  | {
      readonly kind: 'owner_changed';
      readonly objectType: LeadObjectType;
      readonly objectId: string;
      readonly ownerId: string | null;
      readonly at: Instant;
      /**
       * Read from the record by id (the read-back of open leads), not from a search: the owner now,
       * never stale, so applied whatever its date (`applyOwnerChange`). HubSpot may date it by an
       * older assignment (`hubspot_owner_assigneddate` is not documented to move on API writes).
       */
      readonly current?: true;
    }
  | {
      /** Moved back to nurture / out of the funnel (recycled, disqualified). */
      readonly kind: 'left_funnel';
      readonly objectType: LeadObjectType;
      readonly objectId: string;
      readonly toStage: string;
      readonly at: Instant;
    }
  | {
      /** Deleted or merged into another record. */
      readonly kind: 'deleted';
      readonly objectType: LeadObjectType;
      readonly objectId: string;
      readonly mergedInto: string | null;
      readonly at: Instant;
    };

/** A logged activity on a lead (call, e-mail, meeting). */
export interface Touch {
  /** Stable id, `call:123` / `email:456` / `meeting:789`. */
  readonly id: string;
  readonly kind: TouchKind;
  /** The contact it is associated with. */
  readonly contactId: string;
  /** When it happened (`hs_timestamp`), which may be earlier than when it was logged. */
  readonly at: Instant;
  readonly ownerId: string | null;
  readonly direction: 'outbound' | 'inbound' | null;
  /** Call status, e.g. `COMPLETED`, `NO_ANSWER`. */
  readonly status: string | null;
  /** Call disposition name (GUID already mapped), e.g. `Connected`, `Left voicemail`. */
  readonly outcome: string | null;
  readonly durationMs: Millis | null;
}

export type CloseReason = 'progressed' | 'regressed' | 'recycled' | 'deleted' | 'not_a_fit';

/** One SLA clock: a handoff being watched. */
export interface SlaInstance {
  /** `${objectType}:${objectId}:${stage}:${enteredAt}` — see `instanceId()`. */
  readonly id: string;
  readonly lead: LeadSnapshot;
  readonly stage: string;
  readonly policyName: string;
  readonly enteredAt: Instant;
  readonly ownerId: string | null;
  readonly ownerAssignedAt: Instant | null;
  /**
   * When the owner last changed from one owner to another after the instance opened (set by
   * `applyLeadEvents`; absent or `null` while the first owner still has it). `ownerAssignedAt` keeps
   * the first assignment, so the clock can restart here (`restartOnOwnerChange`) or keep running.
   */
  readonly ownerChangedAt?: Instant | null;
  /** When the bot first saw the handoff (system delay = firstSeenAt − enteredAt). */
  readonly firstSeenAt: Instant;
  /**
   * Set when the handoff entered its stage before sla-bot's first install: the moment sla-bot was
   * installed and began importing (`poll.backfill`). A deadline before it is "before sla-bot" —
   * recorded and excused, never messaged (`src/domain/sla/excuse.ts`). Absent or `null`: seen live.
   */
  readonly importedAt?: Instant | null;
  readonly closedAt: Instant | null;
  readonly closeReason: CloseReason | null;
  /**
   * What the close reason leaves out, for the messages that say the lead is closed: the record a
   * `deleted` lead was merged into, or who marked it `not_a_fit` (an e-mail or `slack:<user id>`).
   * Absent or `null`: nothing more is known (a plain deletion, or closed before it was kept).
   */
  readonly closeDetail?: string | null;
}

export const instanceId = (
  h: Pick<Handoff, 'stage' | 'enteredAt'> & { lead: Pick<LeadSnapshot, 'objectType' | 'objectId'> },
): string => `${h.lead.objectType}:${h.lead.objectId}:${h.stage}:${h.enteredAt}`;

/** A rep pressed "On it": reminders stop, the clock does not. */
export interface Acknowledgement {
  readonly instanceId: string;
  /** Who pressed "On it": their e-mail, or `slack:<user id>` when Slack did not say. */
  readonly by: string;
  /**
   * Their name as people know them, when known at the click: the HubSpot owner's name when the owner
   * pressed it, else their Slack name. Absent for acknowledgements recorded before it was kept.
   */
  readonly byName?: string;
  readonly at: Instant;
}

/** A manager snoozed escalations for a rep (owner id) or a team, for a period. */
export interface Silence {
  readonly id: string;
  readonly scope:
    | { readonly kind: 'owner'; readonly ownerId: string }
    | { readonly kind: 'team'; readonly team: string };
  readonly from: Instant;
  readonly until: Instant;
  readonly reason: string;
  readonly by: string;
}

/**
 * A period in which HubSpot or Slack was failing, or sla-bot itself was not running (`worker`: no
 * heartbeat for longer than the outage threshold): reps are not blamed for deadlines inside it.
 */
export interface Outage extends Interval {
  readonly system: 'hubspot' | 'slack' | 'worker';
}
