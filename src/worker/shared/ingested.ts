import type { Touch } from '../../domain/model.ts';
import type { LeadEventsResult } from '../../domain/sla/index.ts';
import type { Cursors } from '../../ports/crm-source.ts';
import type { Backfill } from './backfill-record.ts';

/** What one poll of the CRM brought, ready to be stored. */
export interface Ingested {
  /** Cursors covering exactly what is in this result (unchanged for a source that failed). */
  readonly cursors: Cursors;
  readonly handoffs: number;
  readonly events: LeadEventsResult;
  /** Touches to store: all touches of newly opened leads plus new/changed ones of open leads. */
  readonly touches: readonly Touch[];
  /** The source has more pages: poll again before judging. */
  readonly more: boolean;
  /** The touch poll succeeded: every touch logged before `now` is known (but for search-index lag). */
  readonly touchesRead: boolean;
  /** The CRM failed part-way; what came before the failure is kept. */
  readonly error: unknown;
  /** The first-install import as it stands with this result, to store with it (absent: unchanged). */
  readonly backfill?: Backfill;
}

export const NOTHING: LeadEventsResult = { opened: [], updated: [], closed: [], unmatched: [] };
