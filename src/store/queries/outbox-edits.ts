import type { Instant } from '../../domain/time.ts';
import type { LeaseToken, OutboxEntry, SendClaim, ShownMessage } from '../../ports/store.ts';
import { queryByIds } from '../sql/batch.ts';
import type { SqlExecutor } from '../sql/driver.ts';
import { mustExist, OUTBOX_COLUMNS, outboxEntry, shownValues } from './outbox.ts';
import { claimRow } from './outbox-claims.ts';

/**
 * Sent messages brought up to date in place (issue 15): what each shows (`shown`, `about_owner`,
 * `copies`), and the requests to check it when its instance's truth changes (`edit_due_at`,
 * `edit_next_at`, `edit_seq`), made in the transaction that changed the truth.
 */

/**
 * Asks for the sent messages of these instances (those Slack gave a ref) to be checked against the
 * instance's truth: the first request since the message was last brought up to date sets `edit_due_at`;
 * every request counts in `edit_seq` and makes it due now (a retry's wait is over: the truth changed).
 */
export async function requestEdits(
  db: SqlExecutor,
  instanceIds: readonly string[],
  now: Instant,
): Promise<void> {
  await queryByIds(instanceIds, async (placeholders, ids) => {
    const at = `$${ids.length + 1}`;
    await db.run(
      `UPDATE outbox SET edit_due_at = COALESCE(edit_due_at, ${at}), edit_next_at = ${at}, edit_seq = edit_seq + 1
         WHERE instance_id IN (${placeholders}) AND state = 'sent' AND ref_ts IS NOT NULL`,
      [...ids, now],
    );
    return [];
  });
}

/**
 * Sent rows with an edit due by `now`: the oldest request first; an instance's rows asked for together
 * stay together, in the order they were sent out (`place`: the ping first).
 */
export async function dueEdits(db: SqlExecutor, now: Instant, limit: number): Promise<OutboxEntry[]> {
  const rows = await db.query(
    `SELECT ${OUTBOX_COLUMNS.map((c) => `o.${c}`).join(', ')} FROM outbox o
      WHERE o.edit_due_at IS NOT NULL AND o.edit_next_at <= $1
      ORDER BY o.edit_next_at, o.instance_id, o.created_at, CASE WHEN o.kind = 'handoff' THEN 0 ELSE 1 END,
        o.due_at, o.idempotency_key LIMIT $2`,
    [now, limit],
  );
  return rows.map(outboxEntry);
}

/**
 * Claims a sent row with an edit due for `lease`'s epoch, immediately before an update in place: as
 * `claimForSend` (the holder must hold the lease at that epoch; the row's last claim must be its own or
 * the one it read), so a replaced leader changes nothing.
 */
export function claimForEdit(
  db: SqlExecutor,
  key: string,
  lease: LeaseToken,
  seenEpoch: number | null,
  now: Instant,
): Promise<SendClaim> {
  return claimRow(
    db,
    { key, lease, seenEpoch, now },
    {
      set: null,
      where: "state = 'sent' AND edit_due_at IS NOT NULL",
      what: 'claimForEdit',
    },
  );
}

/**
 * Records what a sent message shows now and clears the edit requests up to `seenSeq` (a newer one stays
 * due). With `epoch` (an update was made under that claim): only while the row's last claim is still
 * that epoch; else another leadership claimed it since and this update may have replaced a newer one,
 * so nothing is recorded and the row is asked to be checked again, with what it shows unknown.
 */
export async function markEdited(
  db: SqlExecutor,
  key: string,
  shown: ShownMessage,
  seenSeq: number,
  epoch: number | null,
  now: Instant,
): Promise<boolean> {
  const changed = await db.run(
    `UPDATE outbox SET shown = $2, about_owner = $3, copies = $4,
       edit_due_at = CASE WHEN edit_seq = $5 THEN NULL ELSE edit_due_at END,
       edit_next_at = CASE WHEN edit_seq = $5 THEN NULL ELSE edit_next_at END
       WHERE idempotency_key = $1 AND ($6 = 0 OR COALESCE(claimed_epoch, 0) = $6)`,
    [key, ...shownValues(shown), seenSeq, epoch ?? 0],
  );
  if (changed > 0) return true;
  await mustExist(db, key, 'markEdited');
  await db.run(
    `UPDATE outbox SET shown = NULL, edit_due_at = COALESCE(edit_due_at, $2), edit_next_at = $2,
       edit_seq = edit_seq + 1 WHERE idempotency_key = $1`,
    [key, now],
  );
  return false;
}

/** An update in place failed transiently: tried again at `nextAt` (unless a new request made it due sooner). */
export async function markEditRetry(db: SqlExecutor, key: string, nextAt: Instant): Promise<void> {
  const changed = await db.run(
    'UPDATE outbox SET edit_next_at = $2 WHERE idempotency_key = $1 AND edit_due_at IS NOT NULL',
    [key, nextAt],
  );
  if (changed === 0) await mustExist(db, key, 'markEditRetry');
}
