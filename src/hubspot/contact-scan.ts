import type { Cursors } from '../ports/crm-source.ts';
import { batchRead } from './batch-read.ts';
import {
  type ContactCondition,
  conditionFilters,
  conditionProperties,
  contactConditions,
  contactScanKey,
  MERGED_IDS,
  packConditions,
} from './contact-conditions.ts';
import { contactCursor } from './contact-cursors.ts';
import { type Reading, readContact } from './contact-reading.ts';
import { keysetScan, type ScanOutcome } from './keyset-scan.ts';
import { snapshotProperties, toLeadSnapshot } from './lead-snapshot.ts';
import { type PollContext, type StepResult, scanStep } from './poll-context.ts';
import { entryTime } from './property-history.ts';
import { parseInstant, text } from './values.ts';

/**
 * Everything that changed on contacts, in one keyset search sorted on `lastmodifieddate` (entering a
 * stage, an owner assigned or removed, a merge all move it): each contact-side condition — lifecycle
 * and property stages, owner assigned / removed, merged, recycle stages — is one filter group. When
 * the groups exceed one search's limits they are packed into as few searches as fit, each with its
 * own cursor (`contacts`, `contacts:1`, …). Leads-object stages are searched on their own.
 */
export async function contactChanges(ctx: PollContext, cursors: Cursors): Promise<StepResult> {
  const conditions = contactConditions(ctx.config);
  const properties = snapshotProperties(ctx.config, [MERGED_IDS, ...conditionProperties(conditions)]);
  const steps: StepResult[] = [];
  for (const [index, pack] of packConditions(conditions).entries()) {
    const key = contactScanKey(index);
    const cursor = contactCursor(cursors, key, ctx.config, ctx.logger);
    steps.push(await contactSearch(ctx, pack, properties, key, cursor));
  }
  return {
    handoffs: steps.flatMap((s) => s.handoffs),
    changes: steps.flatMap((s) => s.changes),
    rejected: steps.flatMap((s) => s.rejected),
    cursors: Object.assign({}, ...steps.map((s) => s.cursors)),
    more: steps.some((s) => s.more),
  };
}

async function contactSearch(
  ctx: PollContext,
  conditions: readonly ContactCondition[],
  properties: readonly string[],
  cursorKey: string,
  cursorText: string | undefined,
): Promise<StepResult> {
  const outcome = await keysetScan(
    ctx.api,
    {
      objectType: 'contacts',
      sortProperty: 'lastmodifieddate',
      groups: (lower) => conditions.map((c) => conditionFilters(c, lower)),
      properties,
      what: 'contact',
    },
    cursorText,
    ctx.scan,
    ctx.logger,
  );
  const reading: Reading = { handoffs: [], changes: [], rejected: [...outcome.rejected] };
  for (const scanned of outcome.records) readContact(ctx, outcome, scanned, conditions, reading);
  const propertyStages = conditions.filter((c) => c.kind === 'property');
  if (propertyStages.length > 0) await propertyEntries(ctx, outcome, propertyStages, reading);
  return scanStep(outcome, cursorKey, reading);
}

type PropertyStage = Extract<ContactCondition, { kind: 'property' }>;

/**
 * Contacts whose property (e.g. `hs_lead_status`) now holds a stage's value: entry time from the
 * property's history, batch-read for every property stage of the search at once (50 contacts a
 * request: HubSpot's limit when history is asked for). Entries before the window were handled by an
 * earlier poll (the contact changed again since).
 */
async function propertyEntries(
  ctx: PollContext,
  outcome: ScanOutcome,
  stages: readonly PropertyStage[],
  into: Reading,
): Promise<void> {
  const holding = new Map<string, PropertyStage[]>();
  for (const { record, t } of outcome.records) {
    for (const stage of stages) {
      if (text(record.properties[stage.property]) !== stage.equals) continue;
      const key = `m|${stage.stage.key}|${record.id}|${t}`;
      if (outcome.seen(key)) continue;
      outcome.markSeen(key, t);
      holding.set(record.id, [...(holding.get(record.id) ?? []), stage]);
    }
  }
  if (holding.size === 0) return;
  const history = [...new Set(stages.map((s) => s.property))];
  const read = await batchRead(
    ctx.api,
    'contacts',
    [...holding.keys()],
    snapshotProperties(ctx.config, history),
    history,
  );
  into.rejected.push(...read.rejected);
  for (const [id, held] of holding) {
    const record = read.records.get(id);
    if (!record) continue;
    for (const { stage, property, equals } of held) {
      const entry = entryTime(record.propertiesWithHistory?.[property], equals);
      if (!entry.ok) {
        into.rejected.push({ what: 'contact', id, reason: entry.reason });
        continue;
      }
      const key = `e|${stage.key}|${id}|${entry.at}`;
      if (entry.at < outcome.lower || outcome.seen(key)) continue;
      outcome.markSeen(key, entry.at);
      const props = record.properties;
      into.handoffs.push({
        lead: toLeadSnapshot(id, props, ctx.links),
        stage: stage.key,
        enteredAt: entry.at,
        ownerId: text(props.hubspot_owner_id),
        ownerAssignedAt: parseInstant(props.hubspot_owner_assigneddate),
      });
    }
  }
}
