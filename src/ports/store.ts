import type {
  AttemptsVerdict,
  Evaluation,
  FirstContactVerdict,
  NotificationKind,
} from '../domain/evaluation.ts';
import type {
  Acknowledgement,
  CloseReason,
  LeadObjectType,
  Outage,
  Silence,
  SlaInstance,
  Touch,
} from '../domain/model.ts';
import type { Target } from '../domain/policy.ts';
import type { Instant } from '../domain/time.ts';
import type { Cursors, Deal, Owner } from './crm-source.ts';
import type { MessageRef } from './notifier.ts';

/**
 * An SLA instance as stored: the instance, its latest evaluation (with its `due` list), and where
 * its handoff ping lives — the row the store reads back whole. The worker keeps it in memory as an
 * `OpenInstance`; people see it as an `InstanceView`.
 */
export interface StoredInstance {
  readonly instance: SlaInstance;
  /** Latest evaluation (verdicts for reports); `null` until first evaluated. */
  readonly evaluation: Evaluation | null;
  /** The handoff ping to the owner, updated in place as the state changes. */
  readonly pingRef: MessageRef | null;
  /** Fingerprint of what the ping currently shows (to update it only when it changes). */
  readonly pingState: string | null;
}

/** Where a page of open instances ends: the last instance's stage entry and id. */
export interface InstancePageKey {
  readonly enteredAt: Instant;
  readonly id: string;
}

/** The key a page ending with this instance continues from. */
export const pageKeyOf = (s: StoredInstance | OpenInstanceSummary): InstancePageKey =>
  'instance' in s
    ? { enteredAt: s.instance.enteredAt, id: s.instance.id }
    : { enteredAt: s.enteredAt, id: s.id };

/** What an evaluation's verdicts say, as far as a handoff ping shows them (see `OpenInstanceSummary`). */
export interface VerdictFacts {
  readonly settled: boolean;
  readonly firstContact: {
    readonly state: FirstContactVerdict['state'];
    /** The first contact, made in time or late; `null` while uncontacted. */
    readonly contactedAt: Instant | null;
    readonly excused: boolean;
  };
  readonly attempts: Pick<AttemptsVerdict, 'made' | 'required' | 'state' | 'overkill'> | null;
  readonly acknowledged: boolean;
}

/**
 * An open instance without its lead snapshot or the body of its evaluation: what the worker needs
 * at start to keep a settled instance compact (ADR 0007), read from indexed columns only.
 */
export interface OpenInstanceSummary {
  readonly id: string;
  readonly lead: {
    readonly objectType: LeadObjectType;
    readonly objectId: string;
    readonly contactId: string;
  };
  readonly stage: string;
  readonly enteredAt: Instant;
  readonly ownerId: string | null;
  readonly ownerAssignedAt: Instant | null;
  readonly ownerChangedAt: Instant | null;
  readonly firstSeenAt: Instant;
  /** `null` until first evaluated. */
  readonly verdict: VerdictFacts | null;
  readonly hasPing: boolean;
  readonly pingState: string | null;
}

/** The facts of an evaluation that `OpenInstanceSummary` carries. */
export function verdictFactsOf(e: Evaluation): VerdictFacts {
  const fc = e.firstContact;
  return {
    settled: e.settled,
    firstContact: {
      state: fc.state,
      contactedAt: fc.state === 'met' ? fc.at : fc.state === 'breached' ? fc.contactedAt : null,
      excused: fc.state === 'breached' && fc.excused,
    },
    attempts: e.attempts && {
      made: e.attempts.made,
      required: e.attempts.required,
      state: e.attempts.state,
      overkill: e.attempts.overkill,
    },
    acknowledged: e.acknowledged !== null,
  };
}

/** The summary of a stored open instance (what `openInstanceSummariesPage` reads from columns). */
export function summaryOf(s: StoredInstance): OpenInstanceSummary {
  const i = s.instance;
  return {
    id: i.id,
    lead: { objectType: i.lead.objectType, objectId: i.lead.objectId, contactId: i.lead.contactId },
    stage: i.stage,
    enteredAt: i.enteredAt,
    ownerId: i.ownerId,
    ownerAssignedAt: i.ownerAssignedAt,
    ownerChangedAt: i.ownerChangedAt ?? null,
    firstSeenAt: i.firstSeenAt,
    verdict: s.evaluation && verdictFactsOf(s.evaluation),
    hasPing: s.pingRef !== null,
    pingState: s.pingState,
  };
}

export type OutboxState = 'pending' | 'sent' | 'failed';

