import type { SlaConfig } from '../../config/types.ts';
import type { Instant } from '../../domain/time.ts';
import type { WorkerState } from '../worker-state.ts';
import { type IngestDeps, type Ingested, logRejected, NOTHING } from './ingest.ts';
import { applyHandoffs } from './lead-events.ts';

/**
 * The webhook path: reads just these contacts by id (no search, so no index lag) and applies what
 * they show exactly as a poll would. Cursors stay where they are: the next poll still reads
 * everything, and what it finds again is the same instance (same id), opened once.
 */
export async function ingestContacts(
  deps: IngestDeps,
  state: WorkerState,
  config: SlaConfig,
  contactIds: readonly string[],
  now: Instant,
): Promise<Ingested> {
  const nothing = {
    cursors: state.cursors,
    handoffs: 0,
    events: NOTHING,
    touches: [],
    more: false,
    touchesRead: false,
  };
  if (deps.crm.handoffsOf === undefined || contactIds.length === 0) return { ...nothing, error: null };
  try {
    const read = await deps.crm.handoffsOf(contactIds, now);
    logRejected(deps.logger, read.rejected);
    const applied = await applyHandoffs(deps, state, config, read, now);
    return {
      ...nothing,
      handoffs: read.handoffs.length,
      events: applied.events,
      touches: applied.touches,
      error: null,
    };
  } catch (error) {
    return { ...nothing, error };
  }
}
