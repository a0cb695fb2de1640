import type { Handoff, LeadChange } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';
import type { Rejected } from '../ports/crm-source.ts';
import type { ContactCondition } from './contact-conditions.ts';
import { MERGED_IDS } from './contact-conditions.ts';
import type { ScannedRecord, ScanOutcome } from './keyset-scan.ts';
import { toLeadSnapshot } from './lead-snapshot.ts';
import { dateEntered, type PollContext } from './poll-context.ts';
import { parseInstant, splitMulti, text } from './values.ts';

/** What reading one scanned record against the conditions found (property stages are dated later). */
export interface Reading {
  readonly handoffs: Handoff[];
  readonly changes: LeadChange[];
  readonly rejected: Rejected[];
}

/** Returns true the first time a key is met in this scan's window (and marks it). */
const once = (outcome: ScanOutcome, key: string, t: Instant): boolean => {
  if (outcome.seen(key)) return false;
  outcome.markSeen(key, t);
  return true;
};

/**
 * Reads one record against every condition of its search (not only the one that matched: a contact
 * that entered MQL and got an owner in the same window gives both). Each condition checks its own
 * event time against the window and dedupes on its own key, so a record seen again — modified later,
 * or re-read in the overlap — yields nothing twice.
 */
export function readContact(
  ctx: PollContext,
  outcome: ScanOutcome,
  scanned: ScannedRecord,
  conditions: readonly ContactCondition[],
  into: Reading,
): void {
  for (const condition of conditions) {
    switch (condition.kind) {
      case 'lifecycle':
        lifecycleEntry(ctx, outcome, scanned, condition, into);
        break;
      case 'owner_assigned':
        into.changes.push(...ownerAssigned(outcome, scanned));
        break;
      case 'owner_removed':
        into.changes.push(...ownerRemoved(outcome, scanned));
        break;
      case 'merged':
        into.changes.push(...merged(outcome, scanned));
        break;
      case 'recycle':
        into.changes.push(...recycled(outcome, scanned, condition.value));
        break;
      case 'property':
        break; // dated from the property's history, in one batch read for the whole scan
    }
  }
}

/**
 * A lifecycle stage entered inside the window (`hs_v2_date_entered_<value>`, custom stages by their
 * numeric id) is a handoff. A contact that entered a later configured stage before this one moved
 * backwards: that also comes back as `left_funnel` so the later stage's instance closes.
 */
function lifecycleEntry(
  ctx: PollContext,
  outcome: ScanOutcome,
  { record, t }: ScannedRecord,
  { stage, value }: Extract<ContactCondition, { kind: 'lifecycle' }>,
  into: Reading,
): void {
  const props = record.properties;
  const property = dateEntered(value);
  const raw = props[property] ?? null;
  if (raw === null || raw === '') return;
  const at = parseInstant(raw);
  if (at === null) {
    into.rejected.push({
      what: 'contact',
      id: record.id,
      reason: `unparseable ${property}: ${JSON.stringify(raw)}`,
    });
    return;
  }
  if (at > ctx.scan.now + ctx.scan.futureTolerance) {
    into.rejected.push({ what: 'contact', id: record.id, reason: `${property} in the future: ${raw}` });
    return;
  }
  if (at < outcome.lower || !once(outcome, `h|${stage.key}|${record.id}|${at}`, Math.max(at, t))) return;
  const ownerId = text(props.hubspot_owner_id);
  if (ownerId === null)
    ctx.logger.info({ contact: record.id, stage: stage.key }, 'hubspot handoff without owner');
  into.handoffs.push({
    lead: toLeadSnapshot(record.id, props, ctx.links),
    stage: stage.key,
    enteredAt: at,
    ownerId,
    ownerAssignedAt: parseInstant(props.hubspot_owner_assigneddate),
  });
  const movedBack = ctx.config.stages.some((later) => {
    if (later.order <= stage.order || later.source.kind !== 'lifecycle_stage') return false;
    const enteredLater = parseInstant(props[dateEntered(later.source.value)]);
    return enteredLater !== null && enteredLater < at;
  });
  if (movedBack)
    into.changes.push({
      kind: 'left_funnel',
      objectType: 'contact',
      objectId: record.id,
      toStage: value,
      at,
    });
}

function ownerAssigned(outcome: ScanOutcome, { record, t }: ScannedRecord): LeadChange[] {
  const assignedAt = parseInstant(record.properties.hubspot_owner_assigneddate);
  const ownerId = text(record.properties.hubspot_owner_id);
  if (assignedAt === null || assignedAt < outcome.lower) return [];
  if (!once(outcome, `o|${record.id}|${assignedAt}|${ownerId}`, t)) return [];
  return [{ kind: 'owner_changed', objectType: 'contact', objectId: record.id, ownerId, at: assignedAt }];
}

function ownerRemoved(outcome: ScanOutcome, { record, t }: ScannedRecord): LeadChange[] {
  const assignedAt = parseInstant(record.properties.hubspot_owner_assigneddate);
  const ownerId = text(record.properties.hubspot_owner_id);
  if (assignedAt === null || assignedAt >= outcome.lower || ownerId !== null) return [];
  if (!once(outcome, `x|${record.id}|${assignedAt}`, t)) return [];
  // Removed since the last assignment; when exactly is not recorded, the modification is an upper bound.
  return [{ kind: 'owner_changed', objectType: 'contact', objectId: record.id, ownerId: null, at: t }];
}

function merged(outcome: ScanOutcome, { record, t }: ScannedRecord): LeadChange[] {
  return splitMulti(record.properties[MERGED_IDS])
    .filter((id) => id !== record.id && once(outcome, `d|${id}|${record.id}`, t))
    .map((id) => ({ kind: 'deleted', objectType: 'contact', objectId: id, mergedInto: record.id, at: t }));
}

function recycled(outcome: ScanOutcome, { record, t }: ScannedRecord, value: string): LeadChange[] {
  if (text(record.properties.lifecyclestage) !== value) return [];
  const at = parseInstant(record.properties[dateEntered(value)]);
  if (at === null || at < outcome.lower || !once(outcome, `r|${record.id}|${at}`, t)) return [];
  return [{ kind: 'left_funnel', objectType: 'contact', objectId: record.id, toStage: value, at }];
}
