import type { Evaluation } from '../../src/domain/evaluation.ts';
import type { Acknowledgement, CloseReason, Outage, Silence, Touch } from '../../src/domain/model.ts';
import type { Instant } from '../../src/domain/time.ts';
import type { Cursors, Deal, Owner } from '../../src/ports/crm-source.ts';
import type { MessageRef } from '../../src/ports/notifier.ts';
import type {
  PositionMove,
  Reassignment,
  ReassignmentOutcome,
  RecordReassignment,
} from '../../src/ports/reassignments.ts';
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
} from '../../src/ports/store.ts';
import { pageKeyOf, summaryOf } from '../../src/ports/store.ts';
import { StoreNotFoundError, StoreQueryError } from '../../src/store/errors.ts';
import { MemoryDeals } from './memory-deals.ts';
import { MemoryOutbox } from './memory-outbox.ts';
import { MemoryReassignments } from './memory-reassignments.ts';

type StoreMethod = keyof Store;

/** Orders a stored instance against a page key as the SQL stores do: stage entry, then id. */
const byEntry = (s: StoredInstance, key: InstancePageKey): number =>
  s.instance.enteredAt - key.enteredAt || compare(s.instance.id, key.id);

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Touches are stored per contact: one call logged on two contacts is two rows, as in SQL. */
const touchKey = (t: Touch): string => `${t.contactId}\u0000${t.id}`;

/** Replaces the first item that `same` matches, or appends. */
function replaceOrAdd<T>(list: T[], item: T, same: (t: T) => boolean): void {
  const at = list.findIndex(same);
  if (at < 0) list.push(item);
  else list[at] = item;
}

const byTime = (a: { at: Instant; instanceId: string }, b: { at: Instant; instanceId: string }): number =>
  a.at - b.at || compare(a.instanceId, b.instanceId);

/** E-mail addresses are matched case-insensitively, as in SQL. */
const emailKey = (email: string): string => email.trim().toLowerCase();

/**
 * An in-memory Store with the port's semantics (idempotent outbox keys, atomic cycle writes,
 * leases with expiry) and fault injection: `failNext('commitCycle', err)` makes the next call throw.
 * test/store/fake-store.test.ts runs the store contract suite against it, as against SQLite and PostgreSQL.
 */
export class FakeStore implements Store {
  readonly instances = new Map<string, StoredInstance>();
  readonly touches = new Map<string, Touch>();
  /** The notification log (see MemoryOutbox); `outbox` is its rows by key. */
  readonly outboxLog = new MemoryOutbox();
  readonly outbox = this.outboxLog.rows;
  readonly acks = new Map<string, Acknowledgement>();
  readonly silenceList: Silence[] = [];
  readonly rejectionList: Rejection[] = [];
  readonly outageList: Outage[] = [];
  readonly slackUsers = new Map<string, SlackUserMapping>();
  /** Leases by name; `epoch` moves on with every takeover (new holder, or the same after expiry). */
  readonly leases = new Map<string, { holder: string; until: Instant; epoch: number }>();
  readonly commits: CycleWrite[] = [];
  /** Every `openInstancesPage` call, in order. */
  readonly pagesRead: { readonly after: InstancePageKey | null; readonly limit: number }[] = [];
  /** Every `acknowledgements` call's instance ids, in order. */
  readonly ackReads: (readonly string[])[] = [];
  /** Every `touchesOf` call's contacts, in order. */
  readonly touchReads: (readonly string[])[] = [];
  /** Deals and owners (see MemoryDeals). */
  readonly crmMirror = new MemoryDeals();
  /** Reassignments and round-robin positions (issue 18; see MemoryReassignments). */
  readonly reassignLog = new MemoryReassignments();
  cursorState: Cursors = {};
  closed = false;
  readonly #failures = new Map<StoreMethod, unknown[]>();

  failNext(method: StoreMethod, error: unknown = new Error(`${method} failed (injected)`), times = 1): void {
    const list = this.#failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(error);
    this.#failures.set(method, list);
  }