/** The notification log: one row per message to one target, unique by `key`. */
export interface OutboxEntry {
  readonly key: string;
  /** `null` for admin alerts. */
  readonly instanceId: string | null;
  readonly kind: NotificationKind | 'admin_alert';
  readonly target: Target | null;
  /** The notification as the engine produced it (JSON), or the admin alert text. */
  readonly payload: unknown;
  readonly dueAt: Instant;
  readonly createdAt: Instant;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptAt: Instant;
  readonly lastError: string | null;
  readonly ref: MessageRef | null;
  readonly sentAt: Instant | null;
  /** Delivered to a fallback instead of the intended recipient (who, and why). */
  readonly fallback: string | null;
  /**
   * Pending only: when the earliest attempt that may have reached Slack unconfirmed began (an answer
   * lost, or the process stopped mid-send). The next attempt looks for the message before resending.
   */
  readonly inDoubtSince: Instant | null;
}

/** An outbox row without its payload, for reports that read tens of thousands of them. */
export type OutboxSummary = Pick<
  OutboxEntry,
  'key' | 'instanceId' | 'kind' | 'target' | 'state' | 'dueAt' | 'sentAt'
>;

export type NewOutboxEntry = Pick<
  OutboxEntry,
  'key' | 'instanceId' | 'kind' | 'target' | 'payload' | 'dueAt'
>;

/** Everything one cycle learned, written atomically (cursors advance only with what they cover). */
export interface CycleWrite {
  readonly now: Instant;
  readonly cursors: Cursors;
  readonly newInstances: readonly SlaInstance[];
  /**
   * Owner changes and the like: the full instance replaces the stored one, except that an instance
   * already closed stays closed (a close from outside the cycle is never undone).
   */
  readonly updatedInstances: readonly SlaInstance[];
  readonly closed: readonly {
    readonly instanceId: string;
    readonly at: Instant;
    readonly reason: CloseReason;
  }[];
  readonly touches: readonly Touch[];
  readonly evaluations: readonly Evaluation[];
  /** Inserted unless the key exists (idempotent). */
  readonly outbox: readonly NewOutboxEntry[];
}

export interface SlackUserMapping {
  readonly email: string;
  /** `null` = looked up and not found (negative cache). */
  readonly slackUserId: string | null;
  readonly checkedAt: Instant;
}

/** Reasons sales gave when marking a lead "Not a fit" (closed-loop feedback for marketing). */
export interface Rejection {
  readonly instanceId: string;
  readonly reason: string;
  readonly by: string;
  readonly at: Instant;
}

/** Deals read for some contacts at `at`: replaces those contacts' deal links. */
export interface DealRefresh {
  readonly contactIds: readonly string[];
  readonly deals: readonly Deal[];
  readonly at: Instant;
}

/** A contact whose deals the worker keeps (it entered a deal-tracked stage), and when they were last read. */
export interface DealCandidate {
  readonly contactId: string;
  /** Latest stage entry among the tracked stages. */
  readonly enteredAt: Instant;
  readonly refreshedAt: Instant | null;
}

/** Persistence port. Adapters: SQLite (embedded default) and PostgreSQL (several instances). */
export interface Store {
  /** Applies forward-only numbered migrations. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  cursors(): Promise<Cursors>;
  commitCycle(write: CycleWrite): Promise<void>;

  /** Every open instance, oldest handoff first (tests and tools; the worker reads them in pages). */
  openInstances(): Promise<readonly StoredInstance[]>;
  /**
   * At most `limit` open instances after `after` in the order of `openInstances` (stage entry,
   * then id); `null` starts at the first. The next page starts after the last one returned.
   */
  openInstancesPage(after: InstancePageKey | null, limit: number): Promise<readonly StoredInstance[]>;
  /** `openInstancesPage` as summaries: no lead snapshot, no evaluation body (the worker's start). */
  openInstanceSummariesPage(
    after: InstancePageKey | null,
    limit: number,
  ): Promise<readonly OpenInstanceSummary[]>;
  /** The open instances owned by these owners, oldest handoff first (the /sla command). */
  openInstancesOfOwners(ownerIds: readonly string[]): Promise<readonly StoredInstance[]>;
  /**
   * The open instances among these ids, in no particular order; closed and unknown ids are left out
   * (the worker reads settled instances back when something about them changes).
   */
  openInstancesByIds(ids: readonly string[]): Promise<readonly StoredInstance[]>;
  instance(id: string): Promise<StoredInstance | null>;
  /**
   * Closes an open instance outside a cycle (Slack "Not a fit"). True when it was open and is now
   * closed; false when unknown or already closed (the first close wins). Touches nothing else.
   */
  closeInstance(instanceId: string, at: Instant, reason: CloseReason): Promise<boolean>;
  /** Instances (open or closed) that entered their stage in [from, until) — reports, backtest. */
  instancesBetween(from: Instant, until: Instant): Promise<readonly StoredInstance[]>;
  /** Open instances that entered their stage before `enteredBefore` (reports: uncontacted leads older than the window). */
  openInstancesBefore(enteredBefore: Instant): Promise<readonly StoredInstance[]>;
  setPing(instanceId: string, ref: MessageRef, state: string): Promise<void>;

