import type { Keyed } from './breakdown.ts';
import { countOf, type Figure, figure } from './figure.ts';
import type { InstanceRecord } from './instance-record.ts';

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

/** One pass over the group (reports run this for every team, rep and stage of 10,000 leads). */
export function depthRow(group: Keyed, records: readonly InstanceRecord[]): DepthRow {
  const all: string[] = [];
  const ruled: string[] = [];
  const met: string[] = [];
  const short: string[] = [];
  const open: string[] = [];
  const overkill: string[] = [];
  const withCalls: string[] = [];
  const outcomes = new Map<string, { calls: number; ids: string[] }>();
  let made = 0;
  let required = 0;
  let calls = 0;
  let talk = 0;
  for (const r of records) {
    all.push(r.id);
    const a = r.attempts;
    if (a !== null) {
      ruled.push(r.id);
      made += a.made;
      required += a.required;
      if (a.state === 'met') met.push(r.id);
      else if (a.state === 'short') short.push(r.id);
      else open.push(r.id);
      if (a.overkill) overkill.push(r.id);
    }
    if (r.calls.length > 0) withCalls.push(r.id);
    for (const c of r.calls) {
      calls += 1;
      talk += c.durationMs ?? 0;
      const key = c.outcome ?? c.status ?? NO_OUTCOME;
      const entry = outcomes.get(key) ?? { calls: 0, ids: [] };
      entry.calls += 1;
      if (entry.ids[entry.ids.length - 1] !== r.id) entry.ids.push(r.id);
      outcomes.set(key, entry);
    }
  }
  return {
    key: group.key,
    label: group.label,
    leads: countOf(all),
    withRule: countOf(ruled),
    attempts: figure(made, ruled),
    required: figure(required, ruled),
    averageAttempts: figure(mean(made, ruled.length), ruled),
    attemptsMet: countOf(met),
    attemptsShort: countOf(short),
    attemptsOpen: countOf(open),
    overkill: countOf(overkill),
    calls: figure(calls, withCalls),
    talkTime: figure(talk, withCalls),
    averageTalkTime: figure(mean(talk, records.length), all),
    outcomes: Object.fromEntries(
      [...outcomes.entries()]
        .sort((a, b) => b[1].calls - a[1].calls || a[0].localeCompare(b[0]))
        .map(([k, v]) => [k, figure(v.calls, v.ids)]),
    ),
  };
}
