/** The SLA engine: pure functions of facts and `now`. */
export { evaluate } from './evaluate.ts';
export type { ClosedInstance } from './instance-book.ts';
export { matchesCondition, type Properties, selectPolicy } from './select-policy.ts';
export {
  applyLeadEvents,
  type LeadEvents,
  type LeadEventsResult,
  type UnmatchedReason,
} from './transitions.ts';
