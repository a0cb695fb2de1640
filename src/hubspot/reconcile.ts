import type { Instant } from '../domain/time.ts';
import type { WatchedInstance, WatchedInstances } from '../ports/crm-source.ts';
import { batchReadSize } from './batch-read.ts';
import { HubSpotDailyLimitError, HubSpotError } from './errors.ts';
import { dateEntered, type PollContext, type StepResult } from './poll-context.ts';
import { reconcileChanges } from './reconcile-changes.ts';
import {
  decodeSweepCursor,
  encodeSweepCursor,
  planSweep,
  type ReconcileTuning,
  watchedLeadsOf,
} from './reconcile-schedule.ts';
import { readPresence } from './record-presence.ts';
import { text } from './values.ts';

export const RECONCILE_CURSOR = 'reconcile';

const isList = (open: WatchedInstances | readonly WatchedInstance[]): open is readonly WatchedInstance[] =>
  Array.isArray(open);

/** Contact properties the read-back compares: owner, merges, stage values and entry dates. */
function contactProperties(ctx: PollContext): { properties: string[]; history: string[] } {
  const history: string[] = [];
  const dates: string[] = [];
  for (const stage of ctx.config.stages) {
    if (stage.source.kind === 'property') history.push(stage.source.property);
    if (stage.source.kind === 'lifecycle_stage') dates.push(dateEntered(stage.source.value));
  }
  dates.push(...ctx.config.recycleStages.map(dateEntered));
  const properties = [
    'lastmodifieddate',
    'lifecyclestage',
    'hubspot_owner_id',
    'hubspot_owner_assigneddate',
    'hs_merged_object_ids',
    ...history,
    ...dates,
  ];
  return { properties: [...new Set(properties)], history: [...new Set(history)] };
}

const LEAD_PROPERTIES = ['hs_lastmodifieddate', 'hubspot_owner_id', 'hubspot_owner_assigneddate'];

/**
 * Reads a share of the open leads back from HubSpot each poll (see `planSweep`) and reports what
 * searches cannot see: a record deleted without a merge, an owner removed without a new one, a lead
 * moved away from a property-defined stage. Batch reads, no search budget, no index lag. A batch is
 * 100 leads, 50 when a property-defined stage makes the contact read ask for property history
 * (HubSpot's limit): with the default budget of one batch a poll that is one request (contacts), two
 * when Leads-object records are watched, plus one recycle-bin read when a deletion is found — however
 * many leads are open.
 */
export async function reconcile(
  ctx: PollContext,
  open: WatchedInstances | readonly WatchedInstance[],
  cursorText: string | undefined,
  now: Instant,
  tuning: ReconcileTuning,
): Promise<StepResult> {
  const latest = isList(open) ? watchedLeadsOf(open) : open;
  const previous = decodeSweepCursor(cursorText);
  if (cursorText !== undefined && previous === null)
    ctx.logger.error(
      { cursor: cursorText.slice(0, 80) },
      'hubspot reconcile cursor unreadable, starting afresh',
    );
  const contactSpec = contactProperties(ctx);
  const plan = planSweep(latest, previous, now, tuning, batchReadSize(contactSpec.history));
  const due = plan.due.flatMap((key) => latest.get(key) ?? []);
  const leadIds = due.filter((w) => w.lead.objectType === 'lead').map((w) => w.lead.objectId);
  const leads = await readPresence(
    ctx.api,
    {
      objectType: 'leads',
      properties: LEAD_PROPERTIES,
      history: [],
      mergedProperty: null,
      modifiedProperty: 'hs_lastmodifieddate',
    },
    leadIds,
  );
  // A lead without an owner of its own is its contact's (as at handoff): read those contacts too.
  const fallback = due.filter((w) => {
    const lead = w.lead.objectType === 'lead' ? leads.byId.get(w.lead.objectId) : undefined;
    return lead?.kind === 'found' && text(lead.record.properties.hubspot_owner_id) === null;
  });
  const contactIds = [
    ...due.filter((w) => w.lead.objectType === 'contact').map((w) => w.lead.objectId),
    ...fallback.map((w) => w.lead.contactId),
  ];
  const contacts = await readPresence(
    ctx.api,
    {
      objectType: 'contacts',
      ...contactSpec,
      mergedProperty: 'hs_merged_object_ids',
      modifiedProperty: 'lastmodifieddate',
    },
    contactIds,
  );
  const changes = reconcileChanges({
    config: ctx.config,
    watched: due,
    contacts: contacts.byId,
    leads: leads.byId,
    now,
  });
  ctx.logger.debug(
    { open: latest.size, read: due.length, changes: changes.length },
    'hubspot open leads reconciled',
  );
  return {
    handoffs: [],
    changes,
    rejected: [...leads.rejected, ...contacts.rejected],
    cursors: { [RECONCILE_CURSOR]: encodeSweepCursor(plan.cursor) },
    more: false,
  };
}

/**
 * `reconcile`, kept from blocking the poll it rides on: the read-back is a safety net, and new handoffs
 * must not wait for it. A HubSpot failure (after the gateway's own retries) leaves its cursor where it
 * was — the owed reads happen next poll — and is logged and returned as a rejection. The daily-limit
 * pause and programming errors still fail the poll.
 */
export async function reconcileOrDefer(
  ctx: PollContext,
  open: WatchedInstances,
  cursorText: string | undefined,
  now: Instant,
  tuning: ReconcileTuning,
): Promise<StepResult> {
  try {
    return await reconcile(ctx, open, cursorText, now, tuning);
  } catch (error) {
    if (!(error instanceof HubSpotError) || error instanceof HubSpotDailyLimitError) throw error;
    ctx.logger.error(
      { code: error.code, operation: error.operation, error: error.message },
      'hubspot read-back of open leads failed, deferred to the next poll',
    );
    const reason = `read-back deferred: ${error.message}`;
    return {
      handoffs: [],
      changes: [],
      rejected: [{ what: 'open leads', id: null, reason }],
      cursors: {},
      more: false,
    };
  }
}
