import type { Instant } from '../time.ts';
import type { Keyed } from './breakdown.ts';
import type { StageFacts } from './facts.ts';
import { countOf, type Figure } from './figure.ts';
import { groupBy, type InstanceRecord } from './instance-record.ts';
import { type Period, periodLookup, periodOf, periodsBetween } from './periods.ts';

/** One month of marketing's delivery of one stage, against the monthly commitment. */
export interface DeliveryMonth extends Keyed {
  /** The month is cut by the report window (the commitment is still the whole month's). */
  readonly partial: boolean;
  readonly delivered: Figure;
  readonly commitment: number | null;
  /** delivered − commitment. */
  readonly delta: number | null;
  /** Running sum of `delta`: the waterfall's level after this month. */
  readonly cumulative: number | null;
}

export interface StageDelivery extends Keyed {
  readonly monthlyCommitment: number | null;
  readonly months: readonly DeliveryMonth[];
  readonly delivered: Figure;
  /** Commitment over the months shown. */
  readonly committed: number | null;
}

export interface DeliveryWindow {
  readonly since: Instant;
  readonly until: Instant;
  readonly zone: string;
}

/** Handoffs per stage and month against the YAML's `reports.monthly_commitment` (a waterfall per stage). */
export function stageDeliveries(
  records: readonly InstanceRecord[],
  stages: readonly StageFacts[],
  commitments: Readonly<Record<string, number>>,
  w: DeliveryWindow,
): StageDelivery[] {
  const months = periodsBetween(w.since, w.until, 'month', w.zone);
  const monthOf = periodLookup(months);
  return [...stages]
    .sort((a, b) => a.order - b.order)
    .map((stage) => {
      const mine = records.filter((r) => r.stage === stage.key);
      const byMonth = groupBy(
        mine,
        (r) => (monthOf(r.enteredAt) ?? periodOf(r.enteredAt, 'month', w.zone)).key,
      );
      const commitment = commitments[stage.key] ?? null;
      let cumulative = 0;
      const rows = months.map((m) => {
        const delivered = byMonth.get(m.key) ?? [];
        const delta = commitment === null ? null : delivered.length - commitment;
        cumulative += delta ?? 0;
        return monthRow(m, w, delivered, commitment, delta, commitment === null ? null : cumulative);
      });
      return {
        key: stage.key,
        label: stage.label,
        monthlyCommitment: commitment,
        months: rows,
        delivered: countOf(mine.map((r) => r.id)),
        committed: commitment === null ? null : commitment * months.length,
      };
    });
}

function monthRow(
  m: Period,
  w: DeliveryWindow,
  delivered: readonly InstanceRecord[],
  commitment: number | null,
  delta: number | null,
  cumulative: number | null,
): DeliveryMonth {
  return {
    key: m.key,
    label: m.label,
    partial: m.start < w.since || m.end > w.until,
    delivered: countOf(delivered.map((r) => r.id)),
    commitment,
    delta,
    cumulative,
  };
}
