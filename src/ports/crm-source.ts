import type { SlaConfig } from '../config/types.ts';
import type { Handoff, LeadChange, LeadSnapshot, Touch } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';

/** Opaque resume points, keyed by source name (e.g. `handoffs:sql`, `touches:calls`). Persisted by the store. */
export type Cursors = Readonly<Record<string, string>>;

export interface Owner {
  readonly id: string;
  readonly email: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  /** HubSpot user id behind the owner, if any. */
  readonly userId: string | null;
  /** Archived or deactivated: an open lead owned by one is an SLA problem in itself. */
  readonly active: boolean;
}

/**
 * An open SLA instance as the worker holds it (an `SlaInstance` fits): what the source reconciles
 * against the CRM to find deletions, removed owners and leads that left a property-defined stage.
 */
export interface WatchedInstance {
  readonly lead: Pick<LeadSnapshot, 'objectType' | 'objectId' | 'contactId'>;
  readonly stage: string;
  readonly enteredAt: Instant;
  readonly ownerId: string | null;
}

/**
 * The open leads as the read-back of open leads asks about them: in lead-key order, a bounded
 * number at a time, so a poll costs what it reads, not what is open.
 */
export interface WatchedInstances {
  /** Distinct leads. */
  readonly size: number;
  /** Up to `count` lead keys (`contact:123`) in key order after `after` (`null`: the first), wrapping round. */
  next(after: string | null, count: number): string[];
  /** Keys of the leads with an open instance that entered its stage at or after `since`. */
  recent(since: Instant): string[];
  /** The lead's latest open instance (by stage entry). */
  get(key: string): WatchedInstance | undefined;
}

/** The contacts with open instances, as the touch poll asks about them. */
export type OpenContacts = Pick<ReadonlySet<string>, 'has' | 'size'>;

/** A record HubSpot returned that could not be used; logged with its reason, never fatal. */
export interface Rejected {
  readonly what: string;
  readonly id: string | null;
  readonly reason: string;
}

export interface HandoffPoll {
  readonly handoffs: readonly Handoff[];
  readonly changes: readonly LeadChange[];
  readonly rejected: readonly Rejected[];
  /** New cursors; persist them only together with what was returned. */
  readonly cursors: Cursors;
  /** More pages remain (a burst or the 10,000 cap): poll again soon with the new cursors. */
  readonly more: boolean;
}

export interface TouchPoll {
  readonly touches: readonly Touch[];
  readonly rejected: readonly Rejected[];
  readonly cursors: Cursors;
  readonly more: boolean;
}

/** The stage entries a first-install import covers: `[since, until)`. */
export interface BackfillWindow {
  readonly since: Instant;
  /** The install: what entered later is polled as usual. */
  readonly until: Instant;
}

/** One bounded chunk of the first-install import (`CrmSource.backfill`). */
export interface BackfillChunk {
  /** Open handoffs (the lead is in the stage now) that entered it inside the window. */
  readonly handoffs: readonly Handoff[];
  readonly rejected: readonly Rejected[];
  /** Where the next chunk starts (opaque); persist it only together with what this chunk brought. */
  readonly position: string;
  /** Every stage was read to the end of the window. */
  readonly done: boolean;
  /** Records read so far, this chunk included. */
  readonly read: number;
  /** HubSpot's count of the records in the window (`null`: not known yet). */
  readonly total: number | null;
}

/** A deal associated with a contact, as far as reports need it (SQL → won, average value). */
export interface Deal {
  readonly id: string;
  /** The contacts it is associated with, among those asked about. */
  readonly contactIds: readonly string[];
  readonly pipeline: string | null;
  readonly stage: string | null;
  readonly closed: boolean;
  readonly closedWon: boolean;
  readonly closedAt: Instant | null;
  /** As HubSpot keeps it: a decimal string (`"12500.50"`); `null` when empty. */
  readonly amount: string | null;
  /** ISO 4217 code (`deal_currency_code`); `null` = the portal's company currency. */
  readonly currency: string | null;
  readonly createdAt: Instant | null;
}

export interface DealRead {
  /** Contacts whose deal associations were read completely (their stored deal links may be replaced). */
  readonly contactIds: readonly string[];
  readonly deals: readonly Deal[];
  readonly rejected: readonly Rejected[];
}

/** The port to the CRM (HubSpot). Requests grow with what changed, not with what is open. */
export interface CrmSource {
  /** Start-up check: configured stages and properties exist, scopes suffice. Throws a clear error otherwise. */
  verify(config: SlaConfig): Promise<void>;
  /**
   * Handoffs into configured stages and changes to watched leads since `cursors`. Given the open
   * instances (`open`), the source also reconciles them with the CRM — deleted, owner removed, moved
   * away from a property-defined stage — spread over a period so requests stay bounded.
   */
  pollHandoffs(cursors: Cursors, now: Instant, open?: WatchedInstances): Promise<HandoffPoll>;
  /** New or changed touches since `cursors`, for the given open contacts only. */
  pollTouches(cursors: Cursors, openContactIds: OpenContacts, now: Instant): Promise<TouchPoll>;
  /** All touches of these contacts (used once when instances open: calls logged before we saw the handoff). */
  touchesOf(contactIds: readonly string[]): Promise<readonly Touch[]>;
  /** All owners, archived ones included (cached by the adapter). */
  owners(): Promise<readonly Owner[]>;
  /**
   * Optional (webhooks): these contacts' current state as handoffs and lead changes, read by id
   * rather than searched, limited to what a poll at `now` would still see (its look-back). No
   * cursors: the next poll finds the same handoffs again (same instance ids) and nothing doubles.
   */
  handoffsOf?(contactIds: readonly string[], now: Instant): Promise<HandoffPoll>;
  /**
   * Optional (first install): the next chunk of the open handoffs that entered a configured stage in
   * `window`, from `position` (`null`: the start), a bounded number of records a call. A source
   * without it imports nothing older than its first poll's look-back.
   */
  backfill?(position: string | null, window: BackfillWindow, now: Instant): Promise<BackfillChunk>;
  /**
   * Optional (reports): deals associated with these contacts (associations v4, then batch reads of
   * 100). A source without it leaves the reports' deal figures to what the store already holds.
   */
  dealsOf?(contactIds: readonly string[]): Promise<DealRead>;
}
