import type { Target } from '../../domain/policy.ts';
import type { Instant } from '../../domain/time.ts';
import type { MessageCopy, MessageRef } from '../../ports/notifier.ts';
import type {
  NewOutboxEntry,
  OutboxEntry,
  OutboxState,
  OutboxSummary,
  ShownMessage,
} from '../../ports/store.ts';
import { StoreNotFoundError } from '../errors.ts';
import { insertEach } from '../sql/batch.ts';
import {
  int,
  intOrNull,
  json,
  oneOf,
  storedJson,
  storedJsonOrNull,
  text,
  textOrNull,
} from '../sql/columns.ts';
import type { SqlExecutor, SqlRow, SqlValue } from '../sql/driver.ts';

const STATES: readonly OutboxState[] = ['pending', 'sent', 'failed'];
const KINDS: readonly OutboxEntry['kind'][] = [
  'handoff',
  'reminder',
  'breach',
  'escalation',
  'attempts_shortfall',
  'overkill',
  'reassigned',
  'admin_alert',
];

export const OUTBOX_COLUMNS = [
  'idempotency_key',
  'instance_id',
  'kind',
  'target',
  'payload',
  'due_at',
  'created_at',
  'state',
  'attempts',
  'next_attempt_at',
  'last_error',
  'ref_channel',
  'ref_ts',
  'sent_at',
  'fallback',
  'in_doubt_since',
  'claimed_epoch',
  'claimed_at',
  'shown',
  'about_owner',
  'copies',
  'edit_due_at',
  'edit_next_at',
  'edit_seq',
] as const;
const SELECT = `SELECT ${OUTBOX_COLUMNS.join(', ')} FROM outbox`;

/** Where a row of alias `t` stands among its instance's rows: created earlier, then the ping, then due. */
const place = (t: string) =>
  `(${t}.created_at, CASE WHEN ${t}.kind = 'handoff' THEN 0 ELSE 1 END, ${t}.due_at, ${t}.idempotency_key)`;

/** Inserts new pending rows; a key already present (in any state) is left alone. */
export async function insertOutbox(
  db: SqlExecutor,
  entries: readonly NewOutboxEntry[],
  now: Instant,
): Promise<void> {
  await insertEach(db, {
    table: 'outbox',
    columns: [
      'idempotency_key',
      'instance_id',
      'kind',
      'target',
      'payload',
      'due_at',
      'created_at',
      'state',
      'next_attempt_at',
    ],
    items: entries,
    values: (e): SqlValue[] => [
      e.key,
      e.instanceId,
      e.kind,
      e.target === null ? null : json(e.target),
      json(e.payload),
      e.dueAt,
      now,
      'pending',
      e.dueAt,
    ],
    onConflict: 'ON CONFLICT (idempotency_key) DO NOTHING',
  });
}

/**
 * Due pending rows, oldest due first. A row waits while an earlier row of its instance (`place`: created
 * earlier; in one cycle, the handoff ping first) is pending and either not due yet or later in the
 * batch's order (then it goes first, this row next time): a breach note never overtakes the ping held
 * back by an outage. One query: the partial index `outbox_pending_instance` finds an instance's
 * pending rows (a handful) for each due row.
 */
export async function duePending(db: SqlExecutor, now: Instant, limit: number): Promise<OutboxEntry[]> {
  const rows = await db.query(
    `SELECT ${OUTBOX_COLUMNS.map((c) => `o.${c}`).join(', ')} FROM outbox o
      WHERE o.state = 'pending' AND o.next_attempt_at <= $1
        AND NOT EXISTS (
          SELECT 1 FROM outbox e
           WHERE e.instance_id = o.instance_id AND e.state = 'pending'
             AND ${place('e')} < ${place('o')}
             AND (e.next_attempt_at > $1 OR (e.due_at, e.idempotency_key) > (o.due_at, o.idempotency_key)))
      ORDER BY o.due_at, o.idempotency_key LIMIT $2`,
    [now, limit],
  );
  return rows.map(outboxEntry);
}

export async function outboxEntryByKey(db: SqlExecutor, key: string): Promise<OutboxEntry | null> {
  const [row] = await db.query(`${SELECT} WHERE idempotency_key = $1`, [key]);
  return row ? outboxEntry(row) : null;
}

export async function outboxBetween(db: SqlExecutor, from: Instant, until: Instant): Promise<OutboxEntry[]> {
  const rows = await db.query(
    `${SELECT} WHERE due_at >= $1 AND due_at < $2 ORDER BY due_at, idempotency_key`,
    [from, until],
  );
  return rows.map(outboxEntry);
}

/** One instance's rows (the `outbox_instance` index), by due time. */
export async function outboxOf(db: SqlExecutor, instanceId: string): Promise<OutboxEntry[]> {
  const rows = await db.query(`${SELECT} WHERE instance_id = $1 ORDER BY due_at, idempotency_key`, [
    instanceId,
  ]);
  return rows.map(outboxEntry);
}

/** Rows with dueAt in [from, until) without their payloads (reports read tens of thousands). */
export async function outboxSummariesBetween(
  db: SqlExecutor,
  from: Instant,
  until: Instant,
): Promise<OutboxSummary[]> {
  const rows = await db.query(
    `SELECT idempotency_key, instance_id, kind, target, state, due_at, sent_at FROM outbox
       WHERE due_at >= $1 AND due_at < $2 ORDER BY due_at, idempotency_key`,
    [from, until],
  );
  return rows.map(
    (row): OutboxSummary => ({
      key: text(row, 'idempotency_key'),
      instanceId: textOrNull(row, 'instance_id'),
      kind: oneOf(row, 'kind', KINDS),
      target: storedJsonOrNull<Target>(row, 'target'),
      state: oneOf(row, 'state', STATES),
      dueAt: int(row, 'due_at'),
      sentAt: intOrNull(row, 'sent_at'),
    }),
  );
}

