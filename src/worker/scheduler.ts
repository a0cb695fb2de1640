import type { Clock } from '../clock/clock.ts';
import type { Instant, Millis } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { WorkerEvents } from './events.ts';
import { cronTicker, type Ticker } from './ticker.ts';

export interface RunResult {
  readonly nextDueAt: Instant | null;
  /** Work is waiting (more pages, a full outbox batch): run again shortly. */
  readonly more: boolean;
}

export interface SchedulerOptions {
  readonly clock: Clock;
  /** The poll interval in force (may change on config reload). */
  readonly every: () => Millis;
  readonly run: (reason: string) => Promise<RunResult>;
  readonly events: WorkerEvents;
  readonly logger: Logger;
  readonly ticker?: Ticker;
  /** Pause before a follow-up run when `more` work is waiting. */
  readonly moreDelay?: Millis;
}

/** setTimeout takes at most a signed 32-bit delay. */
const MAX_DELAY = 2 ** 31 - 1;
const MIN_REARM: Millis = 1_000;
const WATCHDOG: Millis = 5_000;

/**
 * Runs the cycle one poll interval after the last scheduled start and at the next due moment, never
 * two at once: a trigger during a run is remembered and runs right after it.
 *
 * The poll has a precise timer for `last start + every`. node-cron ticks only on multiples of a
 * step (a 2 s poll: even seconds), so a cycle started between two ticks (after a long cycle, a due
 * or `more` run) would wait for the first tick a whole interval after it: up to a step more. The
 * cron tick and a monotonic watchdog stay as backstops. Timer, tick and watchdog all pass the same
 * gate on the injected clock, and the gate reads the last start, which a run sets as it begins: two
 * of them at the same moment start one cycle. A timer that fires early is re-armed; a clock that
 * jumps is handled by comparing with the clock every time.
 */
export class Scheduler {
  readonly #o: SchedulerOptions;
  #ticker: { stop(): void } | null = null;
  #watchdog: NodeJS.Timeout | null = null;
  #tickerEvery: Millis = 0;
  #timer: NodeJS.Timeout | null = null;
  #pollTimer: NodeJS.Timeout | null = null;
  #soon: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #pending: string | null = null;
  #lastStart: Instant | null = null;
  /** Reasons given to `extra`: their runs leave the poll schedule alone. */
  readonly #extras = new Set<string>();
  #stopped = true;

  constructor(options: SchedulerOptions) {
    this.#o = options;
  }

  start(): void {
    this.#stopped = false;
    this.#startTicker();
    // node-cron plans by wall time and stalls for as long as the clock was set back; a monotonic
    // interval keeps the poll going meanwhile (ticks are gated, so this never doubles a poll).
    this.#watchdog = setInterval(() => this.#tick(), WATCHDOG);
    this.#watchdog.unref();
    this.trigger('start');
  }

  #startTicker(): void {
    this.#ticker?.stop();
    this.#tickerEvery = this.#o.every();
    this.#ticker = (this.#o.ticker ?? cronTicker)(this.#tickerEvery, () => this.#tick());
  }

  /** Stops scheduling; resolves when a cycle under way has finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#ticker?.stop();
    this.#ticker = null;
    if (this.#watchdog) clearInterval(this.#watchdog);
    this.#watchdog = null;
    this.#clearTimers();
    this.#pending = null;
    await this.#running;
  }

  get running(): boolean {
    return this.#running !== null;
  }

  /** Runs a cycle now, or right after the one under way. */
  trigger(reason: string): void {
    if (this.#stopped) return;
    if (this.#running) {
      // A waiting poll or due run is never replaced by an extra one (the extra's worker re-asks).
      if (this.#pending === null || this.#extras.has(this.#pending)) this.#pending = reason;
      return;
    }
    this.#running = this.#runOnce(reason).finally(() => {
      this.#running = null;
      const next = this.#pending;
      this.#pending = null;
      if (next !== null) this.trigger(next);
    });
  }

  /**
   * Runs an extra cycle for `reason` (a webhook) now or after the one under way, without moving the
   * poll schedule: the next poll still comes one interval after the last scheduled run.
   */
  extra(reason: string): void {
    this.#extras.add(reason);
    if (this.#running && this.#pending !== null) return;
    this.trigger(reason);
  }

  #tick(): void {
    this.#pollIfDue();
  }

  /** Triggers the poll when an interval has passed since the last scheduled start; says whether it did. */
  #pollIfDue(): boolean {
    const now = this.#o.clock.now();
    const last = this.#lastStart;
    // A clock that jumped backwards (last start in the future) must not stall polling.
    if (last !== null && now >= last && now - last < this.#o.every()) return false;
    this.trigger('poll');
    return true;
  }

  async #runOnce(reason: string): Promise<void> {
    if (!this.#extras.has(reason)) {
      this.#lastStart = this.#o.clock.now();
      this.#armPoll();
    }
    let result: RunResult = { nextDueAt: null, more: false };
    try {
      result = await this.#o.run(reason);
    } catch (err) {
      this.#o.logger.error({ err }, 'cycle runner threw');
    }
    if (this.#stopped) return;
    if (this.#o.every() !== this.#tickerEvery) this.#startTicker();
    this.#armPoll(); // the interval may have changed (config reload)
    this.#arm(result.nextDueAt);
    if (result.more && this.#soon === null) {
      this.#soon = setTimeout(() => {
        this.#soon = null;
        this.trigger('more');
      }, this.#o.moreDelay ?? 1_000);
    }
  }

  #arm(at: Instant | null): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (at === null || this.#stopped) return;
    // Something "due" already at the end of a run was not resolved by it: retry after a pause, not in a loop.
    const delay = Math.min(MAX_DELAY, Math.max(MIN_REARM, at - this.#o.clock.now()));
    this.#o.events.emit('timer:armed', { at, delayMs: delay });
    this.#timer = setTimeout(() => {
      this.#timer = null;
      const now = this.#o.clock.now();
      if (now < at) {
        this.#o.events.emit('timer:premature', { at, now });
        this.#arm(at);
        return;
      }
      this.trigger('due');
    }, delay);
  }

  /**
   * Arms the poll timer for one interval after the last scheduled start (at once when that has
   * passed: a cycle longer than the interval is followed right away). One timer: arming replaces it.
   */
  #armPoll(): void {
    if (this.#pollTimer) clearTimeout(this.#pollTimer);
    this.#pollTimer = null;
    const last = this.#lastStart;
    if (last === null || this.#stopped) return;
    const delay = Math.min(MAX_DELAY, Math.max(0, last + this.#o.every() - this.#o.clock.now()));
    this.#pollTimer = setTimeout(() => {
      this.#pollTimer = null;
      // Early by the clock (set back, or a timer a millisecond ahead of it): wait for the rest.
      if (!this.#pollIfDue()) this.#armPoll();
    }, delay);
  }

  #clearTimers(): void {
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#soon) clearTimeout(this.#soon);
    if (this.#pollTimer) clearTimeout(this.#pollTimer);
    this.#timer = null;
    this.#soon = null;
    this.#pollTimer = null;
  }
}
