import type { Clock } from '../clock/clock.ts';
import type { Instant, Millis } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { CrmSource } from '../ports/crm-source.ts';
import type { LeadWriter } from '../ports/lead-writer.ts';
import type { Notifier } from '../ports/notifier.ts';
import type { Store } from '../ports/store.ts';
import type { ConfigHolder } from './config-reloader.ts';
import { type CycleReport, failedCycle, runCycle } from './cycle/run-cycle.ts';
import type { HomeOptions } from './delivery/refresh-homes.ts';
import { recordDowntime } from './downtime.ts';
import type { Engine } from './engine.ts';
import type { CycleOutcome, WorkerEvents } from './events.ts';
import type { HealthSnapshot } from './health.ts';
import { Leadership } from './leadership.ts';
import type { CrmMirror } from './mirror/crm-mirror.ts';
import { OutageTracker } from './outage-tracker.ts';
import { assumedPollEvery, type PollPace } from './poll/poll-pace.ts';
import { type RunResult, Scheduler } from './scheduler.ts';
import type { Backfill } from './shared/backfill-record.ts';
import type { Ticker } from './ticker.ts';
import { WorkerState } from './worker-state.ts';

export interface WorkerOptions {
  /** Failing longer than this is an outage: admins are alerted, breaches inside it excused. */
  readonly outageThreshold: Millis;
  readonly maxAttempts: number;
  readonly maxPages: number;
  readonly deliverLimit: number;
  /** Instances whose messages are delivered side by side (a burst of handoffs to many reps). */
  readonly deliverConcurrency?: number;
  /** How long a lease lasts; defaults to half the poll interval, at least 3 s (takeover within one interval). */
  readonly leaseTtl?: (every: Millis) => Millis;
  readonly ticker?: Ticker;
  /** How long an owner id HubSpot does not list may own a lead before admins are told (default 20 min). */
  readonly unknownOwnerGrace?: Millis;
  /** App Home republishing: per cycle and per rep limits. */
  readonly home?: HomeOptions;
  /** HubSpot write-backs per cycle (default 20). */
  readonly writeBackLimit?: number;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  outageThreshold: 5 * 60_000,
  maxAttempts: 12,
  maxPages: 20,
  deliverLimit: 200,
  deliverConcurrency: 8,
};

export interface WorkerDeps {
  readonly crm: CrmSource;
  readonly store: Store;
  readonly notifier: Notifier;
  /** HubSpot write-back (outcome properties, breach tasks); absent or `null` in a dry run. */
  readonly leadWriter?: LeadWriter | null;
  readonly engine: Engine;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly events: WorkerEvents;
  readonly config: ConfigHolder;
  readonly holder: string;
  readonly options: WorkerOptions;
  /** Owners and deals copied into the store for reports; absent: not copied. */
  readonly mirror?: CrmMirror;
  /** The poll interval (`poll.every`, or `auto` from HubSpot's answers); absent: `auto` as assumed. */
  readonly pace?: Pick<PollPace, 'every'>;
}

/** The scheduler reason of webhook cycles. */
const WEBHOOK = 'webhook';
/** Contacts waiting for a webhook read at most; beyond it they wait for the next poll. */
const MAX_INBOX = 10_000;

const defaultTtl = (every: Millis): Millis => Math.max(3_000, Math.round(every / 2));

/**
 * The worker: leadership, in-memory state, the scheduled cycle. `runOnce` is one full cycle;
 * `start` keeps cycling until `stop`, which lets the cycle under way finish, stops sending and
 * releases the lease.
 */
export class Worker {
  readonly #d: WorkerDeps;
  readonly #leadership: Leadership;
  readonly #outages: OutageTracker;
  readonly #scheduler: Scheduler;
  #state: WorkerState | null = null;
  #leaseLoop: NodeJS.Timeout | null = null;
  #stopping = false;
  #cycle = 0;
  #last: { at: Instant; outcome: CycleOutcome } | null = null;
  #lastSuccessAt: Instant | null = null;
  /** Contacts named by webhooks, waiting for their targeted read. */
  readonly #inbox = new Set<string>();
  #nextDueAt: Instant | null = null;
  /** The first-install import as the last cycle left it (for /readyz). */
  #backfill: Backfill | null = null;

