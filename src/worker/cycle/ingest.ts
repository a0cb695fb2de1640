import type { SlaConfig } from '../../config/types.ts';
import type { Touch } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { CrmSource, Cursors, OpenContacts, Rejected } from '../../ports/crm-source.ts';
import type { Store } from '../../ports/store.ts';
import type { Engine, LeadEventsResult } from '../engine.ts';
import type { WorkerState } from '../worker-state.ts';
import { applyHandoffs } from './lead-events.ts';

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
}

export const NOTHING: LeadEventsResult = { opened: [], updated: [], closed: [] };

export interface IngestDeps {
  readonly crm: CrmSource;
  /** Settled instances of leads that changed are read back from it. */
  readonly store: Pick<Store, 'openInstancesByIds'>;
  readonly engine: Engine;
  readonly logger: Logger;
}

export const logRejected = (logger: Logger, rejected: readonly Rejected[]): void => {
  for (const r of rejected) logger.warn({ what: r.what, id: r.id, reason: r.reason }, 'crm record rejected');
};

/**
 * Polls handoffs, then fetches all touches of leads seen for the first time, then polls new touches
 * of every open lead. A failure keeps what was fully fetched before it: handoffs are kept only
 * together with their leads' earlier touches, so the handoff cursor never skips a lead's history.
 */
export async function ingest(
  deps: IngestDeps,
  state: WorkerState,
  config: SlaConfig,
  now: Instant,
): Promise<Ingested> {
  const empty = {
    cursors: state.cursors,
    handoffs: 0,
    events: NOTHING,
    touches: [],
    more: false,
    touchesRead: false,
  };
  let events = NOTHING;
  let cursors = state.cursors;
  let handoffs = 0;
  let more = false;
  const touches: Touch[] = [];
  try {
    // The open leads go along so the source can read them back (deletions, removed owners,
    // departures from property-defined stages) in a bounded round-robin.
    const poll = await deps.crm.pollHandoffs(state.cursors, now, state.watched());
    logRejected(deps.logger, poll.rejected);
    const applied = await applyHandoffs(deps, state, config, poll, now);
    events = applied.events;
    touches.push(...applied.touches);
    cursors = { ...cursors, ...poll.cursors };
    handoffs = poll.handoffs.length;
    more = poll.more;
  } catch (error) {
    return { ...empty, error };
  }
  try {
    const contacts = openContactsAfter(state, events);
    const poll = await deps.crm.pollTouches(cursors, contacts, now);
    logRejected(deps.logger, poll.rejected);
    touches.push(...poll.touches);
    return {
      cursors: { ...cursors, ...poll.cursors },
      handoffs,
      events,
      touches,
      more: more || poll.more,
      touchesRead: !poll.more,
      error: null,
    };
  } catch (error) {
    return { cursors, handoffs, events, touches, more: false, touchesRead: false, error };
  }
}

/**
 * The contacts with open instances once this poll's new instances are in. Contacts whose instances
 * are closing stay in until the close is committed: their new touches are stored, nothing more.
 */
function openContactsAfter(state: WorkerState, events: LeadEventsResult): OpenContacts {
  const open = state.openContactIds();
  const added = new Set(events.opened.map((i) => i.lead.contactId).filter((c) => !open.has(c)));
  if (added.size === 0) return open;
  return { has: (c) => open.has(c) || added.has(c), size: open.size + added.size };
}
