import type { SlaInstance } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import type { OpenContacts, WatchedInstances } from '../../ports/crm-source.ts';
import type { MessageRef } from '../../ports/notifier.ts';
import type { Store, StoredInstance } from '../../ports/store.ts';
import { inactiveOwnerKey, unknownOwnerKey } from '../shared/owner-problems.ts';
import { HotCounts } from './hot-counts.ts';
import { internInstance } from './intern-records.ts';
import { Interner } from './interner.ts';
import { KeptTouches } from './kept-touches.ts';
import { LOAD_PAGE, type LoadFrom, type LoadInto, loadMemory } from './load-memory.ts';
import { type OpenInstance, quiet, unsettled } from './open-instance.ts';
import { OpenInstanceIndex } from './open-instance-index.ts';
import { RecordedKeys } from './recorded-keys.ts';
import {
  type JudgedVerdict,
  SettledInstances,
  settledInstanceOf,
  type VerdictTally,
} from './settled-instances.ts';
import { keepReadBack, readBackSettled, settleReadBack, type WakeInto, wakeSettled } from './wake-settled.ts';

export { LOAD_PAGE } from './load-memory.ts';

/**
 * The worker's memory of the open SLA instances: the instances, the touches of the unsettled ones
 * and the notification keys already in the outbox. Loaded from the store at start and whenever
 * this replica becomes leader; changed only after the store accepted a cycle's write, so a failed
 * cycle leaves it as it was.
 *
 * Open instances are kept in two forms (ADR 0007): `hot` ones whole — unsettled, just judged or
 * changed this cycle, or with a ping still to update — and `settled` ones in a compact index,
 * read back from the store (`wake`) when their contact, their lead or the world changes. `settle`
 * moves the quiet hot ones to the index at the end of a cycle. So memory and every per-cycle pass
 * follow the leads in flight, not the backlog of settled open leads.
 *
 * This module's one reason to change: how the open set is kept between cycles (hot and settled
 * bookkeeping, the change record). The start-up load is `load-memory.ts`; bringing settled
 * instances back from the store is `wake-settled.ts`.
 */
