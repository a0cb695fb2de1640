import type { Reassignment } from '../../domain/reassign/reassignment.ts';
import type { Instant } from '../../domain/time.ts';
import type { PositionMove, ReassignmentOutcome, RecordReassignment } from '../../ports/reassignments.ts';
import { queryByIds } from '../sql/batch.ts';
import { int, intOrNull, json, oneOf, storedJson, text, textOrNull } from '../sql/columns.ts';
import type { SqlDriver, SqlExecutor, SqlRow } from '../sql/driver.ts';

const COLUMNS =
  'reassign_key, instance_id, deadline_at, kind, level, from_owner_id, to_owner_id, to_email, skipped, at, state, waited_ms';

/** Thrown inside the transaction to roll the insert back when the position moved. */
class PositionMoved extends Error {}

export async function recordReassignment(
  db: SqlDriver,
  r: Reassignment,
  move: PositionMove | null,
): Promise<RecordReassignment> {
  try {
    return await db.transaction(async (tx) => {
      const inserted = await tx.run(
        `INSERT INTO reassignments (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT DO NOTHING`,
        [
          r.key,
          r.instanceId,
          r.deadline,
          r.kind,
          r.level,
          r.fromOwnerId,
          r.toOwnerId,
          r.toEmail,
          json(r.skipped),
          r.at,
          r.state,
          r.waited,
        ],
      );
      if (inserted === 0) return 'taken';
      if (move !== null && !(await movePosition(tx, move, r.at))) throw new PositionMoved();
      return 'recorded';
    });
  } catch (error) {
    if (error instanceof PositionMoved || (error instanceof Error && error.cause instanceof PositionMoved))
      return 'position_moved';
    throw error;
  }
}

async function movePosition(tx: SqlExecutor, move: PositionMove, at: Instant): Promise<boolean> {
  const changed =
    move.from === null
      ? await tx.run(
          `INSERT INTO round_robin_positions (team, last_email, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (team) DO NOTHING`,
          [move.team, move.to, at],
        )
      : await tx.run(
          'UPDATE round_robin_positions SET last_email = $2, updated_at = $3 WHERE team = $1 AND last_email = $4',
          [move.team, move.to, at, move.from],
        );
  return changed > 0;
}

export async function reassignmentsOf(
  db: SqlExecutor,
  instanceIds: readonly string[],
): Promise<Reassignment[]> {
  const rows = await queryByIds(instanceIds, (placeholders, ids) =>
    db.query(
      `SELECT ${COLUMNS} FROM reassignments WHERE instance_id IN (${placeholders}) ORDER BY at, reassign_key`,
      ids,
    ),
  );
  return rows.map(reassignment);
}

export async function pendingReassignments(db: SqlExecutor, limit: number): Promise<Reassignment[]> {
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM reassignments WHERE state = 'pending' ORDER BY at, reassign_key LIMIT $1`,
    [limit],
  );
  return rows.map(reassignment);
}

export async function roundRobinPositions(db: SqlExecutor): Promise<Map<string, string>> {
  const rows = await db.query('SELECT team, last_email FROM round_robin_positions ORDER BY team');
  return new Map(rows.map((row) => [text(row, 'team'), text(row, 'last_email')]));
}

export async function claimReassignment(
  db: SqlExecutor,
  key: string,
  lease: { readonly name: string; readonly holder: string; readonly epoch: number },
): Promise<'claimed' | 'fenced' | 'taken'> {
  const changed = await db.run(
    `UPDATE reassignments SET claimed_epoch = $2
       WHERE reassign_key = $1 AND state = 'pending' AND COALESCE(claimed_epoch, 0) <= $2
         AND EXISTS (SELECT 1 FROM leases WHERE name = $3 AND holder = $4 AND epoch = $2)`,
    [key, lease.epoch, lease.name, lease.holder],
  );
  if (changed > 0) return 'claimed';
  const [held] = await db.query('SELECT epoch FROM leases WHERE name = $1 AND holder = $2', [
    lease.name,
    lease.holder,
  ]);
  return held === undefined || int(held, 'epoch') !== lease.epoch ? 'fenced' : 'taken';
}

export async function settleReassignment(
  db: SqlExecutor,
  key: string,
  outcome: ReassignmentOutcome,
  error: string | null,
  now: Instant,
): Promise<void> {
  await db.run(
    `UPDATE reassignments SET state = $2, last_error = $3, settled_at = $4
       WHERE reassign_key = $1 AND state = 'pending'`,
    [key, outcome, error, now],
  );
}

const STATES = ['pending', 'written', 'superseded', 'failed'] as const;
const KINDS = ['escalation', 'claim'] as const;

function reassignment(row: SqlRow): Reassignment {
  return {
    key: text(row, 'reassign_key'),
    instanceId: text(row, 'instance_id'),
    deadline: int(row, 'deadline_at'),
    kind: oneOf(row, 'kind', KINDS),
    level: intOrNull(row, 'level'),
    fromOwnerId: textOrNull(row, 'from_owner_id'),
    toOwnerId: text(row, 'to_owner_id'),
    toEmail: text(row, 'to_email'),
    skipped: storedJson(row, 'skipped'),
    at: int(row, 'at'),
    waited: int(row, 'waited_ms'),
    state: oneOf(row, 'state', STATES),
  };
}
