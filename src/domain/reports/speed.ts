import { MINUTE, type Millis } from '../time.ts';
import type { Keyed } from './breakdown.ts';
import { countOf, type Distribution, distribution, type Figure, figure, percent } from './figure.ts';
import type { LeadRecord } from './lead-record.ts';

/** Bands of time to first contact; each includes its upper bound (exactly 5 minutes is `0-5m`). */
export const SPEED_BANDS = [
  { key: '0-5m', label: '0–5 min', over: Number.NEGATIVE_INFINITY, upTo: 5 * MINUTE },
  { key: '5-15m', label: '5–15 min', over: 5 * MINUTE, upTo: 15 * MINUTE },
  { key: '15-60m', label: '15–60 min', over: 15 * MINUTE, upTo: 60 * MINUTE },
  { key: '60m+', label: '60+ min', over: 60 * MINUTE, upTo: Number.POSITIVE_INFINITY },
] as const;
export type SpeedBand = (typeof SPEED_BANDS)[number]['key'];

/** Speed of follow-up for one group of leads. */
export interface SpeedRow extends Keyed {
  readonly handoffs: Figure;
  readonly contacted: Figure;
  /** Business time from clock start to first contact, over contacted leads. */
  readonly timeToContact: Distribution;
  readonly bands: Readonly<Record<SpeedBand, Figure>>;
  readonly met: Figure;
  /** Breaches held against the rep. */
  readonly breached: Figure;
  /** Breaches in an outage or seen too late by the bot: shown, not counted. */
  readonly excused: Figure;
  /** Not yet due (or not yet judged). */
  readonly pending: Figure;
  /** met ÷ (met + breached), in %; the ids are the leads judged. */
  readonly compliance: Figure;
  readonly systemDelay: { readonly detection: Distribution; readonly delivery: Distribution };
  readonly repDelay: Distribution;
  /** Escalations a manager's silence held back: shown, not counted. */
  readonly silencedEscalations: Figure;
}

const inBand = (t: Millis | null, over: number, upTo: number): boolean => t !== null && t > over && t <= upTo;
const ids = (records: readonly LeadRecord[]): string[] => records.map((r) => r.id);
const measured = (records: readonly LeadRecord[], pick: (r: LeadRecord) => Millis | null) =>
  records.flatMap((r) => {
    const value = pick(r);
    return value === null ? [] : [{ id: r.id, value }];
  });

export function speedRow(group: Keyed, records: readonly LeadRecord[]): SpeedRow {
  const contacted = records.filter((r) => r.timeToContact !== null);
  const band = (key: SpeedBand): Figure => {
    const b = SPEED_BANDS.find((x) => x.key === key) ?? SPEED_BANDS[3];
    return countOf(ids(contacted.filter((r) => inBand(r.timeToContact, b.over, b.upTo))));
  };
  const bands = {
    '0-5m': band('0-5m'),
    '5-15m': band('5-15m'),
    '15-60m': band('15-60m'),
    '60m+': band('60m+'),
  };
  const verdict = (v: LeadRecord['verdict'][]) => ids(records.filter((r) => v.includes(r.verdict)));
  const met = verdict(['met']);
  const breached = verdict(['breached']);
  const silenced = records.filter((r) => r.silenced.length > 0);
  return {
    key: group.key,
    label: group.label,
    handoffs: countOf(ids(records)),
    contacted: countOf(ids(contacted)),
    timeToContact: distribution(measured(contacted, (r) => r.timeToContact)),
    bands,
    met: countOf(met),
    breached: countOf(breached),
    excused: countOf(verdict(['excused'])),
    pending: countOf(verdict(['pending', 'unevaluated'])),
    compliance: figure(percent(met.length, met.length + breached.length), [...met, ...breached]),
    systemDelay: {
      detection: distribution(measured(records, (r) => r.detectionDelay)),
      delivery: distribution(measured(records, (r) => r.deliveryDelay)),
    },
    repDelay: distribution(measured(records, (r) => r.repDelay)),
    silencedEscalations: figure(
      silenced.reduce((n, r) => n + r.silenced.length, 0),
      ids(silenced),
    ),
  };
}