export class InstanceMemory {
  /** Instances closed outside the cycle (Slack "Not a fit"), dropped at the next judging. */
  readonly closedOutside = new Set<string>();
  /**
   * Owners of instances let go outside the change record (`forget`, or gone from the store when
   * woken): their App Home is out of date. Taken by the App Home stage (`takeLostOwners`).
   */
  #lostOwners = new Set<string>();
  /** Open instances kept whole, by id. Change them through `put` and `close`, which keep the record below. */
  readonly hot = new Map<string, OpenInstance>();
  /** Verdicts and owners of `hot`, counted as instances come and go (`#count`). */
  readonly #hotCounts = new HotCounts();
  /** The other open instances: settled and quiet, kept compact (see `SettledInstances`). */
  readonly settled = new SettledInstances();
  #changes = new Map<string, OpenInstance | undefined>();
  /** Every open instance, hot or settled, as HubSpot polling asks about them (see `OpenInstanceIndex`). */
  readonly #open = new OpenInstanceIndex((id) => this.hot.get(id)?.instance ?? this.settled.get(id));
  /**
   * Instances closed lately, with when: a poll that sees their handoff again (a webhook brought it
   * first, so the poll's cursor never marked it seen) must not open them a second time.
   */
  readonly closedRecently = new Map<string, Instant>();
  /** Notification keys (engine keys, not per target) already recorded in the outbox. */
  readonly recordedKeys = new RecordedKeys();
  /** One string for equal values of what is kept per open lead. */
  readonly strings = new Interner();
  /** The touches of the contacts with an unsettled open instance (see `KeptTouches`). */
  readonly touches = new KeptTouches(this.strings);
  /** Open instances last judged with their acknowledgement ("On it"; at most one each). */
  readonly acked = new Set<string>();
  /** What the load and the wake reach inside (see `load-memory.ts` and `wake-settled.ts`). */
  readonly #parts: LoadInto & WakeInto = {
    strings: this.strings,
    touches: this.touches,
    settled: this.settled,
    recordedKeys: this.recordedKeys,
    open: this.#open,
    keepHot: (o) => this.#keepHot(o),
    settleOne: (o) => this.#settleOne(o),
    drop: (id) => this.#drop(id),
  };

  /** Loads the store's open instances (see `load-memory.ts`). */
  static async load(store: LoadFrom, pageSize = LOAD_PAGE): Promise<InstanceMemory> {
    const memory = new InstanceMemory();
    await loadMemory(memory.#parts, store, pageSize);
    return memory;
  }

  /** An instance in memory form kept whole (hot), counted in its contact's unsettled instances. */
  #keepHot(o: OpenInstance): void {
    this.hot.set(o.instance.id, o);
    this.#count(o, 1);
  }

  /** A new or changed instance with shared strings, before it is judged and kept. */
  adoptInstance(instance: SlaInstance): SlaInstance {
    return internInstance(this.strings, instance);
  }

  /** Whether the instance is open as far as this worker knows (hot or settled). */
  isOpen(instanceId: string): boolean {
    return this.hot.has(instanceId) || this.settled.has(instanceId);
  }

  /**
   * Reads these settled instances back from the store and keeps them whole (hot) until the end of
   * the cycle; an id the store no longer has open is let go (see `wakeSettled`). Returns the
   * instances now hot.
   */
  wake(store: Pick<Store, 'openInstancesByIds'>, ids: Iterable<string>): Promise<OpenInstance[]> {
    return wakeSettled(this.#parts, store, ids);
  }

  /**
   * A settled instance read back from the store to be judged, in memory form; stays settled unless
   * `keepWoken` is called (see `readBackSettled`).
   */
  readBack(s: StoredInstance): OpenInstance {
    return readBackSettled(this.#parts, s);
  }

  /**
   * An instance read back by `readBack` that must be kept whole after all (unsettled, ping to
   * update); returns it as kept (with shared strings).
   */
  keepWoken(o: OpenInstance): OpenInstance {
    return keepReadBack(this.#parts, o);
  }

  /** A read-back instance judged and still settled: its new verdict counted, its keys let go again. */
  stillSettled(instanceId: string, verdict: JudgedVerdict): void {
    settleReadBack(this.#parts, instanceId, verdict);
  }

  /**
   * Moves the quiet hot instances (settled, ping up to date) to the settled index: the end of a
   * cycle, once pings are updated. Not a change of the open set: nothing is noted for `takeChanges`.
   */
  settle(): void {
    // `forEach`, not an iterator: every cycle passes over all hot instances here.
    this.hot.forEach((o) => {
      if (quiet(o) && !this.closedOutside.has(o.instance.id)) this.#settleOne(o);
    });
  }

  #settleOne(o: OpenInstance): void {
    const id = o.instance.id;
    if (o.evaluation === null) return;
    this.hot.delete(id);
    this.#count(o, -1);
    this.settled.add(settledInstanceOf(o.instance, o.evaluation));
    // Read again from its stored evaluation when it wakes (see `wake`).
    this.recordedKeys.forget(id);
    this.acked.delete(id);
  }

  /** An instance gone from the store (closed elsewhere): let go, and its owner's App Home updated. */
  #drop(id: string): void {
    const entry = this.settled.remove(id);
    if (entry === undefined) return;
    this.#open.closed(entry);
    if (entry.ownerId !== null) this.#lostOwners.add(entry.ownerId);
  }

  /**
   * Counts `o` in (or out of) the hot instances: its contact's unsettled instances (see
   * `KeptTouches`), the verdicts and the owners (see `HotCounts`).
   */
  #count(o: OpenInstance, delta: 1 | -1): void {
    if (unsettled(o)) this.touches.count(o.instance.lead.contactId, delta);
    this.#hotCounts.count(o, delta);
  }

  /** The owners of the instances kept whole (each once). */
  hotOwnerIds(): IterableIterator<string> {
    return this.#hotCounts.ownerIds();
  }

  /** The contacts of the open instances, hot and settled (a live view: it follows the open set). */
  openContactIds(): OpenContacts {
    return this.#open.contacts;
  }

  /** Every open lead as the read-back of open leads sees it, hot and settled, in lead-key order. */
  watched(): WatchedInstances {
    return this.#open.order;
  }

  /** First-contact verdicts of the open instances judged so far, hot and settled. */
  tally(): VerdictTally {
    const tally: VerdictTally = { pending: 0, met: 0, breached: 0, excused: 0 };
    this.#hotCounts.addTallyTo(tally);
    this.settled.addTallyTo(tally);
    return tally;
  }

  /** Adds or replaces an open instance, kept hot (noted for `takeChanges`). */
  put(o: OpenInstance): void {
    const id = o.instance.id;
    const was = this.hot.get(id);
    if (was === o) return;
    this.#note(id, was);
    const before = was?.instance ?? this.settled.remove(id);
    if (before) this.#open.moved(before, o.instance);
    else this.#open.opened(o.instance);
    this.hot.set(id, o);
    // Counted in before the old one is counted out: a contact staying unsettled keeps its touches.
    this.#count(o, 1);
    if (was) this.#count(was, -1);
  }

  /** Drops an instance the cycle closed, remembering it for a while (see `closedRecently`). */
  close(instanceId: string, at: Instant): void {
    const was = this.hot.get(instanceId);
    if (was) {
      this.#note(instanceId, was);
      this.#count(was, -1);
      this.#open.closed(was.instance);
      this.hot.delete(instanceId);
    }
    const settled = this.settled.remove(instanceId);
    if (settled) this.#open.closed(settled);
    this.closedRecently.set(instanceId, at);
    // Nothing about a closed instance is recorded again (the outbox would ignore it anyway).
    this.recordedKeys.forget(instanceId, [inactiveOwnerKey(instanceId), unknownOwnerKey(instanceId)]);
    this.acked.delete(instanceId);
  }

  /**
   * The instances added, replaced or removed since the last call, each with what it was before
   * (`undefined`: it is new); then starts a new record. Lets a cycle compare only what changed.
   */
  takeChanges(): ReadonlyMap<string, OpenInstance | undefined> {
    const changes = this.#changes;
    this.#changes = new Map();
    return changes;
  }

  #note(id: string, was: OpenInstance | undefined): void {
    if (!this.#changes.has(id)) this.#changes.set(id, was);
  }

  /** Forgets closes older than `before`. */
  pruneClosed(before: Instant): void {
    for (const [id, at] of this.closedRecently) if (at < before) this.closedRecently.delete(id);
  }

  /** Stops judging an instance closed elsewhere; its owner's App Home is out of date. */
  forget(instanceId: string, at: Instant): void {
    const ownerId = this.hot.has(instanceId)
      ? this.hot.get(instanceId)?.instance.ownerId
      : this.settled.get(instanceId)?.ownerId;
    if (ownerId === undefined) return;
    this.close(instanceId, at);
    if (ownerId !== null) this.#lostOwners.add(ownerId);
  }

  /** The owners noted by `forget` and `wake` since the last call (see `#lostOwners`), in order. */
  takeLostOwners(): ReadonlySet<string> {
    const lost = this.#lostOwners;
    this.#lostOwners = new Set();
    return lost;
  }

  setPing(instanceId: string, ref: MessageRef, pingState: string): void {
    const o = this.hot.get(instanceId);
    if (o) this.put({ ...o, pingRef: ref, pingState });
  }
}
