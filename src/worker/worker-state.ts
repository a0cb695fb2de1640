import type { Evaluation } from '../domain/evaluation.ts';
import type { SlaInstance, Touch } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { Cursors, OpenContacts, Owner, WatchedLead, WatchedLeads } from '../ports/crm-source.ts';
import type { MessageRef } from '../ports/notifier.ts';
import {
  type InstancePageKey,
  type OpenInstanceSummary,
  pageKeyOf,
  type Store,
  type StoredInstance,
  type VerdictFacts,
} from '../ports/store.ts';
import { evaluationFingerprint, pingFingerprint } from './cycle/fingerprint.ts';
import { inactiveOwnerKey, unknownOwnerKey } from './cycle/owner-problems.ts';
import { HEARTBEAT_CURSOR, heartbeatOf } from './downtime.ts';
import { internInstance } from './memory/intern-records.ts';
import { Interner } from './memory/interner.ts';
import { KeptTouches } from './memory/kept-touches.ts';
import { OpenLeads } from './memory/open-leads.ts';
import { RecordedKeys } from './memory/recorded-keys.ts';
import {
  ownedSince,
  SettledLeads,
  settledLeadOf,
  type Verdict,
  type VerdictTally,
  verdictOf,
} from './memory/settled-leads.ts';
import {
  EMPTY_QUEUE,
  parseQueue,
  serializeQueue,
  WRITE_BACK_CURSOR,
  type WriteBackQueue,
} from './write-back/write-back-queue.ts';

const NONE: Evaluation['due'] = [];

/**
 * An evaluation as kept in memory: its `due` list (every notification of the instance so far, the
 * bulk of it) is only read when the evaluation is made — to record new notifications and for the
 * fingerprint — so it is dropped (about 0.8 KB per open instance; 80 MB at 100,000).
 */
export const withoutDue = (e: Evaluation): Evaluation => (e.due.length === 0 ? e : { ...e, due: NONE });

/**
 * Open instances read from the store at once when the worker loads or reads settled ones back;
 * small for the reason `JUDGE_CHUNK` is.
 */
export const LOAD_PAGE = 250;

/**
 * Judged and not final: such an instance is judged again as its due moments come, so its
 * contact's touches are kept in memory. A settled one is judged again only when its contact has a
 * new touch or the world changes; its touches are then read from the store.
 */
const unsettled = (o: OpenInstance): boolean => o.evaluation !== null && !o.evaluation.settled;

/**
 * Settled, judged, and its handoff ping (if any) shows what it says: nothing about it changes until
 * its contact, its lead or the world does, so it need not be kept whole (see `SettledLeads`).
 */
const quiet = (o: OpenInstance): boolean =>
  o.evaluation?.settled === true &&
  o.fingerprint !== null &&
  (o.pingRef === null || o.pingState === pingFingerprint(o.evaluation, false));

/** `quiet`, told from a stored instance's summary. */
const quietSummary = (
  s: OpenInstanceSummary,
): s is OpenInstanceSummary & { readonly verdict: VerdictFacts } =>
  s.verdict?.settled === true && (!s.hasPing || s.pingState === pingFingerprint(s.verdict, false));

/** One open instance as the worker keeps it between cycles. */
export interface OpenInstance {
  readonly instance: SlaInstance;
  readonly evaluation: Evaluation | null;
  /** Fingerprint of `evaluation`, to write evaluations only when they change. */
  readonly fingerprint: string | null;
  readonly pingRef: MessageRef | null;
  readonly pingState: string | null;
}

/**
 * The worker's memory: open instances, the touches of the unsettled ones, cursors and the
 * notification keys already in the outbox. Loaded from the store at start and whenever this
 * instance becomes leader; changed only after the store accepted a cycle's write, so a failed
 * cycle leaves it as it was.
 *
 * Open instances are kept in two forms (ADR 0007): `hot` ones whole — unsettled, just judged or
 * changed this cycle, or with a ping still to update — and `settled` ones in a compact index,
 * read back from the store (`wake`) when their contact, their lead or the world changes. `settle`
 * moves the quiet hot ones to the index at the end of a cycle. So memory and every per-cycle pass
 * follow the leads in flight, not the backlog of settled open leads.
 */
