import type { BusinessCalendar } from './calendar/business-calendar.ts';
import type { Millis } from './time.ts';

/** Kinds of activity logged in HubSpot that can count as contact. */
export type TouchKind = 'call' | 'email' | 'meeting';

/** A condition on lead (contact) properties, e.g. `hs_analytics_source in [PAID_SEARCH]`. */
export type Condition =
  | { readonly property: string; readonly equals: string }
  | { readonly property: string; readonly in: readonly string[] }
  | { readonly property: string; readonly notIn: readonly string[] }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] };

/** What counts as a touch for a given purpose (first contact, or an attempt). */
export interface TouchRule {
  readonly kinds: readonly TouchKind[];
  /** Call outcomes (disposition names, case-insensitive) that count; `null` = any outcome. */
  readonly callOutcomes: readonly string[] | null;
  /** Only outbound calls/emails count (inbound calls from the lead do not prove follow-up). */
  readonly outboundOnly: boolean;
  /** Only touches by the lead's current owner count (otherwise by anyone). */
  readonly ownerOnly: boolean;
  /** Touches dated before the clock started count too. */
  readonly includeBeforeHandoff: boolean;
}

/** Who an escalation (or any notification) goes to; resolved to Slack ids by the Slack adapter. */
export type Target =
  | { readonly kind: 'owner' }
  | { readonly kind: 'manager' }
  | { readonly kind: 'team_channel' }
  | { readonly kind: 'user'; readonly email: string }
  | { readonly kind: 'channel'; readonly channel: string };

/**
 * Where a reassignment sends the lead (issue 18): the next rep of the owner's team (`round_robin`), the
 * next rep of a named team, or one person.
 */
export type ReassignTo =
  | { readonly kind: 'round_robin' }
  | { readonly kind: 'team'; readonly team: string }
  | { readonly kind: 'person'; readonly email: string };

/** `reassign:` on an escalation level: opt-in, at most `max` reassignments of one instance in all. */
export interface ReassignRule {
  readonly to: ReassignTo;
  readonly max: number;
}

export interface EscalationLevel {
  /** Index in the policy's list; part of the idempotency key. */
  readonly level: number;
  /** Fires when the first-contact deadline is breached, plus `after` (0 = at the breach). */
  readonly after: Millis;
  readonly notify: readonly Target[];
  /** Repeat every `every` (wall-clock) up to `times` more times while still uncontacted. */
  readonly repeat: { readonly every: Millis; readonly times: number } | null;
  /** Reassign the lead when this level first fires for a deadline; absent or `null`: never. */
  readonly reassign?: ReassignRule | null;
}

export interface AttemptsRule {
  /** Required number of attempts within the window. */
  readonly required: number;
  /** The attempts window, in business time from the clock start. */
  readonly within: Millis;
  /** Overkill guard: more than this many attempts is flagged. `null` = no bound. */
  readonly atMost: number | null;
  /** Attempts closer together than this count as one. `null` = no minimum gap. */
  readonly minGap: Millis | null;
  readonly counts: TouchRule;
}

/** One resolved SLA policy: everything the engine needs to judge an instance. */
export interface Policy {
  readonly name: string;
  /** The configured stage key (e.g. `sql`) this policy applies to. */
  readonly stage: string;
  /** Optional segment: the policy applies only to leads matching it. */
  readonly segment: Condition | null;
  readonly calendar: BusinessCalendar;
  readonly firstContact: {
    /** Deadline, in business time from the clock start. */
    readonly within: Millis;
    /** Reminder offsets, in business time from the clock start (each before `within`). */
    readonly remind: readonly Millis[];
    /** What counts as first contact. */
    readonly counts: TouchRule;
  };
  readonly attempts: AttemptsRule | null;
  readonly escalate: readonly EscalationLevel[];
  /** Where the clock starts: when the stage was entered, or owner assignment if that is later. */
  readonly clockStart: 'entered' | 'owner_assigned';
  /** On owner change, the clock restarts for the new owner (otherwise it keeps running). */
  readonly restartOnOwnerChange: boolean;
}
