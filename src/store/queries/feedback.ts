import type { Acknowledgement } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import type { Rejection } from '../../ports/store.ts';
import { queryByIds } from '../sql/batch.ts';
import { int, text, textOrNull } from '../sql/columns.ts';
import type { SqlExecutor, SqlRow } from '../sql/driver.ts';

/**
 * Records the first "On it" of a stored instance. `false` when it was already acknowledged (the
 * first one stands) or when the instance is unknown (a button on a message from another database).
 */
export async function acknowledge(db: SqlExecutor, ack: Acknowledgement): Promise<boolean> {
  const changed = await db.run(
    `INSERT INTO acknowledgements (instance_id, acked_by, acked_by_name, at)
     SELECT $1, $2, $3, CAST($4 AS BIGINT) WHERE EXISTS (SELECT 1 FROM instances WHERE id = $1)
     ON CONFLICT (instance_id) DO NOTHING`,
    [ack.instanceId, ack.by, ack.byName ?? null, ack.at],
  );
  return changed > 0;
}

export async function acknowledgements(
  db: SqlExecutor,
  instanceIds: readonly string[],
): Promise<Acknowledgement[]> {
  const rows = await queryByIds(instanceIds, (placeholders, ids) =>
    db.query(
      `SELECT instance_id, acked_by, acked_by_name, at FROM acknowledgements WHERE instance_id IN (${placeholders})
       ORDER BY at, instance_id`,
      ids,
    ),
  );
  return rows.map(acknowledgement);
}

/** Acknowledgements made at or after `since`, oldest first. */
export async function acknowledgementsSince(db: SqlExecutor, since: Instant): Promise<Acknowledgement[]> {
  const rows = await db.query(
    'SELECT instance_id, acked_by, acked_by_name, at FROM acknowledgements WHERE at >= $1 ORDER BY at, instance_id',
    [since],
  );
  return rows.map(acknowledgement);
}

function acknowledgement(row: SqlRow): Acknowledgement {
  const byName = textOrNull(row, 'acked_by_name');
  return {
    instanceId: text(row, 'instance_id'),
    by: text(row, 'acked_by'),
    ...(byName === null ? {} : { byName }),
    at: int(row, 'at'),
  };
}

/** Records the first "Not a fit" of a stored instance; `false` when already rejected or unknown. */
export async function reject(db: SqlExecutor, rejection: Rejection): Promise<boolean> {
  const changed = await db.run(
    `INSERT INTO rejections (instance_id, reason, rejected_by, at)
     SELECT $1, $2, $3, CAST($4 AS BIGINT) WHERE EXISTS (SELECT 1 FROM instances WHERE id = $1)
     ON CONFLICT (instance_id) DO NOTHING`,
    [rejection.instanceId, rejection.reason, rejection.by, rejection.at],
  );
  return changed > 0;
}

export async function rejections(db: SqlExecutor, from: Instant, until: Instant): Promise<Rejection[]> {
  const rows = await db.query(
    `SELECT instance_id, reason, rejected_by, at FROM rejections WHERE at >= $1 AND at < $2
     ORDER BY at, instance_id`,
    [from, until],
  );
  return rows.map((row) => ({
    instanceId: text(row, 'instance_id'),
    reason: text(row, 'reason'),
    by: text(row, 'rejected_by'),
    at: int(row, 'at'),
  }));
}
