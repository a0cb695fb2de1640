import type { Evaluation } from '../domain/evaluation.ts';
import type { SlaInstance, Touch } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { Cursors, Owner } from '../ports/crm-source.ts';
import type { MessageRef } from '../ports/notifier.ts';
import { type InstancePageKey, pageKeyOf, type Store, type StoredInstance } from '../ports/store.ts';
import { evaluationFingerprint } from './cycle/fingerprint.ts';
import { inactiveOwnerKey, unknownOwnerKey } from './cycle/owner-problems.ts';
import { HEARTBEAT_CURSOR, heartbeatOf } from './downtime.ts';
import { internInstance, internTouch } from './memory/intern-records.ts';
import { Interner } from './memory/interner.ts';
import { RecordedKeys } from './memory/recorded-keys.ts';
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

/** Open instances read from the store at once when the worker loads. */
export const LOAD_PAGE = 2_000;

/**
 * Judged and not final: such an instance is judged again as its due moments come, so its
 * contact's touches are kept in memory. A settled one is judged again only when its contact has a
 * new touch or the world changes; its touches are then read from the store.
 */
const unsettled = (o: OpenInstance): boolean => o.evaluation !== null && !o.evaluation.settled;

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
  /** Open instances by id. Change them through `put` and `close`, which keep the record below. */
  readonly open = new Map<string, OpenInstance>();
  #changes = new Map<string, OpenInstance | undefined>();
  #contacts: ReadonlySet<string> | null = null;
  /**
   * Instances closed lately, with when: a poll that sees their handoff again (a webhook brought it
   * first, so the poll's cursor never marked it seen) must not open them a second time.
   */
  readonly closedRecently = new Map<string, Instant>();
  /**
   * Touches of the contacts with an unsettled open instance, complete (all the store holds and
   * what the last cycle brought). Other contacts' touches are read from the store when needed.
   */
  readonly #touches = new Map<string, Touch[]>();
  /** How many unsettled open instances each contact has (the contacts whose touches are kept). */
  readonly #unsettled = new Map<string, number>();
  /** Notification keys (engine keys, not per target) already recorded in the outbox. */
  readonly recordedKeys = new RecordedKeys();
  /** One string for equal values of what is kept per open lead. */
  readonly strings = new Interner();
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
    // In pages, each turned into its memory form before the next is read: never every stored
    // row (lead JSON and evaluation with its due list) at once.
    let after: InstancePageKey | null = null;
    for (;;) {
      const page = await store.openInstancesPage(after, pageSize);
      const wanted = new Set<string>();
      for (const stored of page) {
        const o = state.#adopt(stored);
        const contactId = o.instance.lead.contactId;
        if (unsettled(o) && !state.#touches.has(contactId)) wanted.add(contactId);
      }
      if (wanted.size > 0) {
        const read = await store.touchesOf([...wanted]);
        for (const contactId of wanted) state.#touches.set(contactId, []);
        state.addTouches(read);
      }
      const last = page[page.length - 1];
      if (last === undefined || page.length < pageSize) break;
      after = pageKeyOf(last);
    }
    return state;
  }

  /** A stored open instance in its memory form (shared strings, evaluation without `due`). */
  #adopt(s: StoredInstance): OpenInstance {
    const instance = internInstance(this.strings, s.instance);
    const o: OpenInstance = {
      instance,
      evaluation: s.evaluation ? { ...s.evaluation, instanceId: instance.id, due: NONE } : null,
      fingerprint: s.evaluation ? evaluationFingerprint(s.evaluation) : null,
      pingRef: s.pingRef ? { channel: this.strings.intern(s.pingRef.channel), ts: s.pingRef.ts } : null,
      pingState: this.strings.maybe(s.pingState),
    };
    this.open.set(instance.id, o);
    this.#count(o, 1);
    this.#contacts = null;
    return o;
  }

  /** A new or changed instance with shared strings, before it is judged and kept. */
  adoptInstance(instance: SlaInstance): SlaInstance {
    return internInstance(this.strings, instance);
  }

  /** Adds new or changed touches of the contacts whose touches are kept (the store has the others'). */
  addTouches(touches: readonly Touch[]): void {
    for (const t of touches) {
      const kept = this.#touches.get(t.contactId);
      if (kept === undefined) continue;
      const shared = internTouch(this.strings, t);
      const at = kept.findIndex((k) => k.id === t.id);
      if (at < 0) kept.push(shared);
      else kept[at] = shared;
    }
  }

  /**
   * Keeps a contact's complete touches (as just read from the store and merged with the cycle's)
   * when it has an unsettled open instance and they are not kept yet.
   */
  holdTouches(contactId: string, touches: readonly Touch[]): void {
    if (!this.#unsettled.has(contactId) || this.#touches.has(contactId)) return;
    this.#touches.set(
      contactId,
      touches.map((t) => internTouch(this.strings, t)),
    );
  }

  /** The contact's touches when kept in memory (all of them); `null`: read them from the store. */
  keptTouches(contactId: string): readonly Touch[] | null {
    return this.#touches.get(contactId) ?? null;
  }

  /** Contacts whose touches are kept in memory. */
  get keptContacts(): number {
    return this.#touches.size;
  }

  /** Counts `o` in (or out of) its contact's unsettled instances; the contact's touches go at zero. */
  #count(o: OpenInstance, delta: 1 | -1): void {
    if (!unsettled(o)) return;
    const contactId = o.instance.lead.contactId;
    const n = (this.#unsettled.get(contactId) ?? 0) + delta;
    if (n > 0) this.#unsettled.set(contactId, n);
    else {
      this.#unsettled.delete(contactId);
      this.#touches.delete(contactId);
    }
  }

  /** The contacts of the open instances (kept until the open set changes: read it, do not keep it). */
  openContactIds(): ReadonlySet<string> {
    if (this.#contacts === null) {
      const ids = new Set<string>();
      for (const o of this.open.values()) ids.add(o.instance.lead.contactId);
      this.#contacts = ids;
    }
    return this.#contacts;
  }

  /** Adds or replaces an open instance (noted for `takeChanges`). */
  put(o: OpenInstance): void {
    const id = o.instance.id;
    const was = this.open.get(id);
    if (was === o) return;
    this.#note(id, was);
    if (!was || was.instance.lead.contactId !== o.instance.lead.contactId) this.#contacts = null;
    this.open.set(id, o);
    // Counted in before the old one is counted out: a contact staying unsettled keeps its touches.
    this.#count(o, 1);
    if (was) this.#count(was, -1);
  }

  /** Drops an instance the cycle closed, remembering it for a while (see `closedRecently`). */
  close(instanceId: string, at: Instant): void {
    const was = this.open.get(instanceId);
    if (was) {
      this.#note(instanceId, was);
      this.#contacts = null;
      this.#count(was, -1);
    }
    this.open.delete(instanceId);
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
    const o = this.open.get(instanceId);
    if (!o) return;
    this.close(instanceId, at);
    if (o.instance.ownerId !== null) this.homeDirty.add(o.instance.ownerId);
  }

  setPing(instanceId: string, ref: MessageRef, pingState: string): void {
    const o = this.open.get(instanceId);
    if (o) this.put({ ...o, pingRef: ref, pingState });
  }
}
