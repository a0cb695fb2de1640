import type { Keyed } from './breakdown.ts';
import type { RejectionFacts } from './facts.ts';
import { countOf, type Figure } from './figure.ts';
import { groupBy } from './instance-record.ts';

export interface ReasonRow extends Keyed {
  readonly count: Figure;
}

/** Reasons sales gave for "Not a fit", most frequent first. */
export function notAFitReasons(rejections: readonly RejectionFacts[]): ReasonRow[] {
  return [...groupBy(rejections, (r) => r.reason).entries()]
    .map(([reason, list]) => ({ key: reason, label: reason, count: countOf(list.map((r) => r.instanceId)) }))
    .sort((a, b) => (b.count.value ?? 0) - (a.count.value ?? 0) || a.label.localeCompare(b.label));
}