/**
 * pending|failed → sent; true when this call recorded it. Already sent: a no-op returning false (the
 * first delivery's ref and time stay).
 */
export async function markSent(
  db: SqlExecutor,
  key: string,
  ref: MessageRef,
  fallback: string | null,
  now: Instant,
  shown: ShownMessage | null = null,
): Promise<boolean> {
  const changed = await db.run(
    `UPDATE outbox SET state = 'sent', attempts = attempts + 1, ref_channel = $2, ref_ts = $3, sent_at = $4,
       fallback = $5, in_doubt_since = NULL, shown = $6, about_owner = $7, copies = $8
       WHERE idempotency_key = $1 AND state <> 'sent'`,
    [key, ref.channel, ref.ts, now, fallback, ...shownValues(shown)],
  );
  if (changed > 0) return true;
  await mustExist(db, key, 'markSent');
  return false;
}

/** The columns of what a sent message shows (`shown`, `about_owner`, `copies`), as written. */
export const shownValues = (shown: ShownMessage | null): SqlValue[] =>
  shown === null ? [null, null, null] : [shown.fingerprint, shown.aboutOwner, json(shown.copies)];

/** Pending: in doubt from `at` on, unless an earlier time is already set. */
export async function markInDoubt(db: SqlExecutor, key: string, at: Instant): Promise<void> {
  const changed = await db.run(
    `UPDATE outbox SET in_doubt_since = COALESCE(in_doubt_since, $2)
       WHERE idempotency_key = $1 AND state = 'pending'`,
    [key, at],
  );
  if (changed === 0) await mustExist(db, key, 'markInDoubt');
}

/** pending → sent, without a ref: maybe delivered, not checkable (at most once). */
export async function markUnconfirmed(
  db: SqlExecutor,
  key: string,
  error: string,
  now: Instant,
): Promise<void> {
  const changed = await db.run(
    `UPDATE outbox SET state = 'sent', attempts = attempts + 1, last_error = $2, sent_at = $3,
       in_doubt_since = NULL WHERE idempotency_key = $1 AND state = 'pending'`,
    [key, error, now],
  );
  if (changed === 0) await mustExist(db, key, 'markUnconfirmed');
}

/**
 * pending → pending, tried again at `nextAttemptAt`; `clearInDoubt` forgets the in-doubt time. A row
 * already sent or failed is left alone.
 */
export async function markRetry(
  db: SqlExecutor,
  key: string,
  error: string,
  nextAttemptAt: Instant,
  clearInDoubt = false,
): Promise<void> {
  const changed = await db.run(
    `UPDATE outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3,
       in_doubt_since = CASE WHEN $4 = 1 THEN NULL ELSE in_doubt_since END
       WHERE idempotency_key = $1 AND state = 'pending'`,
    [key, error, nextAttemptAt, clearInDoubt ? 1 : 0],
  );
  if (changed === 0) await mustExist(db, key, 'markRetry');
}

/** pending → failed (reported to admins by the worker). A row already sent stays sent. */
export async function markFailed(db: SqlExecutor, key: string, error: string, now: Instant): Promise<void> {
  const changed = await db.run(
    `UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = $2, failed_at = $3,
       in_doubt_since = NULL WHERE idempotency_key = $1 AND state = 'pending'`,
    [key, error, now],
  );
  if (changed === 0) await mustExist(db, key, 'markFailed');
}

export async function mustExist(db: SqlExecutor, key: string, what: string): Promise<void> {
  const rows = await db.query('SELECT 1 AS found FROM outbox WHERE idempotency_key = $1', [key]);
  if (rows.length === 0) throw new StoreNotFoundError(`${what}: no outbox entry with key ${key}`);
}

export function outboxEntry(row: SqlRow): OutboxEntry {
  const channel = textOrNull(row, 'ref_channel');
  const ts = textOrNull(row, 'ref_ts');
  const editDueAt = intOrNull(row, 'edit_due_at');
  const editNextAt = intOrNull(row, 'edit_next_at');
  return {
    key: text(row, 'idempotency_key'),
    instanceId: textOrNull(row, 'instance_id'),
    kind: oneOf(row, 'kind', KINDS),
    target: storedJsonOrNull<Target>(row, 'target'),
    payload: storedJson<unknown>(row, 'payload'),
    dueAt: int(row, 'due_at'),
    createdAt: int(row, 'created_at'),
    state: oneOf(row, 'state', STATES),
    attempts: int(row, 'attempts'),
    nextAttemptAt: int(row, 'next_attempt_at'),
    lastError: textOrNull(row, 'last_error'),
    ref: channel !== null && ts !== null ? { channel, ts } : null,
    sentAt: intOrNull(row, 'sent_at'),
    fallback: textOrNull(row, 'fallback'),
    inDoubtSince: intOrNull(row, 'in_doubt_since'),
    claimedEpoch: intOrNull(row, 'claimed_epoch'),
    claimedAt: intOrNull(row, 'claimed_at'),
    shown: textOrNull(row, 'shown'),
    aboutOwner: textOrNull(row, 'about_owner'),
    copies: storedJsonOrNull<MessageCopy[]>(row, 'copies'),
    edit:
      editDueAt === null
        ? null
        : { dueAt: editDueAt, nextAt: editNextAt ?? editDueAt, seq: int(row, 'edit_seq') },
  };
}
