import { hash } from 'node:crypto';
import type { AttemptsVerdict, ContactKind, Evaluation } from '../../domain/evaluation.ts';
import type { Outage, Silence } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import type { Owner } from '../../ports/crm-source.ts';

/** 96 bits: equal fingerprints of different content are not a risk worth a longer string. */
const FINGERPRINT_BYTES = 12;

/**
 * What an evaluation says, without the numbers that move every second (`left`, `lateBy` of an
 * uncontacted lead). Two evaluations with the same fingerprint need not both be written. Kept for
 * every open instance and only ever compared for equality, so it is a hash of that content
 * (96 bits of SHA-1, 16 characters) rather than the content itself (~220 characters).
 */
export const evaluationFingerprint = (e: Evaluation): string => {
  const fc = e.firstContact;
  const first =
    fc.state === 'pending'
      ? ['pending', fc.deadline, fc.atRisk]
      : fc.state === 'met'
        ? ['met', fc.deadline, fc.at, fc.touchId, fc.contact ?? null]
        : ['breached', fc.deadline, fc.contactedAt, fc.excused, fc.contact ?? null];
  const a = e.attempts;
  const content = JSON.stringify([
    first,
    a ? [a.made, a.required, a.state, a.overkill, a.windowEnd] : null,
    e.acknowledged?.at ?? null,
    e.silenced,
    e.nextDueAt,
    e.due.map((d) => d.key),
    e.settled,
  ]);
  return hash('sha1', content, 'buffer').toString('base64url', 0, FINGERPRINT_BYTES);
};

/**
 * The facts a handoff ping shows: an evaluation has them, and so has the summary of a stored one
 * (`VerdictFacts`, read from columns when the worker starts).
 */
export interface PingFacts {
  readonly firstContact: {
    readonly state: 'pending' | 'met' | 'breached';
    readonly contactedAt?: Instant | null;
    readonly excused?: boolean;
    /** What the first contact was (`null`/absent: none yet, or not recorded). */
    readonly contact?: ContactKind | null;
  };
  readonly attempts: Pick<AttemptsVerdict, 'made' | 'required' | 'state' | 'overkill'> | null;
  /** Acknowledged ("On it"): the acknowledgement, or just whether there is one. */
  readonly acknowledged: object | boolean | null;
}

/** What the handoff ping shows; the ping is re-rendered in place when this changes. */
export const pingFingerprint = (e: PingFacts, closed: boolean): string => {
  const fc = e.firstContact;
  // A first contact that was only an attempt reads differently ("First attempt in 12s"); a call whose
  // outcome is logged after it (connected) changes what the ping says.
  const attempt = fc.contact === 'attempt';
  const first =
    fc.state === 'breached'
      ? `breached:${(fc.contactedAt ?? null) === null ? 'open' : attempt ? 'attempted' : 'contacted'}:${fc.excused === true}`
      : fc.state === 'met' && attempt
        ? 'met:attempt'
        : fc.state;
  const a = e.attempts;
  return [
    first,
    a ? `${a.made}/${a.required}:${a.state}:${a.overkill}` : '-',
    e.acknowledged ? 'ack' : '-',
    closed ? 'closed' : 'open',
  ].join('|');
};

/** What a rep's App Home tab shows of an open lead (its urgency and progress). */
export const homeFingerprint = (e: Evaluation): string => {
  const fc = e.firstContact;
  return `${pingFingerprint(e, false)}|${fc.state === 'pending' && fc.atRisk ? 'at-risk' : '-'}`;
};

/**
 * Everything besides an instance's own facts that its evaluation depends on: the config in force
 * (`configIdentity`, with the sla-bot version), silences, outages and the owners (names and teams),
 * as a digest the same in every process. When it changes, every instance is judged again; it is
 * stored with the verdicts, so a restart in the same world judges only what changed.
 */
export const worldFingerprint = (
  config: string,
  silences: readonly Silence[],
  outages: readonly Outage[],
  owners: readonly Owner[],
): string =>
  hash(
    'sha256',
    JSON.stringify([
      config,
      silences.map((s) => [s.id, s.from, s.until, s.scope]),
      outages.map((o) => [o.system, o.from, o.until]),
      owners.map((o) => [o.id, o.email, o.active]),
    ]),
  );
