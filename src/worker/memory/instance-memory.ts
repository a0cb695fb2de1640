import type { SlaInstance, Touch } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import type { OpenContacts, WatchedInstance, WatchedInstances } from '../../ports/crm-source.ts';
import type { MessageRef } from '../../ports/notifier.ts';

import {
  type InstancePageKey,
  type OpenInstanceSummary,
  pageKeyOf,
  type Store,
  type StoredInstance,
  type VerdictFacts,
} from '../../ports/store.ts';
import { evaluationFingerprint } from '../shared/fingerprint.ts';
import { inactiveOwnerKey, ownedSince, unknownOwnerKey } from '../shared/owner-problems.ts';
import { internInstance } from './intern-records.ts';
import { Interner } from './interner.ts';
import { KeptTouches } from './kept-touches.ts';
import { NONE, type OpenInstance, quiet, quietSummary, unsettled } from './open-instance.ts';
import { OpenInstanceIndex } from './open-instance-index.ts';
import { RecordedKeys } from './recorded-keys.ts';
import {
  type JudgedVerdict,
  SettledInstances,
  settledInstanceOf,
  type VerdictTally,
  verdictOf,
} from './settled-instances.ts';

/**
 * Open instances read from the store at once when the worker loads or reads settled ones back;
 * small for the reason `JUDGE_CHUNK` is.
 */
