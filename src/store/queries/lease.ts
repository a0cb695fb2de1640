import type { Instant, Millis } from '../../domain/time.ts';
import { StoreQueryError } from '../errors.ts';
import { int, text } from '../sql/columns.ts';
import type { SqlExecutor } from '../sql/driver.ts';

/** The holder keeps its epoch: it renews a lease that has not run out. Anything else is a takeover. */
const RENEWAL = 'leases.holder = excluded.holder AND leases.expires_at > excluded.acquired_at';

/**
 * Takes or renews the lease `name` in one atomic upsert: granted when nobody holds it, when it
 * expired (`expires_at <= now`), or when `holder` already holds it. Concurrent callers serialise on
 * the row lock, and the loser's WHERE sees the winner's row, so at most one holder is granted.
 * Returns the lease's epoch when granted (bumped on every takeover — a new holder, or the same one
 * after expiry — kept on renewal), `null` when refused.
 */
export async function acquireLease(
  db: SqlExecutor,
  name: string,
  holder: string,
  now: Instant,
  ttlMs: Millis,
): Promise<number | null> {
  if (!(ttlMs > 0)) throw new RangeError(`acquireLease: ttlMs must be positive, got ${ttlMs}`);
  const rows = await db.query(
    `INSERT INTO leases (name, holder, acquired_at, expires_at, epoch) VALUES ($1, $2, $3, $4, 1)
     ON CONFLICT (name) DO UPDATE SET
       holder = excluded.holder,
       expires_at = excluded.expires_at,
       acquired_at = CASE WHEN ${RENEWAL} THEN leases.acquired_at ELSE excluded.acquired_at END,
       epoch = CASE WHEN ${RENEWAL} THEN leases.epoch ELSE leases.epoch + 1 END
     WHERE leases.holder = excluded.holder OR leases.expires_at <= excluded.acquired_at
     RETURNING epoch`,
    [name, holder, now, now + ttlMs],
  );
  const [row] = rows;
  return row ? int(row, 'epoch') : null;
}

/**
 * One process owns the database (SQLite): the lease is always granted, and its epoch moves on only
 * when the holder changes (a restarted process), so rows a dead process claimed are told apart from
 * the new one's. A renewal only reads.
 */
export async function acquireOwnLease(
  db: SqlExecutor,
  name: string,
  holder: string,
  now: Instant,
  ttlMs: Millis,
): Promise<number> {
  const [held] = await db.query('SELECT holder, epoch FROM leases WHERE name = $1', [name]);
  if (held && text(held, 'holder') === holder) return int(held, 'epoch');
  const [row] = await db.query(
    `INSERT INTO leases (name, holder, acquired_at, expires_at, epoch) VALUES ($1, $2, $3, $4, 1)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at,
       expires_at = excluded.expires_at, epoch = leases.epoch + 1
     RETURNING epoch`,
    [name, holder, now, now + ttlMs],
  );
  if (!row) throw new StoreQueryError(`acquireOwnLease: the upsert of lease ${name} returned no row`, null);
  return int(row, 'epoch');
}

/**
 * Gives the lease up at shutdown so a standby takes over at once instead of after the TTL. The row
 * stays, expired, so the epoch keeps counting (a fresh row would start at 1 again and could match a
 * stale holder's token).
 */
export async function releaseLease(db: SqlExecutor, name: string, holder: string): Promise<void> {
  await db.run('UPDATE leases SET expires_at = 0 WHERE name = $1 AND holder = $2', [name, holder]);
}

/** The epoch `holder` holds `name` at, or `null` when it does not hold it (whatever the expiry). */
export async function heldEpoch(db: SqlExecutor, name: string, holder: string): Promise<number | null> {
  const [row] = await db.query('SELECT epoch FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
  return row ? int(row, 'epoch') : null;
}
