import type { Instant } from '../../domain/time.ts';
import type { LeaseToken, SendClaim } from '../../ports/store.ts';
import type { SqlExecutor } from '../sql/driver.ts';
import { heldEpoch } from './lease.ts';
import { mustExist } from './outbox.ts';

/** Fenced claims of outbox rows (ADR 0012): a send or an edit claims its row for the lease epoch. */

/**
 * Claims a pending row for a send by `lease`'s epoch, immediately before the post (fencing, ADR 0012).
 * One conditional write: only while the holder still holds the lease at that epoch (a takeover bumped
 * it), and only when the row's last claim is the caller's own epoch or the one it read (another
 * leadership claiming it since means it may be in Slack already). Marks the row in doubt as
 * `markInDoubt` does. On PostgreSQL a claim racing a takeover serialises on the row: the later one
 * re-reads `claimed_epoch` and fails.
 */
export function claimForSend(
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
      set: 'in_doubt_since = COALESCE(in_doubt_since, $3)',
      where: "state = 'pending'",
      what: 'claimForSend',
    },
  );
}

/** Which row a claim is for, by whom, and what the caller read of its last claim. */
export interface ClaimRequest {
  readonly key: string;
  readonly lease: LeaseToken;
  readonly seenEpoch: number | null;
  readonly now: Instant;
}

/**
 * The fenced claim both sends and edits make: one conditional UPDATE that sets `claimed_epoch` and
 * `claimed_at` (plus `shape.set`) on the row in `shape.where`, only while the holder holds the lease
 * at that epoch and the row's last claim is its own or the one it read. `fenced` when the lease moved,
 * `taken` when another leadership claimed the row since.
 */
export async function claimRow(
  db: SqlExecutor,
  r: ClaimRequest,
  shape: { readonly set: string | null; readonly where: string; readonly what: string },
): Promise<SendClaim> {
  const changed = await db.run(
    `UPDATE outbox SET claimed_epoch = $2, claimed_at = $3${shape.set === null ? '' : `, ${shape.set}`}
       WHERE idempotency_key = $1 AND ${shape.where}
         AND (COALESCE(claimed_epoch, 0) = $2 OR COALESCE(claimed_epoch, 0) = $4)
         AND EXISTS (SELECT 1 FROM leases WHERE name = $5 AND holder = $6 AND epoch = $2)`,
    [r.key, r.lease.epoch, r.now, r.seenEpoch ?? 0, r.lease.name, r.lease.holder],
  );
  if (changed > 0) return 'claimed';
  if ((await heldEpoch(db, r.lease.name, r.lease.holder)) !== r.lease.epoch) return 'fenced';
  await mustExist(db, r.key, shape.what);
  return 'taken';
}