  constructor(deps: WorkerDeps) {
    this.#d = deps;
    this.#outages = new OutageTracker(deps.options.outageThreshold);
    this.#leadership = new Leadership({
      store: deps.store,
      clock: deps.clock,
      events: deps.events,
      logger: deps.logger,
      holder: deps.holder,
      ttl: () => (deps.options.leaseTtl ?? defaultTtl)(this.#every()),
    });
    this.#scheduler = new Scheduler({
      clock: deps.clock,
      every: () => this.#every(),
      run: (reason) => this.#scheduled(reason),
      events: deps.events,
      logger: deps.logger,
      ...(deps.options.ticker ? { ticker: deps.options.ticker } : {}),
    });
    deps.events.on('instance:closed', ({ instanceId }) => {
      // Closed outside the cycle (Slack): stop judging it; without state, the next load reads the store.
      this.#state?.memory.closedOutside.add(instanceId);
    });
    deps.events.on('role:changed', ({ role }) => {
      if (role === 'follower')
        this.#state = null; // reload from the store when leading again
      else if (!this.#stopping) this.#scheduler.trigger('became-leader');
    });
  }

  #every(): Millis {
    return this.#d.pace?.every(this.#d.clock.now()) ?? assumedPollEvery(this.#d.config.current);
  }

  health(): HealthSnapshot {
    return {
      role: this.#leadership.role,
      lastCycleAt: this.#last?.at ?? null,
      lastOutcome: this.#last?.outcome ?? null,
      lastSuccessAt: this.#lastSuccessAt,
      lastLeaseCheckAt: this.#leadership.lastCheckAt,
      stopping: this.#stopping,
      backfill: this.#backfill,
    };
  }

  get pollEvery(): Millis {
    return this.#every();
  }

  start(): void {
    this.#stopping = false;
    const renew = () => {
      if (!this.#stopping) void this.#leadership.check();
    };
    this.#leaseLoop = setInterval(
      renew,
      Math.max(500, Math.round((this.#d.options.leaseTtl ?? defaultTtl)(this.#every()) / 3)),
    );
    this.#scheduler.start();
  }

  /**
   * Contacts a HubSpot webhook named: read them by id in a cycle of their own as soon as possible
   * (after the cycle under way), without moving the poll schedule. Polling stays the safety net.
   */
  ingestContacts(contactIds: readonly string[]): void {
    if (this.#stopping) return;
    let dropped = 0;
    for (const id of contactIds) {
      if (this.#inbox.size < MAX_INBOX || this.#inbox.has(id)) this.#inbox.add(id);
      else dropped += 1;
    }
    if (dropped > 0)
      this.#d.logger.warn(
        { dropped, waiting: this.#inbox.size },
        'webhook inbox full; polling will find them',
      );
    this.#scheduler.extra(WEBHOOK);
  }

  /** One full cycle (poll, judge, deliver), as leader; `null` when another instance leads. */
  async runOnce(): Promise<CycleReport | null> {
    if (!(await this.#leadership.check())) return null;
    return this.#runCycle('once');
  }

  async stop(): Promise<void> {
    this.#stopping = true;
    if (this.#leaseLoop) clearInterval(this.#leaseLoop);
    this.#leaseLoop = null;
    await this.#scheduler.stop();
    if (this.#leadership.role === 'leader') await this.#leadership.release();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }

  async #scheduled(reason: string): Promise<RunResult> {
    const leading = await this.#leadership.check();
    if (!leading || this.#stopping) return { nextDueAt: null, more: false };
    const contacts = reason === WEBHOOK ? [...this.#inbox] : undefined;
    if (contacts?.length === 0) return { nextDueAt: this.#nextDueAt, more: false };
    this.#inbox.clear();
    const report = await this.#runCycle(reason, contacts);
    this.#nextDueAt = report.nextDueAt;
    // Contacts that arrived during a poll wait for their own read.
    if (this.#inbox.size > 0) queueMicrotask(() => this.#scheduler.extra(WEBHOOK));
    return { nextDueAt: report.nextDueAt, more: report.more && report.outcome === 'ok' };
  }

  /**
   * Loads the state from the store and records the worker's own downtime since the last heartbeat
   * (start-up, becoming leader, after a failed cycle): breaches whose deadline fell in it are excused.
   */
  async #load(logger: Logger): Promise<WorkerState> {
    const d = this.#d;
    const state = await WorkerState.load(d.store, logger);
    await recordDowntime(
      { store: d.store, events: d.events, logger },
      state.poll.heartbeat,
      d.clock.now(),
      d.options.outageThreshold,
    );
    return state;
  }

  async #runCycle(reason: string, contacts?: readonly string[]): Promise<CycleReport> {
    const d = this.#d;
    const cycle = ++this.#cycle;
    const started = d.clock.now();
    const logger = d.logger.child({ cycle });
    d.events.emit('cycle:start', { cycle, now: started, reason });
    let report: CycleReport;
    try {
      this.#state ??= await this.#load(logger);
      this.#state.judging.config = d.config.identity;
      report = await runCycle(
        {
          ...d,
          logger,
          config: () => d.config.current,
          outages: this.#outages,
          canSend: () => !this.#stopping && this.#leadership.holds(),
          lease: () => (this.#stopping ? null : this.#leadership.token()),
          maxAttempts: d.options.maxAttempts,
          maxPages: d.options.maxPages,
          deliverLimit: d.options.deliverLimit,
          ...(d.options.deliverConcurrency === undefined
            ? {}
            : { concurrency: d.options.deliverConcurrency }),
          ...(d.options.unknownOwnerGrace === undefined
            ? {}
            : { unknownOwnerGrace: d.options.unknownOwnerGrace }),
          ...(d.options.home === undefined ? {} : { home: d.options.home }),
          ...(d.options.writeBackLimit === undefined ? {} : { writeBackLimit: d.options.writeBackLimit }),
        },
        this.#state,
        contacts,
      );
    } catch (err) {
      // Loading state failed: nothing was changed, the next cycle starts over.
      this.#state = null;
      logger.error({ err }, 'worker state could not be loaded');
      report = failedCycle(String(err));
    }
    const now = d.clock.now();
    const imports = this.#state?.poll.backfill ?? null;
    if (imports !== null && imports !== 'first-install') this.#backfill = imports;
    this.#last = { at: now, outcome: report.outcome };
    if (report.outcome === 'ok') this.#lastSuccessAt = now;
    if (report.outcome === 'failed') this.#state = null;
    d.events.emit('cycle:done', {
      cycle,
      now,
      outcome: report.outcome,
      durationMs: now - started,
      handoffs: report.handoffs,
      recorded: report.recorded,
      error: report.error,
    });
    logger.info(
      {
        outcome: report.outcome,
        handoffs: report.handoffs,
        recorded: report.recorded,
        delivery: report.delivery,
        durationMs: now - started,
        ...(report.judgingLeft > 0 ? { judgingLeft: report.judgingLeft } : {}),
      },
      'cycle finished',
    );
    return report;
  }
}