  #check(method: StoreMethod): void {
    const list = this.#failures.get(method);
    if (list && list.length > 0) throw list.shift();
  }

  async migrate(): Promise<void> {}
  async close(): Promise<void> {
    this.closed = true;
  }

  async cursors(): Promise<Cursors> {
    this.#check('cursors');
    return { ...this.cursorState };
  }

  async commitCycle(write: CycleWrite): Promise<void> {
    this.#check('commitCycle');
    // The SQL stores' foreign keys: a verdict or message for an instance never stored fails the whole cycle.
    const known = new Set([...write.newInstances, ...write.updatedInstances].map((i) => i.id));
    const stored = (id: string): boolean => known.has(id) || this.instances.has(id);
    const orphan = write.evaluations.find((e) => !stored(e.instanceId));
    if (orphan)
      throw new StoreQueryError(`commitCycle: no SLA instance ${orphan.instanceId} for a verdict`, null);
    this.outboxLog.refuseStray('commitCycle', write.outbox, stored);
    this.commits.push(write);
    // Cursors are upserted per name, as in SQL: a write that does not mention a source keeps it.
    this.cursorState = { ...this.cursorState, ...write.cursors };
    for (const instance of write.newInstances) if (!this.instances.has(instance.id)) this.#put(instance);
    for (const instance of write.updatedInstances) {
      const prev = this.instances.get(instance.id)?.instance;
      // An instance closed outside the cycle stays closed.
      this.#put(
        prev?.closedAt != null
          ? {
              ...instance,
              closedAt: prev.closedAt,
              closeReason: prev.closeReason,
              ...(prev.closeDetail == null ? {} : { closeDetail: prev.closeDetail }),
            }
          : instance,
      );
    }
    for (const c of write.closed) {
      const prev = this.instances.get(c.instanceId);
      if (prev && prev.instance.closedAt === null) {
        this.instances.set(c.instanceId, {
          ...prev,
          instance: {
            ...prev.instance,
            closedAt: c.at,
            closeReason: c.reason,
            ...(c.detail == null ? {} : { closeDetail: c.detail }),
          },
        });
      }
    }
    for (const t of write.touches) this.touches.set(touchKey(t), t);
    for (const e of write.evaluations) this.#setEvaluation(e);
    this.outboxLog.insert(write.outbox, write.now);
    this.outboxLog.requestEdits(write.recheck ?? [], write.now);
  }

  #put(instance: StoredInstance['instance']): void {
    const prev = this.instances.get(instance.id);
    this.instances.set(instance.id, {
      instance,
      evaluation: prev?.evaluation ?? null,
      pingRef: prev?.pingRef ?? null,
      pingState: prev?.pingState ?? null,
    });
  }

  #setEvaluation(e: Evaluation): void {
    const prev = this.instances.get(e.instanceId);
    if (prev) this.instances.set(e.instanceId, { ...prev, evaluation: e });
  }

  async openInstances(): Promise<readonly StoredInstance[]> {
    this.#check('openInstances');
    return this.#open();
  }
  async openInstancesPage(after: InstancePageKey | null, limit: number): Promise<readonly StoredInstance[]> {
    this.#check('openInstancesPage');
    this.pagesRead.push({ after, limit });
    const open = this.#open();
    const start = after === null ? 0 : open.findIndex((s) => byEntry(s, after) > 0);
    return start < 0 ? [] : open.slice(start, start + limit);
  }
  async openInstanceSummariesPage(
    after: InstancePageKey | null,
    limit: number,
  ): Promise<readonly OpenInstanceSummary[]> {
    this.#check('openInstanceSummariesPage');
    this.pagesRead.push({ after, limit });
    const open = this.#open();
    const start = after === null ? 0 : open.findIndex((s) => byEntry(s, after) > 0);
    return start < 0 ? [] : open.slice(start, start + limit).map(summaryOf);
  }
  /** Calls of `openInstancesOfOwners`. */
  ownerReads = 0;
  async openInstancesOfOwners(ownerIds: readonly string[]): Promise<readonly StoredInstance[]> {
    this.ownerReads += 1;
    const owners = new Set(ownerIds);
    return this.#open().filter((s) => s.instance.ownerId !== null && owners.has(s.instance.ownerId));
  }
  /** Ids asked for with `openInstancesByIds`, call by call. */
  readonly byIdsRead: string[][] = [];
  async openInstancesByIds(ids: readonly string[]): Promise<readonly StoredInstance[]> {
    this.#check('openInstancesByIds');
    this.byIdsRead.push([...ids]);
    return [...new Set(ids)].flatMap((id) => {
      const s = this.instances.get(id);
      return s && s.instance.closedAt === null ? [s] : [];
    });
  }
  /** Open instances in the store's order: stage entry, then id. */
  #open(): StoredInstance[] {
    return [...this.instances.values()]
      .filter((s) => s.instance.closedAt === null)
      .sort((a, b) => byEntry(a, pageKeyOf(b)));
  }
  async openInstancesBefore(enteredBefore: Instant): Promise<readonly StoredInstance[]> {
    return (await this.openInstances()).filter((s) => s.instance.enteredAt < enteredBefore);
  }
  async instance(id: string): Promise<StoredInstance | null> {
    return this.instances.get(id) ?? null;
  }
  async closeInstance(
    instanceId: string,
    at: Instant,
    reason: CloseReason,
    detail: string | null = null,
  ): Promise<boolean> {
    this.#check('closeInstance');
    const prev = this.instances.get(instanceId);
    if (!prev || prev.instance.closedAt !== null) return false;
    this.instances.set(instanceId, {
      ...prev,
      instance: {
        ...prev.instance,
        closedAt: at,
        closeReason: reason,
        ...(detail === null ? {} : { closeDetail: detail }),
      },
    });
    this.outboxLog.requestEdits([instanceId], at);
    return true;
  }
  async instancesBetween(from: Instant, until: Instant): Promise<readonly StoredInstance[]> {
    return [...this.instances.values()]
      .filter((s) => s.instance.enteredAt >= from && s.instance.enteredAt < until)
      .sort((a, b) => byEntry(a, pageKeyOf(b)));
  }
  async setPing(instanceId: string, ref: MessageRef, state: string): Promise<void> {
    this.#check('setPing');
    const prev = this.instances.get(instanceId);
    if (!prev) throw new StoreNotFoundError(`setPing: no SLA instance ${instanceId} in the store`);
    this.instances.set(instanceId, { ...prev, pingRef: ref, pingState: state });
  }

  async touchesOf(contactIds: readonly string[]): Promise<readonly Touch[]> {
    this.#check('touchesOf');
    this.touchReads.push(contactIds);
    const wanted = new Set(contactIds);
    return [...this.touches.values()]
      .filter((t) => wanted.has(t.contactId))
      .sort((a, b) => a.at - b.at || compare(a.contactId, b.contactId) || compare(a.id, b.id));
  }

  async acknowledge(ack: Acknowledgement): Promise<boolean> {
    if (this.acks.has(ack.instanceId) || !this.instances.has(ack.instanceId)) return false;
    this.acks.set(ack.instanceId, ack);
    return true;
  }
  async acknowledgements(instanceIds: readonly string[]): Promise<readonly Acknowledgement[]> {
    this.#check('acknowledgements');
    this.ackReads.push([...instanceIds]);
    return [...new Set(instanceIds)]
      .flatMap((id) => {
        const ack = this.acks.get(id);
        return ack ? [ack] : [];
      })
      .sort(byTime);
  }
  async acknowledgementsSince(since: Instant): Promise<readonly Acknowledgement[]> {
    this.#check('acknowledgementsSince');
    return [...this.acks.values()].filter((a) => a.at >= since).sort(byTime);
  }
  /** Saving the same id again replaces it (e.g. ended early). */
  async addSilence(silence: Silence): Promise<void> {
    replaceOrAdd(this.silenceList, silence, (s) => s.id === silence.id);
  }
  async silences(activeAt: Instant): Promise<readonly Silence[]> {
    return this.#silencesWhere((s) => s.from <= activeAt && activeAt < s.until);
  }
  async silencesBetween(from: Instant, until: Instant): Promise<readonly Silence[]> {
    return this.#silencesWhere((s) => s.from < until && s.until > from);
  }
  #silencesWhere(keep: (s: Silence) => boolean): Silence[] {
    return this.silenceList.filter(keep).sort((a, b) => a.from - b.from || compare(a.id, b.id));
  }
  /** The first "Not a fit" of a stored instance stands; a second one or one for an unknown instance does not. */
  async reject(rejection: Rejection): Promise<boolean> {
    if (!this.instances.has(rejection.instanceId)) return false;
    if (this.rejectionList.some((r) => r.instanceId === rejection.instanceId)) return false;
    this.rejectionList.push(rejection);
    return true;
  }
  async rejections(from: Instant, until: Instant): Promise<readonly Rejection[]> {
    return this.rejectionList.filter((r) => r.at >= from && r.at < until).sort(byTime);
  }

  /** The same system and start again extends the outage (the later end wins). */
  async recordOutage(outage: Outage): Promise<void> {
    this.#check('recordOutage');
    const same = (o: Outage): boolean => o.system === outage.system && o.from === outage.from;
    const prev = this.outageList.find(same);
    if (!prev || outage.until > prev.until) replaceOrAdd(this.outageList, outage, same);
  }
  async outages(from: Instant, until: Instant): Promise<readonly Outage[]> {
    return this.outageList
      .filter((o) => o.from < until && o.until > from)
      .sort((a, b) => a.from - b.from || compare(a.system, b.system));
  }

  async slackUser(email: string): Promise<SlackUserMapping | null> {
    return this.slackUsers.get(emailKey(email)) ?? null;
  }
  async saveSlackUser(mapping: SlackUserMapping): Promise<void> {
    this.slackUsers.set(emailKey(mapping.email), mapping);
  }

  async enqueue(entries: readonly NewOutboxEntry[], now: Instant): Promise<void> {
    this.#check('enqueue');
    this.outboxLog.refuseStray('enqueue', entries, (id) => this.instances.has(id));
    this.outboxLog.insert(entries, now);
  }
  async duePending(now: Instant, limit: number): Promise<readonly OutboxEntry[]> {
    this.#check('duePending');
    return this.outboxLog.due(now, limit);
  }
  async outboxEntry(key: string): Promise<OutboxEntry | null> {
    return this.outbox.get(key) ?? null;
  }
  async markSent(
    key: string,
    ref: MessageRef,
    fallback: string | null,
    now: Instant,
    shown?: ShownMessage,
  ): Promise<boolean> {
    this.#check('markSent');
    return this.outboxLog.markSent(key, ref, fallback, now, shown ?? null);
  }
  async dueEdits(now: Instant, limit: number): Promise<readonly OutboxEntry[]> {
    this.#check('dueEdits');
    return this.outboxLog.dueEdits(now, limit);
  }
  async claimForEdit(
    key: string,
    lease: LeaseToken,
    seenEpoch: number | null,
    now: Instant,
  ): Promise<SendClaim> {
    this.#check('claimForEdit');
    const held = this.leases.get(lease.name);
    if (held?.holder !== lease.holder || held.epoch !== lease.epoch) return 'fenced';
    return this.outboxLog.claimEdit(key, lease.epoch, seenEpoch, now) ? 'claimed' : 'taken';
  }
  async markEdited(
    key: string,
    shown: ShownMessage,
    seenSeq: number,
    epoch: number | null,
    now: Instant,
  ): Promise<boolean> {
    this.#check('markEdited');
    return this.outboxLog.markEdited(key, shown, seenSeq, epoch, now);
  }
  async markEditRetry(key: string, nextAt: Instant): Promise<void> {
    this.#check('markEditRetry');
    this.outboxLog.markEditRetry(key, nextAt);
  }
  async claimForSend(
    key: string,
    lease: LeaseToken,
    seenEpoch: number | null,
    now: Instant,
  ): Promise<SendClaim> {
    this.#check('claimForSend');
    const held = this.leases.get(lease.name);
    if (held?.holder !== lease.holder || held.epoch !== lease.epoch) return 'fenced';
    return this.outboxLog.claim(key, lease.epoch, seenEpoch, now) ? 'claimed' : 'taken';
  }
  async markInDoubt(key: string, at: Instant): Promise<void> {
    this.#check('markInDoubt');
    this.outboxLog.markInDoubt(key, at);
  }
  async markUnconfirmed(key: string, error: string, now: Instant): Promise<void> {
    this.#check('markUnconfirmed');
    this.outboxLog.markUnconfirmed(key, error, now);
  }
  async markRetry(key: string, error: string, nextAttemptAt: Instant, clearInDoubt = false): Promise<void> {
    this.#check('markRetry');
    this.outboxLog.markRetry(key, error, nextAttemptAt, clearInDoubt);
  }
  async markFailed(key: string, error: string, _now: Instant): Promise<void> {
    this.#check('markFailed');
    this.outboxLog.markFailed(key, error);
  }
  async outboxBetween(from: Instant, until: Instant): Promise<readonly OutboxEntry[]> {
    return this.outboxLog.between(from, until);
  }
  async outboxOf(instanceId: string): Promise<readonly OutboxEntry[]> {
    this.#check('outboxOf');
    const all = this.outboxLog.between(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
    return all.filter((e) => e.instanceId === instanceId);
  }
  async outboxSummariesBetween(from: Instant, until: Instant): Promise<readonly OutboxSummary[]> {
    return this.outboxLog.summariesBetween(from, until);
  }

  async saveDeals(refresh: DealRefresh): Promise<void> {
    this.#check('saveDeals');
    this.crmMirror.saveDeals(refresh);
  }
  async dealsOf(contactIds: readonly string[]): Promise<readonly Deal[]> {
    return this.crmMirror.dealsOf(contactIds);
  }
  async dealCandidates(stages: readonly string[], enteredSince: Instant): Promise<readonly DealCandidate[]> {
    return this.crmMirror.dealCandidates(this.instances.values(), stages, enteredSince);
  }
  async saveOwners(owners: readonly Owner[], _at: Instant): Promise<void> {
    this.#check('saveOwners');
    this.crmMirror.saveOwners(owners);
  }
  async owners(): Promise<readonly Owner[]> {
    return this.crmMirror.owners();
  }

  async recordReassignment(r: Reassignment, move: PositionMove | null): Promise<RecordReassignment> {
    this.#check('recordReassignment');
    return this.reassignLog.record(r, move);
  }
  async reassignmentsOf(instanceIds: readonly string[]): Promise<readonly Reassignment[]> {
    return this.reassignLog.of(instanceIds);
  }
  async pendingReassignments(limit: number): Promise<readonly Reassignment[]> {
    return this.reassignLog.pending(limit);
  }
  async roundRobinPositions(): Promise<ReadonlyMap<string, string>> {
    return new Map(this.reassignLog.positions);
  }
  async claimReassignment(key: string, lease: LeaseToken): Promise<'claimed' | 'fenced' | 'taken'> {
    this.#check('claimReassignment');
    const held = this.leases.get(lease.name);
    return this.reassignLog.claim(
      key,
      lease.epoch,
      held?.holder === lease.holder && held.epoch === lease.epoch,
    );
  }
  async settleReassignment(
    key: string,
    outcome: ReassignmentOutcome,
    error: string | null,
    now: Instant,
  ): Promise<void> {
    this.#check('settleReassignment');
    this.reassignLog.settle(key, outcome, error, now);
  }

  async acquireLease(name: string, holder: string, now: Instant, ttlMs: number): Promise<number | null> {
    this.#check('acquireLease');
    const lease = this.leases.get(name);
    if (lease && lease.holder !== holder && lease.until > now) return null;
    const renewal = lease !== undefined && lease.holder === holder && lease.until > now;
    const epoch = renewal ? lease.epoch : (lease?.epoch ?? 0) + 1;
    this.leases.set(name, { holder, until: now + ttlMs, epoch });
    return epoch;
  }
  async releaseLease(name: string, holder: string): Promise<void> {
    const lease = this.leases.get(name);
    // Kept, expired: the epoch goes on counting.
    if (lease?.holder === holder) this.leases.set(name, { ...lease, until: 0 });
  }
}
