import { MINUTE, type Millis } from '../time.ts';
import type { Keyed } from './breakdown.ts';
import {
  countOf,
  type Distribution,
  distribution,
  type Figure,
  figure,
  Measured,
  percent,
} from './figure.ts';
import type { InstanceRecord } from './instance-record.ts';

/** Bands of time to first contact; each includes its upper bound (exactly 5 minutes is `0-5m`). */
export const SPEED_BANDS = [
  { key: '0-5m', label: '0–5 min', upTo: 5 * MINUTE },
  { key: '5-15m', label: '5–15 min', upTo: 15 * MINUTE },
  { key: '15-60m', label: '15–60 min', upTo: 60 * MINUTE },
  { key: '60m+', label: '60+ min', upTo: Number.POSITIVE_INFINITY },
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
  /**
   * Of `met`, the retracted breaches: a breach or escalation had been sent, then a touch logged late
   * with an earlier time proved the deadline was met. Counted as met; shown so the SLA meeting sees
   * how often it happens.
   */
  readonly corrected: Figure;
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

const bandOf = (t: Millis): SpeedBand => {
  for (const b of SPEED_BANDS) if (t <= b.upTo) return b.key;
  return '60m+';
};

/** One pass to sort leads into verdicts and bands (run for every team, rep, stage and period). */
export function speedRow(group: Keyed, records: readonly InstanceRecord[]): SpeedRow {
  const ids: string[] = [];
  const contacted: string[] = [];
  const bands: Record<SpeedBand, string[]> = { '0-5m': [], '5-15m': [], '15-60m': [], '60m+': [] };
  const verdicts = {
    met: [] as string[],
    breached: [] as string[],
    excused: [] as string[],
    pending: [] as string[],
  };
  const corrected: string[] = [];
  const silenced: string[] = [];
  let silencedCount = 0;
  const toContact = new Measured();
  const detection = new Measured();
  const delivery = new Measured();
  const rep = new Measured();
  for (const r of records) {
    ids.push(r.id);
    toContact.add(r.id, r.timeToContact);
    detection.add(r.id, r.detectionDelay);
    delivery.add(r.id, r.deliveryDelay);
    rep.add(r.id, r.repDelay);
    if (r.timeToContact !== null) {
      contacted.push(r.id);
      bands[bandOf(r.timeToContact)].push(r.id);
    }
    verdicts[r.verdict === 'unevaluated' ? 'pending' : r.verdict].push(r.id);
    if (r.corrected) corrected.push(r.id);
    if (r.silenced.length > 0) {
      silenced.push(r.id);
      silencedCount += r.silenced.length;
    }
  }
  const { met, breached } = verdicts;
  return {
    key: group.key,
    label: group.label,
    handoffs: countOf(ids),
    contacted: countOf(contacted),
    timeToContact: distribution(toContact),
    bands: {
      '0-5m': countOf(bands['0-5m']),
      '5-15m': countOf(bands['5-15m']),
      '15-60m': countOf(bands['15-60m']),
      '60m+': countOf(bands['60m+']),
    },
    met: countOf(met),
    corrected: countOf(corrected),
    breached: countOf(breached),
    excused: countOf(verdicts.excused),
    pending: countOf(verdicts.pending),
    compliance: figure(percent(met.length, met.length + breached.length), [...met, ...breached]),
    systemDelay: {
      detection: distribution(detection),
      delivery: distribution(delivery),
    },
    repDelay: distribution(rep),
    silencedEscalations: figure(silencedCount, silenced),
  };
}
