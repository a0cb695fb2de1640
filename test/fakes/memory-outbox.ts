import type { Instant } from '../../src/domain/time.ts';
import type { MessageRef } from '../../src/ports/notifier.ts';
import type { NewOutboxEntry, OutboxEntry, OutboxSummary, ShownMessage } from '../../src/ports/store.ts';
import { StoreNotFoundError, StoreQueryError } from '../../src/store/errors.ts';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byDue = (a: OutboxEntry, b: OutboxEntry): number => a.dueAt - b.dueAt || compare(a.key, b.key);
/** Among one instance's rows: created earlier, then the handoff ping, then by due time and key. */
const byPlace = (a: OutboxEntry, b: OutboxEntry): number =>
  a.createdAt - b.createdAt || Number(a.kind !== 'handoff') - Number(b.kind !== 'handoff') || byDue(a, b);

const shownFields = (shown: ShownMessage | null) =>
  shown === null
    ? { shown: null, aboutOwner: null, copies: null }
    : { shown: shown.fingerprint, aboutOwner: shown.aboutOwner, copies: shown.copies };

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
        claimedEpoch: null,
        claimedAt: null,
        shown: null,
        aboutOwner: null,
        copies: null,
        edit: null,
      });
    }
  }

  /** Due pending rows, oldest due first; a row waits behind an earlier pending row of its instance. */
  due(now: Instant, limit: number): OutboxEntry[] {
    const pending = [...this.rows.values()].filter((e) => e.state === 'pending');
    const waits = (o: OutboxEntry) =>
      pending.some(
        (e) =>
          e.instanceId !== null &&
          e.instanceId === o.instanceId &&
          byPlace(e, o) < 0 &&
          (e.nextAttemptAt > now || byDue(e, o) > 0),
      );
    return pending
      .filter((e) => e.nextAttemptAt <= now && !waits(e))
      .sort(byDue)
      .slice(0, limit);
  }

  /** pending|failed → sent; false when it was sent already (the first delivery's ref and time stay). */
  markSent(
    key: string,
    ref: MessageRef,
    fallback: string | null,
    now: Instant,
    shown: ShownMessage | null = null,
  ): boolean {
    const before = this.rows.get(key);
    this.#update('markSent', key, (e) =>
      e.state === 'sent'
        ? e
        : {
            ...e,
            state: 'sent',
            ref,
            fallback,
            sentAt: now,
            attempts: e.attempts + 1,
            inDoubtSince: null,
            ...shownFields(shown),
          },
    );
    return before?.state !== 'sent';
  }

  /** Every edit request counted (`seq`), the first since the last update setting `dueAt`; due now. */
  #requested(e: OutboxEntry, now: Instant): OutboxEntry {
    const seq = (e.edit?.seq ?? this.#seqs.get(e.key) ?? 0) + 1;
    this.#seqs.set(e.key, seq);
    return { ...e, edit: { dueAt: e.edit?.dueAt ?? now, nextAt: now, seq } };
  }
  /** Request counts of rows whose edit was cleared (SQL keeps `edit_seq` on the row). */
  readonly #seqs = new Map<string, number>();

  /** Sent rows (with a ref) of these instances are to be checked. */
  requestEdits(instanceIds: readonly string[], now: Instant): void {
    const ids = new Set(instanceIds);
    for (const e of [...this.rows.values()])
      if (e.instanceId !== null && ids.has(e.instanceId) && e.state === 'sent' && e.ref !== null)
        this.rows.set(e.key, this.#requested(e, now));
  }

  /** Rows with an edit due: oldest request first, an instance's rows together in outbox order. */
  dueEdits(now: Instant, limit: number): OutboxEntry[] {
    return [...this.rows.values()]
      .filter((e) => e.edit !== null && e.edit.nextAt <= now)
      .sort(
        (a, b) =>
          (a.edit?.nextAt ?? 0) - (b.edit?.nextAt ?? 0) ||
          compare(a.instanceId ?? '', b.instanceId ?? '') ||
          byPlace(a, b),
      )
      .slice(0, limit);
  }

  /** Claims a sent row with an edit due, as `claim` (lease checked by the caller). */
  claimEdit(key: string, epoch: number, seenEpoch: number | null, now: Instant): boolean {
    const row = this.rows.get(key);
    if (!row) throw new StoreNotFoundError(`claimForEdit: no outbox entry with key ${key}`);
    const last = row.claimedEpoch ?? 0;
    if (row.state !== 'sent' || row.edit === null || (last !== epoch && last !== (seenEpoch ?? 0)))
      return false;
    this.rows.set(key, { ...row, claimedEpoch: epoch, claimedAt: now });
    return true;
  }

  /** Records what it shows; clears the requests up to `seenSeq`. Under a lost claim: checked again instead. */
  markEdited(key: string, shown: ShownMessage, seenSeq: number, epoch: number | null, now: Instant): boolean {
    const row = this.rows.get(key);
    if (!row) throw new StoreNotFoundError(`markEdited: no outbox entry with key ${key}`);
    if (epoch !== null && (row.claimedEpoch ?? 0) !== epoch) {
      this.rows.set(key, { ...this.#requested(row, now), shown: null });
      return false;
    }
    const seq = row.edit?.seq ?? this.#seqs.get(key) ?? 0;
    this.#seqs.set(key, seq);
    this.rows.set(key, { ...row, ...shownFields(shown), edit: seq === seenSeq ? null : row.edit });
    return true;
  }

  /** An edit retried at `nextAt`. */
  markEditRetry(key: string, nextAt: Instant): void {
    this.#update('markEditRetry', key, (e) => (e.edit === null ? e : { ...e, edit: { ...e.edit, nextAt } }));
  }

  /** Claims a pending row for `epoch` when its last claim is that epoch or `seenEpoch` (lease checked by the caller). */
  claim(key: string, epoch: number, seenEpoch: number | null, now: Instant): boolean {
    const row = this.rows.get(key);
    if (!row) throw new StoreNotFoundError(`claimForSend: no outbox entry with key ${key}`);
    const last = row.claimedEpoch ?? 0;
    if (row.state !== 'pending' || (last !== epoch && last !== (seenEpoch ?? 0))) return false;
    this.rows.set(key, {
      ...row,
      claimedEpoch: epoch,
      claimedAt: now,
      inDoubtSince: row.inDoubtSince ?? now,
    });
    return true;
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
