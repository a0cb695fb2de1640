import type { SlaConfig } from '../../config/types.ts';
import type { Touch } from '../../domain/model.ts';
import type { LeadEventsResult } from '../../domain/sla/index.ts';
import type { Instant } from '../../domain/time.ts';
import type { Cursors, HandoffPoll, OpenContacts } from '../../ports/crm-source.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import type { Backfill } from '../shared/backfill-record.ts';
import { type Ingested, NOTHING } from '../shared/ingested.ts';
import { applyHandoffs } from './apply-handoffs.ts';
import { countImported, readBackfill } from './backfill.ts';
import type { IngestDeps } from './ingest-deps.ts';

/**
 * A poll in two steps, so the handoff pings need not wait for the touch poll (issue 17):
 * `ingestHandoffs` polls handoffs (and, during a first install's import, reads its next chunk:
 * `poll/backfill`) with all touches of leads seen for the first time; `ingestTouches` then polls new
 * touches of every open lead. A failure keeps what was fully fetched before it: handoffs are kept only
 * together with their leads' earlier touches, so the handoff cursor never skips a lead's history. An
 * import chunk that fails is left for the next cycle; the poll's own results are kept.
 */
export async function ingestHandoffs(
  deps: IngestDeps,
  memory: InstanceMemory,
  /** Where the last committed poll left off. */
  from: Cursors,
  config: SlaConfig,
  now: Instant,
  /** The first-install import in force (`null`: none): handoffs before its install are imported. */
  backfill: Backfill | null = null,
  /** Read the import's next chunk (unless it is done): with the first page of a cycle only. */
  readChunk = true,
): Promise<HandoffsIngested> {
  const base = {
    cursors: from,
    handoffs: 0,
    events: NOTHING,
    touches: [],
    more: false,
    touchesRead: false,
    importError: null,
  };
  let imports = backfill;
  let importError: unknown = null;
  try {
    // The open leads go along so the source can read them back (deletions, removed owners,
    // departures from property-defined stages) in a bounded round-robin.
    const poll = await deps.crm.pollHandoffs(from, now, memory.watched());
    let found: Pick<HandoffPoll, 'handoffs' | 'changes'> = poll;
    if (imports !== null && !imports.done && readChunk) {
      try {
        const chunk = await readBackfill(deps.crm, imports, now);
        found = { handoffs: [...poll.handoffs, ...chunk.handoffs], changes: poll.changes };
        imports = chunk.next;
      } catch (error) {
        importError = error;
      }
    }
    const applied = await applyHandoffs(deps, memory, config, found, now, backfill?.installedAt ?? null);
    if (imports !== null) imports = countImported(imports, applied.events);
    return {
      ...base,
      cursors: { ...from, ...poll.cursors },
      handoffs: poll.handoffs.length,
      events: applied.events,
      touches: applied.touches,
      more: poll.more,
      error: null,
      importError,
      ...(imports === null ? {} : { backfill: imports }),
    };
  } catch (error) {
    return { ...base, error };
  }
}

/** What `ingestHandoffs` brought: `error` is the poll's own failure (nothing of it kept). */
export interface HandoffsIngested extends Ingested {
  /** The import chunk failed (left for the next cycle); the poll's own results are kept. */
  readonly importError: unknown;
}

/**
 * The touch poll after `handoffs` (what `ingestHandoffs` brought, committed or not): new touches of
 * every open lead, the leads `handoffs` opened included. `touchesRead` tells the poll went through.
 */
export async function ingestTouches(
  deps: IngestDeps,
  memory: InstanceMemory,
  handoffs: HandoffsIngested,
  now: Instant,
): Promise<Ingested> {
  const { importError: _, ...found } = handoffs;
  const base = { ...found, events: NOTHING, handoffs: 0, touches: [] as Touch[], error: null };
  try {
    const contacts = openContactsAfter(memory, handoffs.events);
    const poll = await deps.crm.pollTouches(handoffs.cursors, contacts, now);
    return {
      ...base,
      cursors: { ...handoffs.cursors, ...poll.cursors },
      touches: poll.touches,
      more: handoffs.more || poll.more,
      touchesRead: !poll.more,
    };
  } catch (error) {
    return { ...base, more: false, touchesRead: false, error };
  }
}

/** Both steps as one result: what `ingestHandoffs` found with the touches polled after it. */
export function together(handoffs: HandoffsIngested, touches: Ingested): Ingested {
  return {
    ...touches,
    handoffs: handoffs.handoffs,
    events: handoffs.events,
    touches: [...handoffs.touches, ...touches.touches],
    // A failed import chunk is reported unless the touch poll failed too.
    error: touches.error ?? handoffs.importError,
  };
}

/**
 * The contacts with open instances once this poll's new instances are in. Contacts whose instances
 * are closing stay in until the close is committed: their new touches are stored, nothing more.
 */
function openContactsAfter(memory: InstanceMemory, events: LeadEventsResult): OpenContacts {
  const open = memory.openContactIds();
  const added = new Set(events.opened.map((i) => i.lead.contactId).filter((c) => !open.has(c)));
  if (added.size === 0) return open;
  return { has: (c) => open.has(c) || added.has(c), size: open.size + added.size };
}
