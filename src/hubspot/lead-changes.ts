import type { Instant } from '../domain/time.ts';
import type { LeadChange } from '../ports/crm-source.ts';
import { keysetScan, type ScanOutcome } from './keyset-scan.ts';
import { dateEntered, type PollContext, type StepResult, scanStep } from './poll-context.ts';
import type { CrmRecord } from './schemas.ts';
import { SEARCH_LIMITS, type SearchFilter } from './search-request.ts';
import { parseInstant, splitMulti, text } from './values.ts';

const MERGED_IDS = 'hs_merged_object_ids';
/** Owner assigned, owner removed and merge groups take three of the five filter groups; recycle stages share the rest. */
const RECYCLE_PER_SEARCH = SEARCH_LIMITS.groups - 3;

/**
 * Changes to leads that affect open instances, found without reading any lead one by one: a contacts
 * search (sorted on `lastmodifieddate`) ORing "owner assigned since", "owner removed" (no owner now,
 * but one was assigned once: removing an owner leaves `hubspot_owner_assigneddate` as it was), "merged"
 * and "entered a recycle stage since" (`hs_v2_date_entered_<recycle>`). More than two recycle stages
 * take further searches. The worker ignores changes to leads it has no open instance for.
 */
export async function leadChanges(
  ctx: PollContext,
  cursors: Readonly<Record<string, string>>,
): Promise<StepResult> {
  const recycle = ctx.config.recycleStages;
  const parts: string[][] = [];
  for (let i = 0; i === 0 || i < recycle.length; i += RECYCLE_PER_SEARCH)
    parts.push(recycle.slice(i, i + RECYCLE_PER_SEARCH));
  const results: StepResult[] = [];
  for (const [index, stages] of parts.entries()) {
    const key = index === 0 ? 'changes:contacts' : `changes:contacts:${index}`;
    results.push(await changeScan(ctx, stages, index === 0, key, cursors[key]));
  }
  return {
    handoffs: [],
    changes: results.flatMap((r) => r.changes),
    rejected: results.flatMap((r) => r.rejected),
    cursors: Object.assign({}, ...results.map((r) => r.cursors)),
    more: results.some((r) => r.more),
  };
}

async function changeScan(
  ctx: PollContext,
  recycle: readonly string[],
  withOwnerAndMerges: boolean,
  cursorKey: string,
  cursorText: string | undefined,
): Promise<StepResult> {
  const groups = (lower: Instant): SearchFilter[][] => [
    ...(withOwnerAndMerges
      ? [
          [{ propertyName: 'hubspot_owner_assigneddate', operator: 'GTE', value: String(lower) } as const],
          [
            { propertyName: 'hubspot_owner_id', operator: 'NOT_HAS_PROPERTY' } as const,
            { propertyName: 'hubspot_owner_assigneddate', operator: 'HAS_PROPERTY' } as const,
          ],
          [{ propertyName: MERGED_IDS, operator: 'HAS_PROPERTY' } as const],
        ]
      : []),
    ...recycle.map((stage) => [
      { propertyName: dateEntered(stage), operator: 'GTE', value: String(lower) } as const,
    ]),
  ];
  const outcome = await keysetScan(
    ctx.api,
    {
      objectType: 'contacts',
      sortProperty: 'lastmodifieddate',
      groups,
      properties: [
        'lastmodifieddate',
        'lifecyclestage',
        'hubspot_owner_id',
        'hubspot_owner_assigneddate',
        MERGED_IDS,
        ...recycle.map(dateEntered),
      ],
      what: 'contact',
    },
    cursorText,
    ctx.scan,
    ctx.logger,
  );
  const changes: LeadChange[] = [];
  for (const scanned of outcome.records) {
    changes.push(
      ...(withOwnerAndMerges ? ownerAndMerges(outcome, scanned) : []),
      ...recycled(outcome, scanned, recycle),
    );
  }
  return scanStep(outcome, cursorKey, { changes });
}

type Scanned = { readonly record: CrmRecord; readonly t: Instant };

const once = (outcome: ScanOutcome, key: string, t: Instant): boolean => {
  if (outcome.seen(key)) return false;
  outcome.markSeen(key, t);
  return true;
};

function ownerAndMerges(outcome: ScanOutcome, { record, t }: Scanned): LeadChange[] {
  const out: LeadChange[] = [];
  const props = record.properties;
  const assignedAt = parseInstant(props.hubspot_owner_assigneddate);
  const ownerId = text(props.hubspot_owner_id);
  if (
    assignedAt !== null &&
    assignedAt >= outcome.lower &&
    once(outcome, `o|${record.id}|${assignedAt}|${ownerId}`, t)
  ) {
    out.push({ kind: 'owner_changed', objectType: 'contact', objectId: record.id, ownerId, at: assignedAt });
  } else if (
    assignedAt !== null &&
    assignedAt < outcome.lower &&
    ownerId === null &&
    once(outcome, `x|${record.id}|${assignedAt}`, t)
  ) {
    // Removed since the last assignment; when exactly is not recorded, the modification is an upper bound.
    out.push({ kind: 'owner_changed', objectType: 'contact', objectId: record.id, ownerId: null, at: t });
  }
  for (const merged of splitMulti(props[MERGED_IDS])) {
    if (merged === record.id || !once(outcome, `d|${merged}|${record.id}`, t)) continue;
    out.push({ kind: 'deleted', objectType: 'contact', objectId: merged, mergedInto: record.id, at: t });
  }
  return out;
}

function recycled(outcome: ScanOutcome, { record, t }: Scanned, recycle: readonly string[]): LeadChange[] {
  const stage = text(record.properties.lifecyclestage);
  if (stage === null || !recycle.includes(stage)) return [];
  const at = parseInstant(record.properties[dateEntered(stage)]);
  if (at === null || at < outcome.lower || !once(outcome, `r|${record.id}|${at}`, t)) return [];
  return [{ kind: 'left_funnel', objectType: 'contact', objectId: record.id, toStage: stage, at }];
}
