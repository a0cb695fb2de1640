import type { Instant } from '../../domain/time.ts';
import type { Cursors, Owner } from '../../ports/crm-source.ts';
import type { BackfillState } from '../shared/backfill-record.ts';

/**
 * What polling knows of the CRM between cycles: where to resume, who the owners are, and up to
 * when touches are known. Advanced by the commit stage once the store accepted the cycle's write.
 */
export class PollPosition {
  /** The CRM's resume points (the worker's own cursors, heartbeat and write-back queue, apart). */
  cursors: Cursors = {};
  /** The last heartbeat found in the store when this position was loaded. */
  heartbeat: Instant | null = null;
  /** The owner list as last read (judging keeps the last known list when a read fails). */
  owners: readonly Owner[] = [];
  /**
   * The start of the last cycle whose touch poll succeeded: touches logged before it are known. A
   * breach is told only once touches up to its deadline have been read (HubSpot lagging or down
   * must not make a rep who called in time look late).
   */
  touchesReadAt = Number.NEGATIVE_INFINITY;
  /** The first-install import (`poll.backfill`): its stored record, a first install, or none. */
  backfill: BackfillState = null;
}