  touchesOf(contactIds: readonly string[]): Promise<readonly Touch[]>;

  acknowledge(ack: Acknowledgement): Promise<boolean>;
  acknowledgements(instanceIds: readonly string[]): Promise<readonly Acknowledgement[]>;
  /** Acknowledgements made at or after `since` (the worker's check for new "On it" clicks). */
  acknowledgementsSince(since: Instant): Promise<readonly Acknowledgement[]>;
  addSilence(silence: Silence): Promise<void>;
  silences(activeAt: Instant): Promise<readonly Silence[]>;
  /** All silences overlapping [from, until) — reports. */
  silencesBetween(from: Instant, until: Instant): Promise<readonly Silence[]>;
  reject(rejection: Rejection): Promise<boolean>;
  rejections(from: Instant, until: Instant): Promise<readonly Rejection[]>;

  recordOutage(outage: Outage): Promise<void>;
  outages(from: Instant, until: Instant): Promise<readonly Outage[]>;

  slackUser(email: string): Promise<SlackUserMapping | null>;
  saveSlackUser(mapping: SlackUserMapping): Promise<void>;

  /** Inserts admin alerts and other out-of-cycle messages (ignored when the key exists). */
  enqueue(entries: readonly NewOutboxEntry[], now: Instant): Promise<void>;
  /** Pending entries whose `nextAttemptAt <= now`, oldest due first. */
  duePending(now: Instant, limit: number): Promise<readonly OutboxEntry[]>;
  outboxEntry(key: string): Promise<OutboxEntry | null>;
  markSent(key: string, ref: MessageRef, fallback: string | null, now: Instant): Promise<void>;
  /**
   * Just before a pending row is sent: from now on it may reach Slack unconfirmed. Keeps an earlier
   * time already set (the look-up must reach back to the first attempt still in doubt).
   */
  markInDoubt(key: string, at: Instant): Promise<void>;
  /**
   * pending → sent without a message ref: Slack may have it but it could not be checked (at most
   * once; `error` says why). Not sent again.
   */
  markUnconfirmed(key: string, error: string, now: Instant): Promise<void>;
  /** `clearInDoubt`: this attempt ended so that nothing of it can be in Slack unconfirmed. */
  markRetry(key: string, error: string, nextAttemptAt: Instant, clearInDoubt?: boolean): Promise<void>;
  markFailed(key: string, error: string, now: Instant): Promise<void>;
  /** Outbox rows for reports (sent/failed/pending) with dueAt in [from, until). */
  outboxBetween(from: Instant, until: Instant): Promise<readonly OutboxEntry[]>;
  /** `outboxBetween` without payloads (reports). */
  outboxSummariesBetween(from: Instant, until: Instant): Promise<readonly OutboxSummary[]>;

  /** Stores deals read from the CRM; each listed contact's links are replaced and its refresh time set. */
  saveDeals(refresh: DealRefresh): Promise<void>;
  /** Stored deals associated with these contacts (`contactIds` narrowed to them), by id. */
  dealsOf(contactIds: readonly string[]): Promise<readonly Deal[]>;
  /** Contacts of instances in `stages` that entered at or after `enteredSince`, with their last deal refresh. */
  dealCandidates(stages: readonly string[], enteredSince: Instant): Promise<readonly DealCandidate[]>;
  /** Upserts owners (names for reports without a HubSpot token); owners not listed are kept. */
  saveOwners(owners: readonly Owner[], at: Instant): Promise<void>;
  /** Every owner stored, by id. */
  owners(): Promise<readonly Owner[]>;

  /**
   * Leader election for several instances: take or renew the lease when free, expired or ours.
   * SQLite (single process) always grants it.
   */
  acquireLease(name: string, holder: string, now: Instant, ttlMs: number): Promise<boolean>;
  releaseLease(name: string, holder: string): Promise<void>;
}
