import type { Evaluation } from '../domain/evaluation.ts';
import type { SlaInstance, Touch } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { Cursors, Owner } from '../ports/crm-source.ts';
import type { MessageRef } from '../ports/notifier.ts';
import type { Store } from '../ports/store.ts';
import { evaluationFingerprint } from './cycle/fingerprint.ts';
import { HEARTBEAT_CURSOR, heartbeatOf } from './downtime.ts';
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
 * The worker's memory: open instances, their touches, cursors and the notification keys already in
 * the outbox. Loaded from the store at start and whenever this instance becomes leader; changed
 * only after the store accepted a cycle's write, so a failed cycle leaves it as it was.
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
  readonly touches = new Map<string, Map<string, Touch>>();
  /** Notification keys (engine keys, not per target) already recorded in the outbox. */
  readonly recordedKeys = new Set<string>();
  owners: readonly Owner[] = [];
  /**
   * The start of the last cycle whose touch poll succeeded: touches logged before it are known. A
   * breach is told only once touches up to its deadline have been read (HubSpot lagging or down
   * must not make a rep who called in time look late).
   */
  touchesReadAt = Number.NEGATIVE_INFINITY;
  /** What the instances were last judged against (config, silences, outages, owners); see `worldFingerprint`. */
  judgedWorld: string | null = null;
  /** Acknowledgements per instance when it was last judged (only instances that have any). */
  readonly ackCounts = new Map<string, number>();
  /** Bumped on every config swap: settled instances are re-evaluated under a new config. */
  configVersion = 0;
  evaluatedConfigVersion = -1;

  static async load(store: Store, logger?: Logger): Promise<WorkerState> {
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
    const stored = await store.openInstances();
    for (const s of stored) {
      state.open.set(s.instance.id, {
        instance: s.instance,
        evaluation: s.evaluation ? withoutDue(s.evaluation) : null,
        fingerprint: s.evaluation ? evaluationFingerprint(s.evaluation) : null,
        pingRef: s.pingRef,
        pingState: s.pingState,
      });
    }
    const contactIds = [...new Set(stored.map((s) => s.instance.lead.contactId))];
    if (contactIds.length > 0) state.addTouches(await store.touchesOf(contactIds));
    return state;
  }

  addTouches(touches: readonly Touch[]): void {
    for (const t of touches) {
      let byId = this.touches.get(t.contactId);
      if (!byId) {
        byId = new Map();
        this.touches.set(t.contactId, byId);
      }
      byId.set(t.id, t);
    }
  }

  touchesOf(contactId: string): readonly Touch[] {
    const byId = this.touches.get(contactId);
    return byId ? [...byId.values()] : [];
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
  }

  /** Drops an instance the cycle closed, remembering it for a while (see `closedRecently`). */
  close(instanceId: string, at: Instant): void {
    const was = this.open.get(instanceId);
    if (was) {
      this.#note(instanceId, was);
      this.#contacts = null;
    }
    this.open.delete(instanceId);
    this.closedRecently.set(instanceId, at);
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
