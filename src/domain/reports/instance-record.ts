import type { AttemptsVerdict, ExcuseReason } from '../evaluation.ts';
import type { CloseReason, Silence, Touch } from '../model.ts';
import { excuseOf } from '../sla/excuse.ts';
import { contains, type Instant, type Millis } from '../time.ts';
import type { InstanceFacts, MessageFacts, ReportFacts, ReportSetup } from './facts.ts';
import { type OwnerView, ownerViews } from './people.ts';

/**
 * met / breached (blamed on the rep) / excused (breached inside an outage, seen too late by the bot,
 * or before sla-bot was installed: shown, not counted) / pending / unevaluated (not judged yet).
 */
export type Verdict = 'met' | 'breached' | 'excused' | 'pending' | 'unevaluated';

/** One instance with everything the figures need, computed once. */
export interface InstanceRecord {
  readonly id: string;
  /** `contact:123`: the same lead across its stages. */
  readonly objectKey: string;
  /** The HubSpot contact behind the lead (touches and deals hang off it). */
  readonly contactId: string;
  readonly name: string;
  readonly company: string | null;
  readonly url: string;
  readonly stage: string;
  readonly enteredAt: Instant;
  readonly closedAt: Instant | null;
  readonly closeReason: CloseReason | null;
  readonly owner: OwnerView;
  readonly verdict: Verdict;
  /**
   * Why an excused breach is not held against the rep: `before_sla_bot` (imported at sla-bot's first
   * install, the deadline had passed before it), `seen_late` or `outage`; `null` when not excused.
   */
  readonly excuse: ExcuseReason | null;
  /**
   * A retracted breach: the verdict is met now (a touch logged late, with an earlier time, proved the
   * deadline was met) and yet a breach or escalation message had been sent about it. Counted as met.
   */
  readonly corrected: boolean;
  readonly deadline: Instant | null;
  readonly contactedAt: Instant | null;
  /** Business time from clock start to first contact (the SLA's own measure). */
  readonly timeToContact: Millis | null;
  /** Past the deadline: until the contact, or until now/closing while uncontacted. */
  readonly lateBy: Millis | null;
  /** System delay, part 1: stage entered → the bot saw it. */
  readonly detectionDelay: Millis;
  /** System delay, part 2: the bot saw it → the handoff ping was delivered. */
  readonly deliveryDelay: Millis | null;
  /** Rep delay: clock start (or first seen) → first contact. */
  readonly repDelay: Millis | null;
  readonly attempts: AttemptsVerdict | null;
  /** Calls on the lead while the instance was open, oldest first. */
  readonly calls: readonly Touch[];
  /** Keys of escalations a manager's silence held back. */
  readonly silenced: readonly string[];
}

const leadName = (f: InstanceFacts): string => {
  const l = f.instance.lead;
  const name = [l.firstName, l.lastName].filter((s) => s !== null && s.trim() !== '').join(' ');
  return name || l.email || `${l.objectType} ${l.objectId}`;
};

function silencedBy(
  silences: readonly Silence[],
  owner: OwnerView,
  ownerId: string | null,
  t: Instant,
): boolean {
  return silences.some(
    (s) =>
      contains(s, t) &&
      (s.scope.kind === 'owner' ? s.scope.ownerId === ownerId : s.scope.team === owner.team),
  );
}

/** Turns stored facts into records (touches and messages indexed once: O(n) for 10,000 instances). */
export function instanceRecords(facts: ReportFacts, setup: ReportSetup, now: Instant): InstanceRecord[] {
  const ownerOf = ownerViews(setup);
  const calendars = new Map(setup.policies.map((p) => [p.name, p.calendar]));
  const calls = groupBy(
    facts.touches.filter((t) => t.kind === 'call'),
    (t) => t.contactId,
  );
  const messages = groupBy(
    facts.messages.filter((m) => m.instanceId !== null),
    (m) => m.instanceId ?? '',
  );
  const seen = new Set<string>();
  const out: InstanceRecord[] = [];
  for (const f of facts.instances) {
    if (seen.has(f.instance.id)) continue;
    seen.add(f.instance.id);
    out.push(record(f));
  }
  return out;

  function record(f: InstanceFacts): InstanceRecord {
    const { instance: i, evaluation: e } = f;
    const owner = ownerOf(i.ownerId);
    const end = Math.min(now, i.closedAt ?? now);
    const fc = e?.firstContact ?? null;
    const contactedAt =
      fc === null ? null : fc.state === 'met' ? fc.at : fc.state === 'breached' ? fc.contactedAt : null;
    const excuse =
      fc?.state === 'breached'
        ? (excuseOf(fc.deadline, i, facts.outages) ?? (fc.excused ? (fc.excuse ?? 'outage') : null))
        : null;
    const verdict = fc === null ? 'unevaluated' : excuse !== null ? 'excused' : fc.state;
    const mine = messages.get(i.id) ?? [];
    return {
      id: i.id,
      objectKey: `${i.lead.objectType}:${i.lead.objectId}`,
      contactId: i.lead.contactId,
      name: leadName(f),
      company: i.lead.company,
      url: i.lead.url,
      stage: i.stage,
      enteredAt: i.enteredAt,
      closedAt: i.closedAt,
      closeReason: i.closeReason,
      owner,
      verdict,
      excuse,
      corrected: verdict === 'met' && breachAnnounced(mine),
      deadline: fc?.deadline ?? null,
      contactedAt,
      timeToContact: timeToContact(),
      lateBy: fc?.state === 'breached' ? Math.max(0, (contactedAt ?? end) - fc.deadline) : null,
      detectionDelay: e?.systemDelay ?? Math.max(0, i.firstSeenAt - i.enteredAt),
      deliveryDelay: deliveryDelay(mine, i.firstSeenAt),
      repDelay: e?.repDelay ?? null,
      attempts: e?.attempts ?? null,
      calls: (calls.get(i.lead.contactId) ?? []).filter((t) => t.at >= i.enteredAt && t.at <= end),
      silenced: silencedKeys(),
    };

    function timeToContact(): Millis | null {
      if (fc?.state === 'met') return fc.took;
      if (contactedAt === null || e === null) return null;
      if (contactedAt <= e.clockStart) return 0;
      const calendar = calendars.get(i.policyName);
      return calendar ? calendar.businessTimeBetween(e.clockStart, contactedAt) : contactedAt - e.clockStart;
    }

    function silencedKeys(): string[] {
      const keys = new Set(e?.silenced ?? []);
      for (const m of mine)
        if (m.kind === 'escalation' && silencedBy(facts.silences, owner, i.ownerId, m.dueAt))
          keys.add(m.notificationKey);
      return [...keys].sort();
    }
  }
}

/** A breach or escalation about the instance reached Slack (the outbox row is sent). */
const breachAnnounced = (messages: readonly MessageFacts[]): boolean =>
  messages.some((m) => (m.kind === 'breach' || m.kind === 'escalation') && m.state === 'sent');

function deliveryDelay(messages: readonly MessageFacts[], firstSeenAt: Instant): Millis | null {
  let first: Instant | null = null;
  for (const m of messages)
    if (m.kind === 'handoff' && m.sentAt !== null && (first === null || m.sentAt < first)) first = m.sentAt;
  return first === null ? null : Math.max(0, first - firstSeenAt);
}

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}
