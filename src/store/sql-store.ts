import type { Acknowledgement, CloseReason, Outage, Silence, Touch } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { Cursors, Deal, Owner } from '../ports/crm-source.ts';
import type { MessageRef } from '../ports/notifier.ts';
import type {
  PositionMove,
  Reassignment,
  ReassignmentOutcome,
  RecordReassignment,
} from '../ports/reassignments.ts';
import type {
  CycleWrite,
  DealCandidate,
  DealRefresh,
  InstancePageKey,
  LeaseToken,
  NewOutboxEntry,
  OpenInstanceSummary,
  OutboxEntry,
  OutboxSummary,
  Rejection,
  SendClaim,
  ShownMessage,
  SlackUserMapping,
  Store,
  StoredInstance,
} from '../ports/store.ts';
import { type MigrationPlan, migrate } from './migrate.ts';
import * as cycle from './queries/cycle.ts';
import * as deals from './queries/deals.ts';
import * as feedback from './queries/feedback.ts';
import * as instances from './queries/instances.ts';
import * as lease from './queries/lease.ts';
import * as outbox from './queries/outbox.ts';
import * as outboxClaims from './queries/outbox-claims.ts';
import * as outboxEdits from './queries/outbox-edits.ts';
import * as ownerRows from './queries/owners.ts';
import * as reassignments from './queries/reassignments.ts';
import * as silences from './queries/silences.ts';
import * as slackUsers from './queries/slack-users.ts';
import * as touches from './queries/touches.ts';
import type { SqlDriver } from './sql/driver.ts';

export interface SqlStoreOptions {
  readonly driver: SqlDriver;
  readonly migrations: MigrationPlan;
  readonly logger: Logger;
  /**
   * `exclusive`: leases are real (PostgreSQL, several processes). `single_process`: always granted
   * (SQLite: one process owns the file); the epoch still moves on when the holder changes (ADR 0012).
   */
  readonly leases: 'exclusive' | 'single_process';
}

/** The Store port over either SQL driver; the SQL itself lives in `queries/`, shared by both dialects. */
export class SqlStore implements Store {
  readonly #db: SqlDriver;
  readonly #options: SqlStoreOptions;

  constructor(options: SqlStoreOptions) {
    this.#db = options.driver;
    this.#options = options;
  }

  get dialect(): SqlDriver['dialect'] {
    return this.#db.dialect;
  }