export class WorkerState {
  /** The CRM's resume points (the worker's own cursors, heartbeat and write-back queue, apart). */
  cursors: Cursors = {};
  /** The last heartbeat found in the store when this state was loaded. */
  heartbeat: Instant | null = null;
  /** HubSpot write-backs still to do, and the queue as the store last saved it. */
  writeBacks: WriteBackQueue = EMPTY_QUEUE;
  savedWriteBacks = serializeQueue(EMPTY_QUEUE);
  /** Instances closed outside the cycle (Slack "Not a fit"), dropped at the next judging. */
  readonly closedOutside = new Set<string>();
  /** Owners whose App Home tab shows outdated leads, and when each rep's Home was last published. */
  readonly homeDirty = new Set<string>();
  readonly homeShownAt = new Map<string, Instant>();
  /** Open instances kept whole, by id. Change them through `put` and `close`, which keep the record below. */
  readonly hot = new Map<string, OpenInstance>();
  /** The other open instances: settled and quiet, kept compact (see `SettledLeads`). */
  readonly settled = new SettledLeads();
  #changes = new Map<string, OpenInstance | undefined>();
  /** Every open instance, hot or settled, as HubSpot polling asks about them (see `OpenLeads`). */
  readonly #open = new OpenLeads(
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
  owners: readonly Owner[] = [];
  /**
   * The start of the last cycle whose touch poll succeeded: touches logged before it are known. A
   * breach is told only once touches up to its deadline have been read (HubSpot lagging or down
   * must not make a rep who called in time look late).
   */
  touchesReadAt = Number.NEGATIVE_INFINITY;
  /** What the instances were last judged against (config, silences, outages, owners); see `worldFingerprint`. */
  judgedWorld: string | null = null;
  /** Open instances last judged with their acknowledgement ("On it"; at most one each). */
  readonly acked = new Set<string>();
  /** When acknowledgements were last checked for new ones (`null`: not since this state was loaded). */
  acksCheckedAt: Instant | null = null;
  /** Bumped on every config swap: settled instances are re-evaluated under a new config. */
  configVersion = 0;
  evaluatedConfigVersion = -1;

  static async load(store: Store, logger?: Logger, pageSize = LOAD_PAGE): Promise<WorkerState> {
    const state = new WorkerState();
    const all = await store.cursors();
    const { [HEARTBEAT_CURSOR]: _heartbeat, [WRITE_BACK_CURSOR]: queue, ...crm } = all;
    state.cursors = crm;
    state.heartbeat = heartbeatOf(all);
    const parsed = parseQueue(queue);
    if (!parsed.ok)
      logger?.error(
        { problem: parsed.problem },
        'stored hubspot write-back queue unreadable; starting empty',
      );
    state.writeBacks = parsed.queue;
    state.savedWriteBacks = queue ?? serializeQueue(EMPTY_QUEUE);
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
  stillSettled(instanceId: string, verdict: Verdict): void {
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
    this.settled.add(settledLeadOf(o.instance, o.evaluation));
    // Read again from its stored evaluation when it wakes (see `wake`).
    this.recordedKeys.forget(id);
    this.acked.delete(id);
  }

  /** An instance gone from the store (closed elsewhere): let go, and its owner's App Home updated. */
  #drop(id: string): void {
    const entry = this.settled.remove(id);
    if (entry === undefined) return;
    this.#open.closed(entry);
    if (entry.ownerId !== null) this.homeDirty.add(entry.ownerId);
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
  watched(): WatchedLeads {
    return this.#open.order;
  }

  *#everyOpen(): Iterable<WatchedLead> {
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
    if (ownerId !== null) this.homeDirty.add(ownerId);
  }

  setPing(instanceId: string, ref: MessageRef, pingState: string): void {
    const o = this.hot.get(instanceId);
    if (o) this.put({ ...o, pingRef: ref, pingState });
  }
}
