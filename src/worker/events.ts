import { EventEmitter } from 'node:events';
import type { NotificationKind } from '../domain/evaluation.ts';
import type { CloseReason } from '../domain/model.ts';
import type { Instant, Millis } from '../domain/time.ts';
import type { Backfill } from './shared/backfill-record.ts';

export type CycleOutcome = 'ok' | 'degraded' | 'failed';
export type ReplicaRole = 'leader' | 'follower';
export type ExternalSystem = 'hubspot' | 'slack';

/**
 * Typed lifecycle events of the worker. They feed the metrics and let tests wait for a moment
 * ("the third cycle finished") instead of sleeping.
 */
export interface WorkerEventMap {
  'cycle:start': { readonly cycle: number; readonly now: Instant; readonly reason: string };
  /** The poll interval in force as a poll starts (`poll.every`, or what `auto` came to). */
  'poll:pace': { readonly everyMs: Millis; readonly requestsPerPoll: number | null };
  'cycle:done': {
    readonly cycle: number;
    readonly now: Instant;
    readonly outcome: CycleOutcome;
    readonly durationMs: Millis;
    readonly handoffs: number;
    readonly recorded: number;
    readonly error: string | null;
  };
  /** First-contact verdicts of all open instances after a cycle's evaluation. */
  verdicts: {
    readonly pending: number;
    readonly met: number;
    readonly breached: number;
    readonly excused: number;
  };
  /**
   * How the open instances are held after a cycle: `whole` in memory (unsettled, or changed this
   * cycle), `compact` (settled: an index entry, read from the store when they change; ADR 0007).
   */
  'open:held': { readonly whole: number; readonly compact: number };
  'notify:sent': {
    readonly key: string;
    readonly kind: NotificationKind | 'admin_alert';
    readonly lateBy: Millis;
  };
  'notify:retry': { readonly key: string; readonly error: string };
  'notify:failed': { readonly key: string; readonly error: string };
  'notify:skipped': { readonly key: string; readonly reason: string };
  /** A sent message was updated in place: what it said about its instance is no longer true (issue 15). */
  'message:edited': {
    readonly key: string;
    readonly kind: NotificationKind;
    readonly instanceId: string;
  };
  'queue:depth': { readonly pending: number };
  'role:changed': { readonly role: ReplicaRole };
  'outage:start': { readonly system: ExternalSystem; readonly since: Instant };
  'outage:end': { readonly system: ExternalSystem; readonly from: Instant; readonly until: Instant };
  /** A cycle stored the first-install import's progress (src/worker/poll/backfill.ts). */
  'backfill:progress': Backfill;
  /** The worker itself was not running past the outage threshold (found at start-up). */
  'downtime:recorded': { readonly from: Instant; readonly until: Instant };
  /** An instance was closed outside the cycle (Slack "Not a fit"): the worker stops judging it. */
  'instance:closed': { readonly instanceId: string; readonly at: Instant; readonly reason: CloseReason };
  /**
   * A HubSpot write-back (SLA outcome properties, a breach task, or its completion when the breach is
   * retracted) succeeded, will be retried, or was given up.
   */
  'writeback:done': { readonly key: string; readonly kind: 'outcome' | 'breach_task' | 'retract_task' };
  'writeback:retry': { readonly key: string; readonly error: string };
  'writeback:failed': { readonly key: string; readonly error: string };
  /** A rep's App Home tab was republished because their open leads changed. */
  'home:refreshed': { readonly email: string };
  'config:reloaded': { readonly summary: string };
  'config:rejected': { readonly problems: readonly string[] };
  'timer:armed': { readonly at: Instant; readonly delayMs: Millis };
  'timer:premature': { readonly at: Instant; readonly now: Instant };
}

export type WorkerEventName = keyof WorkerEventMap;

/** A typed wrapper over EventEmitter: `emit` and `on` only accept the events of the map. */
export class WorkerEvents {
  readonly #emitter = new EventEmitter();

  constructor() {
    this.#emitter.setMaxListeners(100);
  }

  emit<K extends WorkerEventName>(name: K, payload: WorkerEventMap[K]): void {
    this.#emitter.emit(name, payload);
  }

  on<K extends WorkerEventName>(name: K, listener: (payload: WorkerEventMap[K]) => void): () => void {
    this.#emitter.on(name, listener);
    return () => this.#emitter.off(name, listener);
  }

  /** Resolves with the first event of `name` that satisfies `match` (test synchronisation). */
  next<K extends WorkerEventName>(
    name: K,
    match: (payload: WorkerEventMap[K]) => boolean = () => true,
  ): Promise<WorkerEventMap[K]> {
    return new Promise((resolve) => {
      const off = this.on(name, (payload) => {
        if (!match(payload)) return;
        off();
        resolve(payload);
      });
    });
  }
}