  migrate = (): Promise<void> => migrate(this.#db, this.#options.migrations, this.#options.logger);
  close = (): Promise<void> => this.#db.close();

  cursors = (): Promise<Cursors> => cycle.cursors(this.#db);
  commitCycle = (write: CycleWrite): Promise<void> => cycle.commitCycle(this.#db, write);

  openInstances = (): Promise<readonly StoredInstance[]> => instances.openInstances(this.#db);
  openInstancesPage = (after: InstancePageKey | null, limit: number): Promise<readonly StoredInstance[]> =>
    instances.openInstancesPage(this.#db, after, limit);
  openInstancesOfOwners = (ownerIds: readonly string[]): Promise<readonly StoredInstance[]> =>
    instances.openInstancesOfOwners(this.#db, ownerIds);
  openInstanceSummariesPage = (
    after: InstancePageKey | null,
    limit: number,
  ): Promise<readonly OpenInstanceSummary[]> => instances.openInstanceSummariesPage(this.#db, after, limit);
  openInstancesByIds = (ids: readonly string[]): Promise<readonly StoredInstance[]> =>
    instances.openInstancesByIds(this.#db, ids);
  instance = (id: string): Promise<StoredInstance | null> => instances.instance(this.#db, id);
  closeInstance = (
    instanceId: string,
    at: Instant,
    reason: CloseReason,
    detail: string | null = null,
  ): Promise<boolean> => instances.closeInstance(this.#db, instanceId, at, reason, detail);
  instancesBetween = (from: Instant, until: Instant): Promise<readonly StoredInstance[]> =>
    instances.instancesBetween(this.#db, from, until);
  openInstancesBefore = (enteredBefore: Instant): Promise<readonly StoredInstance[]> =>
    instances.openInstancesBefore(this.#db, enteredBefore);
  setPing = (instanceId: string, ref: MessageRef, state: string): Promise<void> =>
    instances.setPing(this.#db, instanceId, ref, state);

  touchesOf = (contactIds: readonly string[]): Promise<readonly Touch[]> =>
    touches.touchesOf(this.#db, contactIds);

  acknowledge = (ack: Acknowledgement): Promise<boolean> => feedback.acknowledge(this.#db, ack);
  acknowledgements = (instanceIds: readonly string[]): Promise<readonly Acknowledgement[]> =>
    feedback.acknowledgements(this.#db, instanceIds);
  acknowledgementsSince = (since: Instant): Promise<readonly Acknowledgement[]> =>
    feedback.acknowledgementsSince(this.#db, since);
  reject = (rejection: Rejection): Promise<boolean> => feedback.reject(this.#db, rejection);
  rejections = (from: Instant, until: Instant): Promise<readonly Rejection[]> =>
    feedback.rejections(this.#db, from, until);

  addSilence = (silence: Silence): Promise<void> => silences.addSilence(this.#db, silence);
  silences = (activeAt: Instant): Promise<readonly Silence[]> =>
    silences.silencesActiveAt(this.#db, activeAt);
  silencesBetween = (from: Instant, until: Instant): Promise<readonly Silence[]> =>
    silences.silencesBetween(this.#db, from, until);
  recordOutage = (outage: Outage): Promise<void> => silences.recordOutage(this.#db, outage);
  outages = (from: Instant, until: Instant): Promise<readonly Outage[]> =>
    silences.outages(this.#db, from, until);

  slackUser = (email: string): Promise<SlackUserMapping | null> => slackUsers.slackUser(this.#db, email);
  saveSlackUser = (mapping: SlackUserMapping): Promise<void> => slackUsers.saveSlackUser(this.#db, mapping);

  enqueue = (entries: readonly NewOutboxEntry[], now: Instant): Promise<void> =>
    this.#db.transaction((tx) => outbox.insertOutbox(tx, entries, now));
  duePending = (now: Instant, limit: number): Promise<readonly OutboxEntry[]> =>
    outbox.duePending(this.#db, now, limit);
  outboxEntry = (key: string): Promise<OutboxEntry | null> => outbox.outboxEntryByKey(this.#db, key);
  markSent = (
    key: string,
    ref: MessageRef,
    fallback: string | null,
    now: Instant,
    shown?: ShownMessage,
  ): Promise<boolean> => outbox.markSent(this.#db, key, ref, fallback, now, shown ?? null);
  markInDoubt = (key: string, at: Instant): Promise<void> => outbox.markInDoubt(this.#db, key, at);
  claimForSend = (
    key: string,
    lease: LeaseToken,
    seenEpoch: number | null,
    now: Instant,
  ): Promise<SendClaim> => outboxClaims.claimForSend(this.#db, key, lease, seenEpoch, now);
  markUnconfirmed = (key: string, error: string, now: Instant): Promise<void> =>
    outbox.markUnconfirmed(this.#db, key, error, now);
  markRetry = (key: string, error: string, nextAttemptAt: Instant, clearInDoubt = false): Promise<void> =>
    outbox.markRetry(this.#db, key, error, nextAttemptAt, clearInDoubt);
  markFailed = (key: string, error: string, now: Instant): Promise<void> =>
    outbox.markFailed(this.#db, key, error, now);
  dueEdits = (now: Instant, limit: number): Promise<readonly OutboxEntry[]> =>
    outboxEdits.dueEdits(this.#db, now, limit);
  claimForEdit = (
    key: string,
    lease: LeaseToken,
    seenEpoch: number | null,
    now: Instant,
  ): Promise<SendClaim> => outboxEdits.claimForEdit(this.#db, key, lease, seenEpoch, now);
  markEdited = (
    key: string,
    shown: ShownMessage,
    seenSeq: number,
    epoch: number | null,
    now: Instant,
  ): Promise<boolean> => outboxEdits.markEdited(this.#db, key, shown, seenSeq, epoch, now);
  markEditRetry = (key: string, nextAt: Instant): Promise<void> =>
    outboxEdits.markEditRetry(this.#db, key, nextAt);
  outboxBetween = (from: Instant, until: Instant): Promise<readonly OutboxEntry[]> =>
    outbox.outboxBetween(this.#db, from, until);
  outboxOf = (instanceId: string): Promise<readonly OutboxEntry[]> => outbox.outboxOf(this.#db, instanceId);

  outboxSummariesBetween = (from: Instant, until: Instant): Promise<readonly OutboxSummary[]> =>
    outbox.outboxSummariesBetween(this.#db, from, until);

  saveDeals = (refresh: DealRefresh): Promise<void> => deals.saveDeals(this.#db, refresh);
  dealsOf = (contactIds: readonly string[]): Promise<readonly Deal[]> => deals.dealsOf(this.#db, contactIds);
  dealCandidates = (stages: readonly string[], enteredSince: Instant): Promise<readonly DealCandidate[]> =>
    deals.dealCandidates(this.#db, stages, enteredSince);
  saveOwners = (list: readonly Owner[], at: Instant): Promise<void> =>
    ownerRows.saveOwners(this.#db, list, at);
  owners = (): Promise<readonly Owner[]> => ownerRows.owners(this.#db);

  recordReassignment = (r: Reassignment, move: PositionMove | null): Promise<RecordReassignment> =>
    reassignments.recordReassignment(this.#db, r, move);
  reassignmentsOf = (instanceIds: readonly string[]): Promise<readonly Reassignment[]> =>
    reassignments.reassignmentsOf(this.#db, instanceIds);
  pendingReassignments = (limit: number): Promise<readonly Reassignment[]> =>
    reassignments.pendingReassignments(this.#db, limit);
  roundRobinPositions = (): Promise<ReadonlyMap<string, string>> =>
    reassignments.roundRobinPositions(this.#db);
  claimReassignment = (key: string, lease: LeaseToken): Promise<'claimed' | 'fenced' | 'taken'> =>
    reassignments.claimReassignment(this.#db, key, lease);
  settleReassignment = (
    key: string,
    outcome: ReassignmentOutcome,
    error: string | null,
    now: Instant,
  ): Promise<void> => reassignments.settleReassignment(this.#db, key, outcome, error, now);

  acquireLease = (name: string, holder: string, now: Instant, ttlMs: number): Promise<number | null> =>
    this.#options.leases === 'single_process'
      ? lease.acquireOwnLease(this.#db, name, holder, now, ttlMs)
      : lease.acquireLease(this.#db, name, holder, now, ttlMs);
  releaseLease = async (name: string, holder: string): Promise<void> => {
    if (this.#options.leases === 'exclusive') await lease.releaseLease(this.#db, name, holder);
  };
}
