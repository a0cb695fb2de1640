import type { Instant, Millis } from '../../domain/time.ts';
import type { SqlExecutor } from '../sql/driver.ts';

/**
 * Takes or renews the lease `name` in one atomic upsert: granted when nobody holds it, when it
 * expired (`expires_at <= now`), or when `holder` already holds it. Concurrent callers serialise on
 * the row lock, and the loser's WHERE sees the winner's row, so at most one holder is granted.
 */
export async function acquireLease(
  db: SqlExecutor,
  name: string,
  holder: string,
  now: Instant,
  ttlMs: Millis,
): Promise<boolean> {
  if (!(ttlMs > 0)) throw new RangeError(`acquireLease: ttlMs must be positive, got ${ttlMs}`);
  const rows = await db.query(
    `INSERT INTO leases (name, holder, acquired_at, expires_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name) DO UPDATE SET
       holder = excluded.holder,
       expires_at = excluded.expires_at,
       acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at ELSE excluded.acquired_at END
     WHERE leases.holder = excluded.holder OR leases.expires_at <= excluded.acquired_at
     RETURNING holder`,
    [name, holder, now, now + ttlMs],
  );
  return rows.length === 1;
}

/** Gives the lease up at shutdown so a standby takes over at once instead of after the TTL. */
export async function releaseLease(db: SqlExecutor, name: string, holder: string): Promise<void> {
  await db.run('DELETE FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
}
