import type { SlaConfig } from '../../config/types.ts';
import {
  type Handoff,
  instanceId,
  type LeadChange,
  type SlaInstance,
  type Touch,
} from '../../domain/model.ts';
import type { LeadEventsResult } from '../../domain/sla/index.ts';
import type { Instant } from '../../domain/time.ts';
import type { HandoffPoll } from '../../ports/crm-source.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import type { IngestDeps } from './ingest-deps.ts';

/**
 * Applies a poll's (or a webhook read's) handoffs and lead changes to the open instances, then
 * fetches all earlier touches of leads seen for the first time. A handoff whose instance closed a
 * moment ago (the poll seeing again what a webhook already brought) is not opened twice. One that
 * entered its stage before sla-bot was installed (`installedAt`) opens an imported instance.
 */
export async function applyHandoffs(
  deps: IngestDeps,
  memory: InstanceMemory,
  config: SlaConfig,
  poll: Pick<HandoffPoll, 'handoffs' | 'changes'>,
  now: Instant,
  installedAt: Instant | null = null,
): Promise<{ readonly events: LeadEventsResult; readonly touches: readonly Touch[] }> {
  const handoffs = poll.handoffs.filter((h) => !memory.closedRecently.has(instanceId(h)));
  const events = deps.engine.applyLeadEvents({
    config,
    open: await openOfLeads(deps, memory, handoffs, poll.changes),
    handoffs,
    changes: poll.changes,
    now,
    installedAt,
  });
  if (events.opened.length === 0) return { events, touches: [] };
  const known = memory.openContactIds();
  const fresh = [...new Set(events.opened.map((i) => i.lead.contactId))].filter((c) => !known.has(c));
  return { events, touches: fresh.length > 0 ? await deps.crm.touchesOf(fresh) : [] };
}

/**
 * The open instances of the leads these events are about: `applyLeadEvents` touches no other lead,
 * so it need not index every open instance (100,000 of them) on every poll. Settled ones are read
 * back from the store first (`InstanceMemory.wake`): the events may close or change them.
 */
async function openOfLeads(
  deps: IngestDeps,
  memory: InstanceMemory,
  handoffs: readonly Handoff[],
  changes: readonly LeadChange[],
): Promise<SlaInstance[]> {
  if (handoffs.length === 0 && changes.length === 0) return [];
  const leads = new Map<string, { objectType: string; objectId: string }>();
  for (const h of handoffs) leads.set(`${h.lead.objectType}:${h.lead.objectId}`, h.lead);
  for (const c of changes) leads.set(`${c.objectType}:${c.objectId}`, c);
  await memory.wake(
    deps.store,
    [...leads.values()].flatMap((l) => memory.settled.ofLead(l.objectType, l.objectId)),
  );
  const ids = new Set([...leads.values()].map((l) => l.objectId));
  const out: SlaInstance[] = [];
  for (const o of memory.hot.values()) {
    const { objectType, objectId } = o.instance.lead;
    if (ids.has(objectId) && leads.has(`${objectType}:${objectId}`)) out.push(o.instance);
  }
  return out;
}
