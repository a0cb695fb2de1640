import type { Keyed } from './breakdown.ts';
import type { StageFacts } from './facts.ts';
import { countOf, type Figure, figure, percent } from './figure.ts';
import { groupBy, type InstanceRecord } from './instance-record.ts';

/** Of the leads that entered `from` in the window, how many later reached `to` (or a later stage). */
export interface Conversion extends Keyed {
  readonly from: string;
  readonly to: string;
  readonly entered: Figure;
  readonly converted: Figure;
  /** converted ÷ entered, in %. */
  readonly rate: Figure;
}

/** Stage pairs: each stage to the next, and the first to the last when there are more than two. */
function pairs(stages: readonly StageFacts[]): [StageFacts, StageFacts][] {
  const s = [...stages].sort((a, b) => a.order - b.order);
  const out: [StageFacts, StageFacts][] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push([s[i] as StageFacts, s[i + 1] as StageFacts]);
  if (s.length > 2) out.push([s[0] as StageFacts, s[s.length - 1] as StageFacts]);
  return out;
}

/**
 * `entering`: the window's filtered leads; `all`: every instance known (later stages may lie after
 * the window or belong to another owner). A lead that skipped a stage (MQL straight to SQL) counts
 * as converted to the skipped one too.
 */
export function conversions(
  entering: readonly InstanceRecord[],
  all: readonly InstanceRecord[],
  stages: readonly StageFacts[],
): Conversion[] {
  const order = new Map(stages.map((s) => [s.key, s.order]));
  const byObject = groupBy(all, (r) => r.objectKey);
  return pairs(stages).map(([from, to]) => {
    const entered = entering.filter((r) => r.stage === from.key);
    const converted = entered.filter((r) =>
      (byObject.get(r.objectKey) ?? []).some(
        (later) => (order.get(later.stage) ?? -1) >= to.order && later.enteredAt >= r.enteredAt,
      ),
    );
    const ids = entered.map((r) => r.id);
    return {
      key: `${from.key}-${to.key}`,
      label: `${from.label} → ${to.label}`,
      from: from.key,
      to: to.key,
      entered: countOf(ids),
      converted: countOf(converted.map((r) => r.id)),
      rate: figure(percent(converted.length, entered.length), ids),
    };
  });
}
