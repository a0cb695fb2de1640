import type { Instant } from '../../src/domain/time.ts';
import type { MessageRef } from '../../src/ports/notifier.ts';
import type { NewOutboxEntry, OutboxEntry, OutboxSummary } from '../../src/ports/store.ts';
import { StoreNotFoundError, StoreQueryError } from '../../src/store/errors.ts';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byDue = (a: OutboxEntry, b: OutboxEntry): number => a.dueAt - b.dueAt || compare(a.key, b.key);

/** The Store port's notification log, in memory, with the SQL adapters' semantics (FakeStore delegates here). */
export class MemoryOutbox {
  /** Every entry by its idempotency key. */
  readonly rows = new Map<string, OutboxEntry>();

  /** The SQL stores' foreign key: a new entry must point at a stored instance (or at none). */
  refuseStray(what: string, entries: readonly NewOutboxEntry[], isStored: (id: string) => boolean): void {
    const stray = entries.find(
      (e) => e.instanceId !== null && !this.rows.has(e.key) && !isStored(e.instanceId),
    );
    if (stray)
      throw new StoreQueryError(`${what}: no SLA instance ${stray.instanceId} for ${stray.key}`, null);
  }

  /** New pending rows; a key already present (in any state) is left alone. */
  insert(entries: readonly NewOutboxEntry[], now: Instant): void {
    for (const e of entries) {
      if (this.rows.has(e.key)) continue;
      this.rows.set(e.key, {
        ...e,
        createdAt: now,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: e.dueAt,
        lastError: null,
        ref: null,
        sentAt: null,
        fallback: null,
        inDoubtSince: null,
      });
    }
  }

  due(now: Instant, limit: number): OutboxEntry[] {
    return [...this.rows.values()]
      .filter((e) => e.state === 'pending' && e.nextAttemptAt <= now)
      .sort(byDue)
      .slice(0, limit);
  }

  /** pending|failed → sent. Already sent: a no-op (the first delivery's ref and time stay). */
  markSent(key: string, ref: MessageRef, fallback: string | null, now: Instant): void {
    this.#update('markSent', key, (e) =>
      e.state === 'sent'
        ? e
        : { ...e, state: 'sent', ref, fallback, sentAt: now, attempts: e.attempts + 1, inDoubtSince: null },
    );
  }

  /** Pending: in doubt from `at` on, unless an earlier time is already set. */
  markInDoubt(key: string, at: Instant): void {
    this.#update('markInDoubt', key, (e) =>
      e.state === 'pending' ? { ...e, inDoubtSince: e.inDoubtSince ?? at } : e,
    );
  }

  /** pending → sent, without a ref. */
  markUnconfirmed(key: string, error: string, now: Instant): void {
    this.#update('markUnconfirmed', key, (e) =>
      e.state === 'pending'
        ? { ...e, state: 'sent', lastError: error, sentAt: now, attempts: e.attempts + 1, inDoubtSince: null }
        : e,
    );
  }

  /** pending → pending, tried again at `nextAttemptAt`. A row already sent or failed is left alone. */
  markRetry(key: string, error: string, nextAttemptAt: Instant, clearInDoubt: boolean): void {
    this.#update('markRetry', key, (e) =>
      e.state === 'pending'
        ? {
            ...e,
            lastError: error,
            nextAttemptAt,
            attempts: e.attempts + 1,
            inDoubtSince: clearInDoubt ? null : e.inDoubtSince,
          }
        : e,
    );
  }

  /** pending → failed. A row already sent stays sent. */
  markFailed(key: string, error: string): void {
    this.#update('markFailed', key, (e) =>
      e.state === 'pending'
        ? { ...e, state: 'failed', lastError: error, attempts: e.attempts + 1, inDoubtSince: null }
        : e,
    );
  }

  /** Rows with dueAt in [from, until), in due order. */
  between(from: Instant, until: Instant): OutboxEntry[] {
    return [...this.rows.values()].filter((e) => e.dueAt >= from && e.dueAt < until).sort(byDue);
  }

  summariesBetween(from: Instant, until: Instant): OutboxSummary[] {
    return this.between(from, until).map(({ key, instanceId, kind, target, state, dueAt, sentAt }) => ({
      key,
      instanceId,
      kind,
      target,
      state,
      dueAt,
      sentAt,
    }));
  }

  #update(what: string, key: string, change: (e: OutboxEntry) => OutboxEntry): void {
    const prev = this.rows.get(key);
    if (!prev) throw new StoreNotFoundError(`${what}: no outbox entry with key ${key}`);
    this.rows.set(key, change(prev));
  }
}
