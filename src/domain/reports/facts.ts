import type { Evaluation, NotificationKind } from '../evaluation.ts';
import type { Outage, Silence, SlaInstance, Touch } from '../model.ts';
import type { Policy } from '../policy.ts';
import type { Instant } from '../time.ts';

/**
 * What the report is computed from: plain records as the store keeps them. The shell (src/reports/)
 * reads them; everything here is pure and takes `now` as an argument.
 */

/** An instance and the engine's latest verdicts on it (`null` until first evaluated). */
export interface InstanceFacts {
  readonly instance: SlaInstance;
  readonly evaluation: Evaluation | null;
}

export type MessageKind = NotificationKind | 'admin_alert';

/** One outbox row: a notification to one target. */
export interface MessageFacts {
  readonly instanceId: string | null;
  readonly kind: MessageKind;
  /** The engine's notification key; one notification sent to two targets is two rows with one key. */
  readonly notificationKey: string;
  readonly state: 'pending' | 'sent' | 'failed';
  readonly dueAt: Instant;
  readonly sentAt: Instant | null;
}

/** A "Not a fit" given by sales (closed-loop feedback). */
export interface RejectionFacts {
  readonly instanceId: string;
  readonly reason: string;
  readonly by: string;
  readonly at: Instant;
}

/** A deal as reports need it (the CRM port's `Deal` fits). */
export interface DealRecordFacts {
  readonly id: string;
  readonly contactIds: readonly string[];
  readonly closedWon: boolean;
  readonly closedAt: Instant | null;
  /** Decimal string as HubSpot keeps it; `null` when empty. */
  readonly amount: string | null;
  readonly currency: string | null;
}

/** Deals of the report's contacts, and which contacts' deals have been read at all. */
export interface DealFacts {
  readonly deals: readonly DealRecordFacts[];
  readonly readContacts: readonly string[];
}

export interface ReportFacts {
  /** Instances that entered in the window, plus open ones (for "not yet contacted") and later stages (for conversion). */
  readonly instances: readonly InstanceFacts[];
  /** Touches on the instances' contacts. */
  readonly touches: readonly Touch[];
  readonly messages: readonly MessageFacts[];
  readonly rejections: readonly RejectionFacts[];
  readonly silences: readonly Silence[];
  readonly outages: readonly Outage[];
  /** Deals of the instances' contacts; absent: no deal data (reports say so). */
  readonly deals?: DealFacts;
}

/** A HubSpot owner, as far as reports need one (the CRM port's `Owner` fits). */
export interface PersonFacts {
  readonly id: string;
  readonly email: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
}

export interface TeamFacts {
  readonly name: string;
  readonly manager: string;
  readonly members: readonly string[];
}

export interface StageFacts {
  readonly key: string;
  readonly label: string;
  readonly order: number;
}

/** The configuration side: who is in which team, stages, commitments, calendars (through policies). */
export interface ReportSetup {
  /** Zone of days, weeks and months. */
  readonly zone: string;
  readonly stages: readonly StageFacts[];
  readonly teams: readonly TeamFacts[];
  /** HubSpot owners; `null` when no owner directory was available (reps then show as owner ids). */
  readonly owners: readonly PersonFacts[] | null;
  /** For business time to first contact (calendar of the instance's policy, by name). */
  readonly policies: readonly Pick<Policy, 'name' | 'calendar'>[];
  /** Marketing's monthly commitment per stage key. */
  readonly monthlyCommitment: Readonly<Record<string, number>>;
}
