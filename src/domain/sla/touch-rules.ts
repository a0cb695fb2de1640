import type { SlaInstance, Touch } from '../model.ts';
import type { TouchRule } from '../policy.ts';
import type { Instant } from '../time.ts';
import { lowerCase } from './lower-case.ts';
import { sortFew } from './sort-few.ts';

/** What a touch is judged against, besides the rule itself. */
export interface TouchContext {
  readonly instance: SlaInstance;
  /** Touches dated before this do not count, unless `rule.includeBeforeHandoff`. */
  readonly countFrom: Instant;
  /** Touches dated after this have not happened yet (meetings booked ahead). */
  readonly now: Instant;
}

/** Statuses of activities that never took place (a queued or cancelled call, a cancelled meeting). */
const NOT_HAPPENED = new Set(['queued', 'canceled', 'cancelled']);

const outcomeSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Lower-cased outcome names, computed once per rule (rules are shared by many instances). */
function outcomeSet(outcomes: readonly string[]): ReadonlySet<string> {
  let set = outcomeSets.get(outcomes);
  if (set === undefined) {
    set = new Set(outcomes.map((o) => o.toLowerCase()));
    outcomeSets.set(outcomes, set);
  }
  return set;
}

function happened(touch: Touch): boolean {
  if (touch.status !== null && NOT_HAPPENED.has(lowerCase(touch.status))) return false;
  return !(touch.kind === 'meeting' && touch.outcome !== null && NOT_HAPPENED.has(lowerCase(touch.outcome)));
}

/**
 * Why a touch does not count under a rule (the first rule it fails, in the order they are checked),
 * for people reading a lead's timeline: `other_contact` (another contact's activity), `kind` (the
 * rule does not count this kind), `before_handoff` (dated before the clock's count start),
 * `inbound` (`outboundOnly`), `not_happened` (queued or cancelled), `outcome` (a call whose outcome
 * the rule does not list), `not_owner` (`ownerOnly`, by someone else), `not_yet` (dated after now).
 */
export type TouchExclusion =
  | 'other_contact'
  | 'kind'
  | 'before_handoff'
  | 'inbound'
  | 'not_happened'
  | 'outcome'
  | 'not_owner'
  | 'not_yet';

/**
 * Whether a touch counts under a rule. Direction: `outboundOnly` rejects inbound touches; a touch
 * without a direction (HubSpot leaves it empty on many manually logged calls, meetings have none)
 * counts. `ownerOnly` on a lead without an owner accepts anyone's touch. After an owner change
 * without a clock restart, touches dated before the change count from any identified user (the
 * previous owner's id is not kept).
 */
export function counts(touch: Touch, rule: TouchRule, ctx: TouchContext): boolean {
  return touch.at <= ctx.now && exclusionOnceHappened(touch, rule, ctx) === null;
}

/** Why a touch does not count under a rule, or `null` when it counts (`counts` says the same). */
export function exclusionOf(touch: Touch, rule: TouchRule, ctx: TouchContext): TouchExclusion | null {
  return touch.at <= ctx.now ? exclusionOnceHappened(touch, rule, ctx) : 'not_yet';
}

function exclusionOnceHappened(touch: Touch, rule: TouchRule, ctx: TouchContext): TouchExclusion | null {
  if (touch.contactId !== ctx.instance.lead.contactId) return 'other_contact';
  if (!rule.kinds.includes(touch.kind)) return 'kind';
  if (!rule.includeBeforeHandoff && touch.at < ctx.countFrom) return 'before_handoff';
  if (rule.outboundOnly && touch.direction === 'inbound') return 'inbound';
  if (!happened(touch)) return 'not_happened';
  if (touch.kind === 'call' && rule.callOutcomes !== null) {
    if (touch.outcome === null || !outcomeSet(rule.callOutcomes).has(lowerCase(touch.outcome)))
      return 'outcome';
  }
  return !rule.ownerOnly || byOwner(touch, ctx.instance) ? null : 'not_owner';
}

function byOwner(touch: Touch, instance: SlaInstance): boolean {
  if (instance.ownerId === null) return true;
  if (touch.ownerId === instance.ownerId) return true;
  const changedAt = instance.ownerChangedAt ?? null;
  return changedAt !== null && touch.at < changedAt && touch.ownerId !== null;
}

/** Earliest first; ties broken by id so every evaluation picks the same touch. */
export const byTime = (a: Touch, b: Touch): number => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The touches that count under a rule, earliest first. */
export function countingTouches(touches: readonly Touch[], rule: TouchRule, ctx: TouchContext): Touch[] {
  const out: Touch[] = [];
  for (const t of touches) if (counts(t, rule, ctx)) out.push(t);
  return out.length > 1 ? sortFew(out, byTime) : out;
}

/** The earliest touch dated after `ctx.now` that will count under either rule once it happened. */
export function earliestFutureTouch(
  touches: readonly Touch[],
  first: TouchRule,
  second: TouchRule | null,
  ctx: TouchContext,
): Touch | null {
  let found: Touch | null = null;
  for (const t of touches) {
    if (t.at <= ctx.now || (found !== null && t.at >= found.at)) continue;
    if (
      exclusionOnceHappened(t, first, ctx) === null ||
      (second !== null && exclusionOnceHappened(t, second, ctx) === null)
    )
      found = t;
  }
  return found;
}
