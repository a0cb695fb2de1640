import type { Instant } from '../../src/domain/time.ts';
import type {
  PositionMove,
  Reassignment,
  ReassignmentOutcome,
  RecordReassignment,
} from '../../src/ports/reassignments.ts';

interface Row {
  readonly r: Reassignment;
  claimedEpoch: number | null;
  lastError: string | null;
}

/** The FakeStore's reassignments and round-robin positions, keeping the store contract. */
export class MemoryReassignments {
  readonly rows = new Map<string, Row>();
  readonly positions = new Map<string, string>();

  record(r: Reassignment, move: PositionMove | null): RecordReassignment {
    const taken =
      this.rows.has(r.key) ||
      [...this.rows.values()].some(
        (row) => row.r.instanceId === r.instanceId && row.r.deadline === r.deadline,
      );
    if (taken) return 'taken';
    if (move !== null && (this.positions.get(move.team) ?? null) !== move.from) return 'position_moved';
    this.rows.set(r.key, { r, claimedEpoch: null, lastError: null });
    if (move !== null) this.positions.set(move.team, move.to);
    return 'recorded';
  }

  of(instanceIds: readonly string[]): Reassignment[] {
    const ids = new Set(instanceIds);
    return this.sorted().filter((r) => ids.has(r.instanceId));
  }

  pending(limit: number): Reassignment[] {
    return this.sorted()
      .filter((r) => r.state === 'pending')
      .slice(0, limit);
  }

  /** `held`: whether the holder holds the lease at that epoch (the FakeStore's leases decide). */
  claim(key: string, epoch: number, held: boolean): 'claimed' | 'fenced' | 'taken' {
    if (!held) return 'fenced';
    const row = this.rows.get(key);
    if (row === undefined || row.r.state !== 'pending' || (row.claimedEpoch ?? 0) > epoch) return 'taken';
    row.claimedEpoch = epoch;
    return 'claimed';
  }

  settle(key: string, outcome: ReassignmentOutcome, error: string | null, _now: Instant): void {
    const row = this.rows.get(key);
    if (row === undefined || row.r.state !== 'pending') return;
    this.rows.set(key, { r: { ...row.r, state: outcome }, claimedEpoch: row.claimedEpoch, lastError: error });
  }

  private sorted(): Reassignment[] {
    return [...this.rows.values()]
      .map((row) => row.r)
      .sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
