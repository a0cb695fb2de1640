import type { Clock } from '../clock/clock.ts';
import type { Instant, Millis } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { LeaseToken, Store } from '../ports/store.ts';
import { describeError } from './errors.ts';
import type { ReplicaRole, WorkerEvents } from './events.ts';

export interface LeadershipOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly events: WorkerEvents;
  readonly logger: Logger;
  /** Unique per process, e.g. `host:pid:random`. */
  readonly holder: string;
  readonly ttl: () => Millis;
  readonly name?: string;
}

/**
 * Leader election through `Store.acquireLease`. The lease is trusted only until `ttl` after the
 * request *started* (minus a safety margin), so a leader that stalls stops sending before another
 * instance can take over. A leader can stall *after* that check, though (a paused process, a long
 * pause of the event loop): every send therefore also carries the lease's epoch (`token`), and the
 * store refuses a claim by an epoch a takeover has moved past (ADR 0012).
 */
export class Leadership {
  readonly #o: LeadershipOptions;
  #validUntil: Instant = 0;
  #role: ReplicaRole = 'follower';
  #lastCheckAt: Instant | null = null;
  #epoch: number | null = null;

  constructor(options: LeadershipOptions) {
    this.#o = options;
  }

  get role(): ReplicaRole {
    return this.#role;
  }

  /** When the lease was last checked successfully (a standby is healthy while it keeps checking). */
  get lastCheckAt(): Instant | null {
    return this.#lastCheckAt;
  }

  /** Takes or renews the lease. Returns true when this instance leads; emits `role:changed`. */
  async check(): Promise<boolean> {
    const asked = this.#o.clock.now();
    const ttl = this.#o.ttl();
    let epoch: number | null = null;
    try {
      epoch = await this.#o.store.acquireLease(this.#name(), this.#o.holder, asked, ttl);
      this.#lastCheckAt = this.#o.clock.now();
    } catch (err) {
      this.#o.logger.warn({ err: describeError(err) }, 'lease check failed');
    }
    if (epoch !== null) {
      this.#validUntil = asked + ttl - Math.min(1_000, ttl / 5);
      if (this.#role === 'leader' && this.#epoch !== null && epoch > this.#epoch + 1) {
        // Taken again after it ran out, and another replica led meanwhile (its takeover moved the
        // epoch too): what this one remembers is stale, so its state is read again from the store.
        this.#o.logger.warn({ from: this.#epoch, to: epoch }, 'lease taken back after another replica led');
        this.#setRole('follower');
      }
      this.#epoch = epoch;
    }
    this.#setRole(epoch !== null ? 'leader' : this.holds() ? 'leader' : 'follower');
    return this.#role === 'leader';
  }

  /** True while the lease is surely ours (used before every send). */
  holds(): boolean {
    return this.#o.clock.now() < this.#validUntil;
  }

  /** The lease as held now, the fencing token of every send; `null` when it is not surely ours. */
  token(): LeaseToken | null {
    if (this.#epoch === null || !this.holds()) return null;
    return { name: this.#name(), holder: this.#o.holder, epoch: this.#epoch };
  }

  async release(): Promise<void> {
    this.#validUntil = 0;
    this.#epoch = null;
    this.#setRole('follower');
    try {
      await this.#o.store.releaseLease(this.#name(), this.#o.holder);
    } catch (err) {
      this.#o.logger.warn({ err: describeError(err) }, 'lease release failed; it will expire');
    }
  }

  #name(): string {
    return this.#o.name ?? 'sla-bot:cycle';
  }

  #setRole(role: ReplicaRole): void {
    if (role === this.#role) return;
    this.#role = role;
    this.#o.logger.info({ role, holder: this.#o.holder }, 'instance role changed');
    this.#o.events.emit('role:changed', { role });
  }
}
