import type { Evaluation } from '../domain/evaluation.ts';
import type { Acknowledgement, CloseReason, Outage, Silence, SlaInstance, Touch } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';
import type { Cursors, Deal, Owner } from './crm-source.ts';
import type { MessageRef } from './notifier.ts';

import type { NewOutboxEntry, OutboxEntry, OutboxSummary, ShownMessage } from './outbox.ts';
import type { ReassignmentStore } from './reassignments.ts';
import type { InstancePageKey, OpenInstanceSummary, StoredInstance } from './stored-instance.ts';

export type {
  NewOutboxEntry,
  OutboxEntry,
  OutboxState,
  OutboxSummary,
  PendingEdit,
  ShownMessage,
} from './outbox.ts';
export {
  type InstancePageKey,
  type OpenInstanceSummary,
  pageKeyOf,
  type StoredInstance,
  summaryOf,
  type VerdictFacts,
  verdictFactsOf,
} from './stored-instance.ts';

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
    /** See `SlaInstance.closeDetail`. */
    readonly detail?: string | null;
  }[];
  readonly touches: readonly Touch[];
  readonly evaluations: readonly Evaluation[];
  /** Inserted unless the key exists (idempotent). */
  readonly outbox: readonly NewOutboxEntry[];
  /**
   * Instances whose truth changed (closed, handed over, contacted, …): their sent messages are asked
   * to be checked, in the same transaction, so a restart loses no correction (see `dueEdits`).
   */
  readonly recheck?: readonly string[];
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

/**
 * The lease a replica holds, as every send carries it (fencing token, ADR 0012): `epoch` moves on with
 * every takeover, so a leader that stalled and was replaced holds a token that no longer matches.
 */
export interface LeaseToken {
  readonly name: string;
  readonly holder: string;
  readonly epoch: number;
}

/**
 * What claiming an outbox row for a send came to: `claimed` — post it now; `fenced` — this holder no
 * longer holds the lease at that epoch (another replica took over): send nothing more; `taken` — the
 * row is no longer pending, or another leadership claimed it since it was read: leave it.
 */
export type SendClaim = 'claimed' | 'fenced' | 'taken';

/** Persistence port. Adapters: SQLite (embedded default) and PostgreSQL (several instances). */
export interface Store extends ReassignmentStore {
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
   * Closes an open instance outside a cycle (Slack "Not a fit"; `detail`: who, see
   * `SlaInstance.closeDetail`). True when it was open and is now closed; false when unknown or
   * already closed (the first close wins). In the same transaction its sent messages are asked to be
   * checked (`dueEdits`); nothing else is touched.
   */
  closeInstance(
    instanceId: string,
    at: Instant,
    reason: CloseReason,
    detail?: string | null,
  ): Promise<boolean>;
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
  /**
   * Pending entries whose `nextAttemptAt <= now`, oldest due first — except a row of an instance with
   * an earlier pending row (created earlier; in one cycle, the handoff ping first, then by due time)
   * that is not due yet or comes later in this order: nothing about an instance overtakes its ping.
   */
  duePending(now: Instant, limit: number): Promise<readonly OutboxEntry[]>;
  outboxEntry(key: string): Promise<OutboxEntry | null>;
  /**
   * pending|failed → sent. True when this call recorded it; false when the row was already sent (the
   * first delivery's ref stays: a copy posted by a second sender is a duplicate).
   */
  markSent(
    key: string,
    ref: MessageRef,
    fallback: string | null,
    now: Instant,
    shown?: ShownMessage,
  ): Promise<boolean>;
  /**
   * Just before a pending row is sent: from now on it may reach Slack unconfirmed. Keeps an earlier
   * time already set (the look-up must reach back to the first attempt still in doubt). For sends
   * outside any leadership (start-up alerts); the worker claims instead (`claimForSend`).
   */
  markInDoubt(key: string, at: Instant): Promise<void>;
  /**
   * Immediately before a post, in one conditional write: the pending row is claimed for `lease`'s epoch
   * (and marked in doubt, as `markInDoubt`) only while `lease.holder` still holds the lease at that
   * epoch, and only when the row's last claim is the one the caller read (`seenEpoch`) or its own.
   */
  claimForSend(key: string, lease: LeaseToken, seenEpoch: number | null, now: Instant): Promise<SendClaim>;
  /**
   * pending → sent without a message ref: Slack may have it but it could not be checked (at most
   * once; `error` says why). Not sent again.
   */
  markUnconfirmed(key: string, error: string, now: Instant): Promise<void>;
  /** `clearInDoubt`: this attempt ended so that nothing of it can be in Slack unconfirmed. */
  markRetry(key: string, error: string, nextAttemptAt: Instant, clearInDoubt?: boolean): Promise<void>;
  markFailed(key: string, error: string, now: Instant): Promise<void>;
  /**
   * Sent rows asked to be checked (`CycleWrite.recheck`, `closeInstance`) whose `edit.nextAt <= now`,
   * at most `limit`: oldest request first, an instance's rows together in outbox order (ping first).
   */
  dueEdits(now: Instant, limit: number): Promise<readonly OutboxEntry[]>;
  /**
   * Immediately before an update in place, as `claimForSend` for a sent row with an edit due: claimed
   * for `lease`'s epoch only while the holder holds it at that epoch and the row's last claim is its
   * own or `seenEpoch` (a stale leader replaces nothing).
   */
  claimForEdit(key: string, lease: LeaseToken, seenEpoch: number | null, now: Instant): Promise<SendClaim>;
  /**
   * Records what a sent message shows now (updated in place, or found already right) and clears the
   * requests up to `seenSeq` (a newer one stays due). `epoch`: the claim the update was made under —
   * when another leadership claimed the row since, this update may have replaced a newer one: nothing
   * is recorded and the row is asked to be checked again (it returns false). `null`: no update was made.
   */
  markEdited(
    key: string,
    shown: ShownMessage,
    seenSeq: number,
    epoch: number | null,
    now: Instant,
  ): Promise<boolean>;
  /** An update in place failed transiently: tried again at `nextAt`. */
  markEditRetry(key: string, nextAt: Instant): Promise<void>;
  /** Outbox rows for reports (sent/failed/pending) with dueAt in [from, until). */
  outboxBetween(from: Instant, until: Instant): Promise<readonly OutboxEntry[]>;
  /** One instance's outbox rows, every state, by due time (what it was already told, and whom). */
  outboxOf(instanceId: string): Promise<readonly OutboxEntry[]>;
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
   * Leader election for several instances: take or renew the lease when free, expired or ours. Returns
   * its epoch when granted (≥ 1; bumped on every takeover — a new holder, or the same one after expiry
   * — kept on renewal), `null` when refused. SQLite (single process) always grants it, bumping the
   * epoch when the holder changes.
   */
  acquireLease(name: string, holder: string, now: Instant, ttlMs: number): Promise<number | null>;
  releaseLease(name: string, holder: string): Promise<void>;
}
