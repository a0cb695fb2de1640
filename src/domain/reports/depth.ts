import type { Keyed } from './breakdown.ts';
import { countOf, type Figure, figure, sum } from './figure.ts';
import type { LeadRecord } from './lead-record.ts';

/** Depth of follow-up for one group of leads. */
export interface DepthRow extends Keyed {
  readonly leads: Figure;
  /** Leads whose policy requires attempts. */
  readonly withRule: Figure;
  /** Attempts the engine counted, summed over `withRule`. */
  readonly attempts: Figure;
  readonly required: Figure;
  /** Mean attempts per lead with a rule. */
  readonly averageAttempts: Figure;
  readonly attemptsMet: Figure;
  readonly attemptsShort: Figure;
  /** Window still running. */
  readonly attemptsOpen: Figure;
  /** More attempts than the policy's upper bound. */
  readonly overkill: Figure;
  /** Calls logged while the instance was open. */
  readonly calls: Figure;
  /** Total talk time (ms) of those calls. */
  readonly talkTime: Figure;
  /** Mean talk time (ms) per lead. */
  readonly averageTalkTime: Figure;
  /** Calls by outcome (disposition), the ids being the leads with such a call. */
  readonly outcomes: Readonly<Record<string, Figure>>;
}

const NO_OUTCOME = '(no outcome)';

const mean = (total: number, n: number): number | null =>
  n === 0 ? null : Math.round((total / n) * 10) / 10;

export function depthRow(group: Keyed, records: readonly LeadRecord[]): DepthRow {
  const all = records.map((r) => r.id);
  const ruled = records.filter((r) => r.attempts !== null);
  const ruledIds = ruled.map((r) => r.id);
  const made = sum(ruled.map((r) => r.attempts?.made ?? 0));
  const state = (s: 'met' | 'short' | 'open') =>
    countOf(ruled.filter((r) => r.attempts?.state === s).map((r) => r.id));
  const withCalls = records.filter((r) => r.calls.length > 0).map((r) => r.id);
  const talk = sum(records.map((r) => sum(r.calls.map((c) => c.durationMs ?? 0))));
  const outcomes = new Map<string, { calls: number; ids: Set<string> }>();
  for (const r of records)
    for (const c of r.calls) {
      const key = c.outcome ?? c.status ?? NO_OUTCOME;
      const entry = outcomes.get(key) ?? { calls: 0, ids: new Set<string>() };
      entry.calls += 1;
      entry.ids.add(r.id);
      outcomes.set(key, entry);
    }
  return {
    key: group.key,
    label: group.label,
    leads: countOf(all),
    withRule: countOf(ruledIds),
    attempts: figure(made, ruledIds),
    required: figure(sum(ruled.map((r) => r.attempts?.required ?? 0)), ruledIds),
    averageAttempts: figure(mean(made, ruled.length), ruledIds),
    attemptsMet: state('met'),
    attemptsShort: state('short'),
    attemptsOpen: state('open'),
    overkill: countOf(ruled.filter((r) => r.attempts?.overkill === true).map((r) => r.id)),
    calls: figure(sum(records.map((r) => r.calls.length)), withCalls),
    talkTime: figure(talk, withCalls),
    averageTalkTime: figure(mean(talk, records.length), all),
    outcomes: Object.fromEntries(
      [...outcomes.entries()]
        .sort((a, b) => b[1].calls - a[1].calls || a[0].localeCompare(b[0]))
        .map(([k, v]) => [k, figure(v.calls, [...v.ids])]),
    ),
  };
}
