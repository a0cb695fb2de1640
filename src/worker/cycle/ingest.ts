import type { SlaConfig } from '../../config/types.ts';
import type { Handoff, SlaInstance, Touch } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { CrmSource, Cursors, LeadChange, Rejected } from '../../ports/crm-source.ts';
import type { Engine, LeadEventsResult } from '../engine.ts';
import type { WorkerState } from '../worker-state.ts';

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

const NOTHING: LeadEventsResult = { opened: [], updated: [], closed: [] };

export interface IngestDeps {
  readonly crm: CrmSource;
  readonly engine: Engine;
  readonly logger: Logger;
}

const logRejected = (logger: Logger, rejected: readonly Rejected[]): void => {
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
    const poll = await deps.crm.pollHandoffs(state.cursors, now);
    logRejected(deps.logger, poll.rejected);
    events = deps.engine.applyLeadEvents({
      config,
      open: openOfLeads(state, poll.handoffs, poll.changes),
      handoffs: poll.handoffs,
      changes: poll.changes,
      now,
    });
    const known = state.openContactIds();
    const fresh = [...new Set(events.opened.map((i) => i.lead.contactId))].filter((c) => !known.has(c));
    if (fresh.length > 0) touches.push(...(await deps.crm.touchesOf(fresh)));
    cursors = { ...cursors, ...poll.cursors };
    handoffs = poll.handoffs.length;
    more = poll.more;
  } catch (error) {
    return { ...empty, error };
  }
  try {
    const closing = new Set(events.closed.map((c) => c.instanceId));
    const contacts = new Set<string>();
    for (const o of state.open.values())
      if (!closing.has(o.instance.id)) contacts.add(o.instance.lead.contactId);
    for (const i of events.opened) if (!closing.has(i.id)) contacts.add(i.lead.contactId);
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
 * The open instances of the leads these events are about: `applyLeadEvents` touches no other lead,
 * so it need not index every open instance (100,000 of them) on every poll.
 */
function openOfLeads(
  state: WorkerState,
  handoffs: readonly Handoff[],
  changes: readonly LeadChange[],
): SlaInstance[] {
  if (handoffs.length === 0 && changes.length === 0) return [];
  const leads = new Set<string>();
  for (const h of handoffs) leads.add(`${h.lead.objectType}:${h.lead.objectId}`);
  for (const c of changes) leads.add(`${c.objectType}:${c.objectId}`);
  const ids = new Set([...handoffs.map((h) => h.lead.objectId), ...changes.map((c) => c.objectId)]);
  const out: SlaInstance[] = [];
  for (const o of state.open.values()) {
    const { objectType, objectId } = o.instance.lead;
    if (ids.has(objectId) && leads.has(`${objectType}:${objectId}`)) out.push(o.instance);
  }
  return out;
}
