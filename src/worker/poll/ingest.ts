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
 * Polls handoffs (and, during a first install's import, reads its next chunk: `poll/backfill`), then
 * fetches all touches of leads seen for the first time, then polls new touches of every open lead. A
 * failure keeps what was fully fetched before it: handoffs are kept only together with their leads'
 * earlier touches, so the handoff cursor never skips a lead's history. An import chunk that fails is
 * left for the next cycle; the poll's own results are kept.
 */
export async function ingest(
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
): Promise<Ingested> {
  const empty = {
    cursors: from,
    handoffs: 0,
    events: NOTHING,
    touches: [],
    more: false,
    touchesRead: false,
  };
  let events = NOTHING;
  let cursors = from;
  let handoffs = 0;
  let more = false;
  let imports = backfill;
  let importError: unknown = null;
  const touches: Touch[] = [];
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
    events = applied.events;
    if (imports !== null) imports = countImported(imports, events);
    touches.push(...applied.touches);
    cursors = { ...cursors, ...poll.cursors };
    handoffs = poll.handoffs.length;
    more = poll.more;
  } catch (error) {
    return { ...empty, error };
  }
  try {
    const contacts = openContactsAfter(memory, events);
    const poll = await deps.crm.pollTouches(cursors, contacts, now);
    touches.push(...poll.touches);
    return {
      cursors: { ...cursors, ...poll.cursors },
      handoffs,
      events,
      touches,
      more: more || poll.more,
      touchesRead: !poll.more,
      error: importError,
      ...(imports === null ? {} : { backfill: imports }),
    };
  } catch (error) {
    return {
      cursors,
      handoffs,
      events,
      touches,
      more: false,
      touchesRead: false,
      error,
      ...(imports === null ? {} : { backfill: imports }),
    };
  }
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