export const LOAD_PAGE = 250;

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
  /** The other open instances: settled and quiet, kept compact (see `SettledInstances`). */
  readonly settled = new SettledInstances();
  #changes = new Map<string, OpenInstance | undefined>();
  /** Every open instance, hot or settled, as HubSpot polling asks about them (see `OpenInstanceIndex`). */
  readonly #open = new OpenInstanceIndex(
    (id) => this.hot.get(id)?.instance ?? this.settled.get(id),
    () => this.#everyOpen(),
  );
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

  static async load(
    store: Pick<Store, 'openInstanceSummariesPage' | 'openInstancesByIds' | 'touchesOf'>,
    pageSize = LOAD_PAGE,
  ): Promise<InstanceMemory> {
    const state = new InstanceMemory();
    // Summaries first, a page at a time (no lead snapshot or evaluation body parsed): settled ones
    // go straight to the compact index, the others are read whole with their contacts' touches.
    let after: InstancePageKey | null = null;
    state.#open.startLoad();
    for (;;) {
      const page = await store.openInstanceSummariesPage(after, pageSize);
      const whole: string[] = [];
      for (const summary of page) {
        if (quietSummary(summary)) state.#settleSummary(summary);
        else whole.push(summary.id);
      }
      const wanted = new Set<string>();
      for (const stored of whole.length > 0 ? await store.openInstancesByIds(whole) : []) {
        const o = state.#adopt(stored);
        state.#open.opened(o.instance);
        if (quiet(o)) state.#settleOne(o);
        else if (unsettled(o) && state.touches.of(o.instance.lead.contactId) === null)
          wanted.add(o.instance.lead.contactId);
      }
      if (wanted.size > 0) {
        const read = new Map<string, Touch[]>([...wanted].map((contactId) => [contactId, []]));
        for (const t of await store.touchesOf([...wanted])) read.get(t.contactId)?.push(t);
        for (const [contactId, touches] of read) state.touches.hold(contactId, touches);
      }
      const last = page[page.length - 1];
      if (last === undefined || page.length < pageSize) break;
      after = pageKeyOf(last);
    }
    state.#open.endLoad();
    return state;
  }

  /** A stored open instance in its memory form (shared strings, evaluation without `due`), kept hot. */
  #adopt(s: StoredInstance): OpenInstance {
    const o = this.#memoryForm(s);
    this.hot.set(o.instance.id, o);
    this.#count(o, 1);
    return o;
  }

  #memoryForm(s: StoredInstance): OpenInstance {
    const instance = internInstance(this.strings, s.instance);
    return {
      instance,
      evaluation: s.evaluation ? { ...s.evaluation, instanceId: instance.id, due: NONE } : null,
      fingerprint: s.evaluation ? evaluationFingerprint(s.evaluation) : null,
      pingRef: s.pingRef ? { channel: this.strings.intern(s.pingRef.channel), ts: s.pingRef.ts } : null,
      pingState: this.strings.maybe(s.pingState),
    };
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
   * the cycle, with the notification keys their stored evaluations recorded. An id the store no
   * longer has open (closed by another process) is let go. Returns the instances now hot.
   */
  async wake(store: Pick<Store, 'openInstancesByIds'>, ids: Iterable<string>): Promise<OpenInstance[]> {
    const wanted = [...new Set(ids)].filter((id) => this.settled.has(id));
    if (wanted.length === 0) return [];
    const woken: OpenInstance[] = [];
    const found = new Set<string>();
    for (let start = 0; start < wanted.length; start += LOAD_PAGE) {
      const stored = await store.openInstancesByIds(wanted.slice(start, start + LOAD_PAGE));
      for (const s of stored) {
        if (!this.settled.has(s.instance.id)) continue;
        found.add(s.instance.id);
        woken.push(this.#wakeOne(s));
      }
    }
    for (const id of wanted) if (!found.has(id)) this.#drop(id);
    return woken;
  }

  /** A settled instance as read back from the store, kept hot (not a change: it was open already). */
  #wakeOne(s: StoredInstance): OpenInstance {
    this.settled.remove(s.instance.id);
    for (const n of s.evaluation?.due ?? []) this.recordedKeys.add(n.key, n.instanceId);
    return this.#adopt(s);
  }

  /**
   * A settled instance read back from the store to be judged (a changed world is judged in pages,
   * not woken all at once): its memory form, and the notification keys its stored evaluation
   * recorded. Stays settled unless `keepWoken` is called.
   */
  readBack(s: StoredInstance): OpenInstance {
    for (const n of s.evaluation?.due ?? []) this.recordedKeys.add(n.key, n.instanceId);
    return this.#memoryForm(s);
  }

  /** An instance read back by `readBack` that must be kept whole after all (unsettled, ping to update). */
  keepWoken(o: OpenInstance): void {
    if (!this.settled.has(o.instance.id)) return;
    this.settled.remove(o.instance.id);
    this.hot.set(o.instance.id, o);
    this.#count(o, 1);
  }

  /** A read-back instance judged and still settled: its new verdict counted, its keys let go again. */
  stillSettled(instanceId: string, verdict: JudgedVerdict): void {
    this.settled.setVerdict(instanceId, verdict);
    this.recordedKeys.forget(instanceId);
  }

  /**
   * Moves the quiet hot instances (settled, ping up to date) to the settled index: the end of a
   * cycle, once pings are updated. Not a change of the open set: nothing is noted for `takeChanges`.
   */
  settle(): void {
    for (const o of this.hot.values())
      if (quiet(o) && !this.closedOutside.has(o.instance.id)) this.#settleOne(o);
  }

  /** A settled instance known from its summary alone (the worker's start). */
  #settleSummary(s: OpenInstanceSummary & { readonly verdict: VerdictFacts }): void {
    const strings = this.strings;
    const contactId = strings.intern(s.lead.contactId);
    const entry = {
      id: s.id,
      lead: {
        objectType: s.lead.objectType,
        objectId: s.lead.objectType === 'contact' ? contactId : strings.intern(s.lead.objectId),
        contactId,
      },
      stage: strings.intern(s.stage),
      enteredAt: s.enteredAt,
      ownerId: strings.maybe(s.ownerId),
      verdict: verdictOf(s.verdict),
      ownedSince: ownedSince(s),
    };
    this.settled.add(entry);
    this.#open.opened(entry);
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

  /** Counts `o` in (or out of) its contact's unsettled instances (see `KeptTouches`). */
  #count(o: OpenInstance, delta: 1 | -1): void {
    if (unsettled(o)) this.touches.count(o.instance.lead.contactId, delta);
  }

  /** The contacts of the open instances, hot and settled (a live view: it follows the open set). */
  openContactIds(): OpenContacts {
    return this.#open.contacts;
  }

  /** Every open lead as the read-back of open leads sees it, hot and settled, in lead-key order. */
  watched(): WatchedInstances {
    return this.#open.order;
  }

  *#everyOpen(): Iterable<WatchedInstance> {
    for (const o of this.hot.values()) yield o.instance;
    yield* this.settled.values();
  }

  /** First-contact verdicts of the open instances judged so far, hot and settled. */
  tally(): VerdictTally {
    const tally: VerdictTally = { pending: 0, met: 0, breached: 0, excused: 0 };
    for (const o of this.hot.values()) if (o.evaluation) tally[verdictOf(o.evaluation)] += 1;
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
