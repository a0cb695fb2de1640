import type { Reassignment } from '../domain/reassign/reassignment.ts';
import type { Instant } from '../domain/time.ts';

export type { Reassignment } from '../domain/reassign/reassignment.ts';

/** A round-robin position to move with a reassignment: `from` as read (`null`: none yet), `to` the new rep. */
export interface PositionMove {
  readonly team: string;
  readonly from: string | null;
  readonly to: string;
}

/**
 * What recording a reassignment came to: `recorded`; `taken` — the instance already has one for this
 * deadline (another replica, another click, an earlier cycle); `position_moved` — the team's position
 * is no longer the one read (another replica assigned meanwhile): nothing recorded, decide again.
 */
export type RecordReassignment = 'recorded' | 'taken' | 'position_moved';

/** How the HubSpot write of a reassignment ended. */
export type ReassignmentOutcome = 'written' | 'superseded' | 'failed';

/** The store's part of reassignment (issue 18), beside the `Store` port. */
export interface ReassignmentStore {
  /**
   * In one transaction: inserts `r` unless its instance has a reassignment for the same deadline, and
   * moves the team's round-robin position (`move`) only when it still is `move.from`.
   */
  recordReassignment(r: Reassignment, move: PositionMove | null): Promise<RecordReassignment>;
  /** The reassignments of these instances (previous owners, once-per-deadline), oldest first. */
  reassignmentsOf(instanceIds: readonly string[]): Promise<readonly Reassignment[]>;
  /** Reassignments whose HubSpot write is still to do, oldest first, at most `limit`. */
  pendingReassignments(limit: number): Promise<readonly Reassignment[]>;
  /** Every team's round-robin position: team → the rep last given a lead. */
  roundRobinPositions(): Promise<ReadonlyMap<string, string>>;
  /**
   * Immediately before the HubSpot write (ADR 0012): claims the pending row for `lease`'s epoch only
   * while its holder holds the lease at that epoch. `fenced`: another replica took over; `taken`: the
   * row is settled or another leadership claimed it.
   */
  claimReassignment(
    key: string,
    lease: { readonly name: string; readonly holder: string; readonly epoch: number },
  ): Promise<'claimed' | 'fenced' | 'taken'>;
  /** pending → `outcome` (`error`: why, for `failed` and `superseded`). */
  settleReassignment(
    key: string,
    outcome: ReassignmentOutcome,
    error: string | null,
    now: Instant,
  ): Promise<void>;
}
