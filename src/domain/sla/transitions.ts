import {
  type CloseReason,
  type FunnelStage,
  type Handoff,
  instanceId,
  type LeadChange,
  type SlaInstance,
} from '../model.ts';
import type { Policy } from '../policy.ts';
import type { Instant } from '../time.ts';
import { type ClosedInstance, InstanceBook } from './instance-book.ts';
import { applyOwnerChange } from './owner-change.ts';
import { selectPolicy } from './select-policy.ts';

export interface LeadEvents {
  /** Instances currently open (closed ones are ignored). */
  readonly open: readonly SlaInstance[];
  readonly handoffs: readonly Handoff[];
  readonly changes: readonly LeadChange[];
  readonly stages: readonly FunnelStage[];
  readonly policies: readonly Policy[];
  /** When the bot saw these events: the `firstSeenAt` of opened instances. */
  readonly now: Instant;
  /**
   * When sla-bot was first installed (`null` or absent: not known, nothing is imported). A handoff
   * that entered its stage before it opens an imported instance (`SlaInstance.importedAt`).
   */
  readonly installedAt?: Instant | null;
}

/** Why a handoff opened nothing. */
export type UnmatchedReason =
  /** The stage key is not configured (config changed since the poll). */
  | 'unknown_stage'
  /** No policy covers the stage and the lead's segment. */
  | 'no_policy'
  /** The lead already has an open instance that entered later: this handoff is history. */
  | 'superseded';

export interface LeadEventsResult {
  /** New instances, in their final state (closed fields set when closed by a later event of the batch). */
  readonly opened: readonly SlaInstance[];
  /** Existing instances whose owner changed, in their final state. */
  readonly updated: readonly SlaInstance[];
  /** Every instance these events closed, existing or opened. */
  readonly closed: readonly ClosedInstance[];
  readonly unmatched: readonly { readonly handoff: Handoff; readonly reason: UnmatchedReason }[];
}

type Event =
  | { readonly at: Instant; readonly handoff: Handoff }
  | { readonly at: Instant; readonly change: LeadChange };

/**
 * What handoffs and lead changes do to the open SLA instances, applied in time order (a handoff
 * before a change at the same instant). A handoff opens an instance when a policy matches (duplicates
 * are ignored) and closes the lead's other open instances: earlier stages as `progressed`, later
 * ones as `regressed`, the same stage re-entered as `recycled`. A lead that skips stages just opens
 * the later one. Leaving the funnel closes (`regressed` when the new stage is a configured earlier
 * one, else `recycled`); deletion closes (a merge keeps the record merged into as `closeDetail`). Owner changes update the instance (see `applyOwnerChange`).
 */
export function applyLeadEvents(input: LeadEvents): LeadEventsResult {
  const book = new InstanceBook(input.open);
  const order = new Map(input.stages.map((s) => [s.key, s.order]));
  const unmatched: { handoff: Handoff; reason: UnmatchedReason }[] = [];
  for (const event of timeline(input)) {
    if ('handoff' in event) {
      const reason = openFor(event.handoff, book, order, input);
      if (reason !== null) unmatched.push({ handoff: event.handoff, reason });
    } else {
      applyChange(event.change, book, order);
    }
  }
  return { ...book.result(), unmatched };
}

function timeline(input: LeadEvents): Event[] {
  const events: Event[] = [
    ...input.handoffs.map((handoff) => ({ at: handoff.enteredAt, handoff })),
    ...input.changes.map((change) => ({ at: change.at, change })),
  ];
  // Array.prototype.sort is stable: same-instant events keep handoffs first, then input order.
  return events.sort((a, b) => a.at - b.at);
}

function openFor(
  h: Handoff,
  book: InstanceBook,
  order: ReadonlyMap<string, number>,
  input: LeadEvents,
): UnmatchedReason | null {
  const id = instanceId(h);
  if (book.has(id)) return null;
  const stageOrder = order.get(h.stage);
  if (stageOrder === undefined) return 'unknown_stage';
  const policy = selectPolicy(input.policies, h.stage, h.lead.properties);
  if (policy === null) return 'no_policy';
  const others = book.openOf(h.lead.objectType, h.lead.objectId);
  const rank = (stage: string): number => order.get(stage) ?? -1;
  const later = (i: SlaInstance) =>
    i.enteredAt > h.enteredAt || (i.enteredAt === h.enteredAt && rank(i.stage) > stageOrder);
  if (others.some(later)) return 'superseded';
  for (const other of others) {
    const r = rank(other.stage);
    book.close(other, h.enteredAt, r < stageOrder ? 'progressed' : r > stageOrder ? 'regressed' : 'recycled');
  }
  book.open(openedInstance(h, policy.name, input.now, input.installedAt ?? null));
  return null;
}

/**
 * The open instance a handoff starts under the policy named `policyName`, first seen `now`; imported
 * when it entered its stage before sla-bot was installed (`installedAt`).
 */
export function openedInstance(
  h: Handoff,
  policyName: string,
  now: Instant,
  installedAt: Instant | null = null,
): SlaInstance {
  const imported = installedAt !== null && h.enteredAt < installedAt;
  return {
    id: instanceId(h),
    lead: h.lead,
    stage: h.stage,
    policyName,
    enteredAt: h.enteredAt,
    ownerId: h.ownerId,
    ownerAssignedAt: h.ownerAssignedAt,
    firstSeenAt: now,
    ...(imported ? { importedAt: installedAt } : {}),
    closedAt: null,
    closeReason: null,
  };
}

function applyChange(change: LeadChange, book: InstanceBook, order: ReadonlyMap<string, number>): void {
  for (const instance of book.openOf(change.objectType, change.objectId)) {
    switch (change.kind) {
      case 'owner_changed': {
        const next = applyOwnerChange(instance, change.ownerId, change.at, change.current === true);
        if (next !== instance) book.update(next);
        break;
      }
      case 'left_funnel':
        if (change.at >= instance.enteredAt)
          book.close(instance, change.at, leftReason(change.toStage, instance, order));
        break;
      case 'deleted':
        book.close(instance, Math.max(change.at, instance.enteredAt), 'deleted', change.mergedInto);
        break;
    }
  }
}

function leftReason(toStage: string, instance: SlaInstance, order: ReadonlyMap<string, number>): CloseReason {
  const to = order.get(toStage);
  const from = order.get(instance.stage);
  return to !== undefined && from !== undefined && to < from ? 'regressed' : 'recycled';
}
