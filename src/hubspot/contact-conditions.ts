import type { SlaConfig, StageDefinition } from '../config/types.ts';
import type { Instant } from '../domain/time.ts';
import { dateEntered } from './poll-context.ts';
import { SEARCH_LIMITS, type SearchFilter } from './search-request.ts';

export const MERGED_IDS = 'hs_merged_object_ids';

/**
 * One thing that can change on a contact and matter to an SLA: a filter group of the contacts scan
 * (sorted on `lastmodifieddate`, which every one of these changes moves) and how a record is read.
 */
export type ContactCondition =
  | { readonly kind: 'lifecycle'; readonly stage: StageDefinition; readonly value: string }
  | {
      readonly kind: 'property';
      readonly stage: StageDefinition;
      readonly property: string;
      readonly equals: string;
    }
  | { readonly kind: 'owner_assigned' }
  /** No owner now, but one was assigned once: removing an owner leaves `hubspot_owner_assigneddate`. */
  | { readonly kind: 'owner_removed' }
  | { readonly kind: 'merged' }
  | { readonly kind: 'recycle'; readonly value: string };

/** Every contact-side condition of the configuration, in a fixed order (stages, owner, merges, recycle). */
export function contactConditions(config: Pick<SlaConfig, 'stages' | 'recycleStages'>): ContactCondition[] {
  const stages = config.stages.flatMap((stage): ContactCondition[] => {
    const source = stage.source;
    if (source.kind === 'lifecycle_stage') return [{ kind: 'lifecycle', stage, value: source.value }];
    if (source.kind === 'property')
      return [{ kind: 'property', stage, property: source.property, equals: source.equals }];
    return [];
  });
  return [
    ...stages,
    { kind: 'owner_assigned' },
    { kind: 'owner_removed' },
    { kind: 'merged' },
    ...config.recycleStages.map((value): ContactCondition => ({ kind: 'recycle', value })),
  ];
}

/** The condition's own filters (the scan adds its position's); `lower` is the poll's window start. */
export function conditionFilters(condition: ContactCondition, lower: Instant): SearchFilter[] {
  const since = String(lower);
  switch (condition.kind) {
    case 'lifecycle':
      return [{ propertyName: dateEntered(condition.value), operator: 'GTE', value: since }];
    case 'property':
      return [{ propertyName: condition.property, operator: 'EQ', value: condition.equals }];
    case 'owner_assigned':
      return [{ propertyName: 'hubspot_owner_assigneddate', operator: 'GTE', value: since }];
    case 'owner_removed':
      return [
        { propertyName: 'hubspot_owner_id', operator: 'NOT_HAS_PROPERTY' },
        { propertyName: 'hubspot_owner_assigneddate', operator: 'HAS_PROPERTY' },
      ];
    case 'merged':
      return [{ propertyName: MERGED_IDS, operator: 'HAS_PROPERTY' }];
    case 'recycle':
      return [{ propertyName: dateEntered(condition.value), operator: 'GTE', value: since }];
  }
}

/** Filters the keyset position adds to every group at most (a tie: `EQ value` and `hs_object_id GT id`). */
const POSITION_FILTERS = 2;

/**
 * The conditions packed into as few searches as HubSpot's limits allow (groups per search, filters per
 * group and in all, each group counted with the position's own filters): in order, a new search when
 * the next condition would not fit. Deterministic, so each search keeps its cursor from poll to poll.
 */
export function packConditions(
  conditions: readonly ContactCondition[],
  limits: Pick<typeof SEARCH_LIMITS, 'groups' | 'filtersPerGroup' | 'filters'> = SEARCH_LIMITS,
): ContactCondition[][] {
  const packs: ContactCondition[][] = [];
  let current: ContactCondition[] = [];
  let filters = 0;
  for (const condition of conditions) {
    const size = conditionFilters(condition, 0).length + POSITION_FILTERS;
    if (size > limits.filtersPerGroup)
      throw new Error(`contact condition ${condition.kind} needs ${size} filters in one group`);
    if (current.length > 0 && (current.length >= limits.groups || filters + size > limits.filters)) {
      packs.push(current);
      current = [];
      filters = 0;
    }
    current.push(condition);
    filters += size;
  }
  if (current.length > 0) packs.push(current);
  return packs;
}

/** Cursor key of the `index`-th contacts search. */
export const contactScanKey = (index: number): string => (index === 0 ? 'contacts' : `contacts:${index}`);

/** Properties a record needs for the conditions of one search to be read. */
export function conditionProperties(conditions: readonly ContactCondition[]): string[] {
  return conditions.flatMap((c) => {
    switch (c.kind) {
      case 'lifecycle':
      case 'recycle':
        return [dateEntered(c.value)];
      case 'property':
        return [c.property];
      case 'merged':
        return [MERGED_IDS];
      default:
        return [];
    }
  });
}
