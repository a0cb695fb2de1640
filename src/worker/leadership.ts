import type { Clock } from '../clock/clock.ts';
import type { Instant, Millis } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { Store } from '../ports/store.ts';
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
 * instance can take over: no message goes out twice.
 */
export class Leadership {
  readonly #o: LeadershipOptions;
  #validUntil: Instant = 0;
  #role: ReplicaRole = 'follower';
  #lastCheckAt: Instant | null = null;

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
    let granted = false;
    try {
      granted = await this.#o.store.acquireLease(this.#name(), this.#o.holder, asked, ttl);
      this.#lastCheckAt = this.#o.clock.now();
    } catch (err) {
      this.#o.logger.warn({ err: describeError(err) }, 'lease check failed');
    }
    if (granted) this.#validUntil = asked + ttl - Math.min(1_000, ttl / 5);
    this.#setRole(granted ? 'leader' : this.holds() ? 'leader' : 'follower');
    return this.#role === 'leader';
  }

  /** True while the lease is surely ours (used before every send). */
  holds(): boolean {
    return this.#o.clock.now() < this.#validUntil;
  }

  async release(): Promise<void> {
    this.#validUntil = 0;
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
