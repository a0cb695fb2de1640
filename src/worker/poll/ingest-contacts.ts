import type { SlaConfig } from '../../config/types.ts';
import type { Instant } from '../../domain/time.ts';
import type { Cursors } from '../../ports/crm-source.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import { type Ingested, NOTHING } from '../shared/ingested.ts';
import { applyHandoffs } from './apply-handoffs.ts';
import type { IngestDeps } from './ingest-deps.ts';

/**
 * The webhook path: reads just these contacts by id (no search, so no index lag) and applies what
 * they show exactly as a poll would. Cursors stay where they are: the next poll still reads
 * everything, and what it finds again is the same instance (same id), opened once.
 */
export async function ingestContacts(
  deps: IngestDeps,
  memory: InstanceMemory,
  /** Left as they are (returned unchanged). */
  cursors: Cursors,
  config: SlaConfig,
  contactIds: readonly string[],
  now: Instant,
  /** When sla-bot was first installed (`null`: not known): earlier handoffs open imported instances. */
  installedAt: Instant | null = null,
): Promise<Ingested> {
  const nothing = {
    cursors,
    handoffs: 0,
    events: NOTHING,
    touches: [],
    more: false,
    touchesRead: false,
  };
  if (deps.crm.handoffsOf === undefined || contactIds.length === 0) return { ...nothing, error: null };
  try {
    const read = await deps.crm.handoffsOf(contactIds, now);
    const applied = await applyHandoffs(deps, memory, config, read, now, installedAt);
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
