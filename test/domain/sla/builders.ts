import { DateTime } from 'luxon';
import { compileCalendar } from '../../../src/domain/calendar/compile.ts';
import type { Evaluation, EvaluationInput } from '../../../src/domain/evaluation.ts';
import {
  type Acknowledgement,
  type Handoff,
  instanceId,
  type LeadSnapshot,
  type Outage,
  type Silence,
  type SlaInstance,
  type Touch,
} from '../../../src/domain/model.ts';
import type { AttemptsRule, EscalationLevel, Policy, Target, TouchRule } from '../../../src/domain/policy.ts';
import { evaluate } from '../../../src/domain/sla/evaluate.ts';
import { type Instant, MINUTE, SECOND } from '../../../src/domain/time.ts';

/** Monday 2026-01-05 09:00 UTC: the default moment a lead enters its stage. */
export const T0: Instant = Date.UTC(2026, 0, 5, 9, 0);

export const always = compileCalendar({ kind: '24x7', name: '24x7', zone: 'UTC' });

/** An instant from a local date-time in a zone, e.g. `local('2026-03-27T17:25', 'Europe/Amsterdam')`. */
export function local(iso: string, zone: string): Instant {
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new Error(`bad local time ${iso} in ${zone}: ${dt.invalidExplanation}`);
  return dt.toMillis();
}

export const rule = (overrides: Partial<TouchRule> = {}): TouchRule => ({
  kinds: ['call', 'email', 'meeting'],
  callOutcomes: null,
  outboundOnly: false,
  ownerOnly: false,
  includeBeforeHandoff: false,
  ...overrides,
});

export const attemptsRule = (overrides: Partial<AttemptsRule> = {}): AttemptsRule => ({
  required: 6,
  within: 5 * 24 * 60 * MINUTE,
  atMost: 9,
  minGap: null,
  counts: rule({ kinds: ['call'] }),
  ...overrides,
});

export const escalation = (
  level: number,
  after: number,
  notify: readonly Target[],
  repeat: EscalationLevel['repeat'] = null,
): EscalationLevel => ({ level, after, notify, repeat });

export interface PolicyOptions extends Partial<Omit<Policy, 'firstContact'>> {
  readonly within?: number;
  readonly remind?: readonly number[];
  readonly counts?: TouchRule;
}

/** A first-contact-only policy on a 24×7 calendar: 5 minutes, a reminder at 2 minutes. */
export function policy(options: PolicyOptions = {}): Policy {
  const { within = 5 * MINUTE, remind = [2 * MINUTE], counts = rule(), ...rest } = options;
  return {
    name: 'sql-follow-up',
    stage: 'sql',
    segment: null,
    calendar: always,
    firstContact: { within, remind, counts },
    attempts: null,
    escalate: [],
    clockStart: 'entered',
    restartOnOwnerChange: false,
    ...rest,
  };
}

export function lead(overrides: Partial<LeadSnapshot> = {}): LeadSnapshot {
  return {
    objectType: 'contact',
    objectId: '101',
    contactId: '101',
    firstName: 'Ana',
    lastName: 'Díaz',
    company: 'Acme',
    email: 'ana@example.com',
    phone: '+31 20 123 4567',
    jobTitle: null,
    score: 80,
    source: 'PAID_SEARCH',
    recentConversion: 'Pricing demo',
    recentConversionAt: null,
    country: 'NL',
    url: 'https://app.hubspot.com/contacts/1/record/0-1/101',
    properties: {},
    ...overrides,
  };
}

export function handoff(overrides: Partial<Handoff> = {}): Handoff {
  return { lead: lead(), stage: 'sql', enteredAt: T0, ownerId: 'rep-1', ownerAssignedAt: null, ...overrides };
}

/** An open instance owned by `rep-1`, entered at T0, seen by the bot 30 seconds later. */
export function instance(overrides: Partial<SlaInstance> = {}): SlaInstance {
  const base = {
    lead: lead(),
    stage: 'sql',
    policyName: 'sql-follow-up',
    enteredAt: T0,
    ownerId: 'rep-1',
    ownerAssignedAt: null,
    closedAt: null,
    closeReason: null,
    ...overrides,
  };
  return {
    id: instanceId(base),
    firstSeenAt: base.enteredAt + 30 * SECOND,
    ...base,
    ...overrides,
  };
}

let touchSeq = 0;

function touch(kind: Touch['kind'], at: Instant, overrides: Partial<Touch>): Touch {
  touchSeq += 1;
  return {
    id: `${kind}:${touchSeq}`,
    kind,
    contactId: '101',
    at,
    ownerId: 'rep-1',
    direction: kind === 'meeting' ? null : 'outbound',
    status: kind === 'call' ? 'COMPLETED' : null,
    outcome: kind === 'call' ? 'Connected' : null,
    durationMs: null,
    ...overrides,
  };
}

/** An outbound call by rep-1 to the lead, connected. */
export const call = (at: Instant, overrides: Partial<Touch> = {}) => touch('call', at, overrides);
export const email = (at: Instant, overrides: Partial<Touch> = {}) => touch('email', at, overrides);
export const meeting = (at: Instant, overrides: Partial<Touch> = {}) => touch('meeting', at, overrides);

export const ack = (i: SlaInstance, at: Instant, by = 'rep-1'): Acknowledgement => ({
  instanceId: i.id,
  by,
  at,
});

export const silenceOwner = (ownerId: string, from: Instant, until: Instant): Silence => ({
  id: `silence:${ownerId}:${from}`,
  scope: { kind: 'owner', ownerId },
  from,
  until,
  reason: 'on a customer visit',
  by: 'manager@example.com',
});

export const silenceTeam = (team: string, from: Instant, until: Instant): Silence => ({
  id: `silence:${team}:${from}`,
  scope: { kind: 'team', team },
  from,
  until,
  reason: 'team offsite',
  by: 'manager@example.com',
});

export const outage = (system: Outage['system'], from: Instant, until: Instant): Outage => ({
  system,
  from,
  until,
});

export interface Scenario {
  readonly instance?: SlaInstance;
  readonly policy?: Policy;
  readonly touches?: readonly Touch[];
  readonly acknowledgements?: readonly Acknowledgement[];
  readonly silences?: readonly Silence[];
  readonly team?: string | null;
  readonly outages?: readonly Outage[];
}

export function scenario(s: Scenario = {}): EvaluationInput {
  return {
    instance: s.instance ?? instance(),
    policy: s.policy ?? policy(),
    touches: s.touches ?? [],
    acknowledgements: s.acknowledgements ?? [],
    silences: s.silences ?? [],
    team: s.team ?? null,
    outages: s.outages ?? [],
  };
}

/** Evaluates a scenario at `now`. */
export const judge = (s: Scenario, now: Instant): Evaluation => evaluate(scenario(s), now);

/** The keys of what is due, in order. */
export const dueKeys = (e: Evaluation): string[] => e.due.map((d) => d.key);

/** Keys relative to the instance id (`handoff:rep-1`, `reminder:0`, …) for readable assertions. */
export const dueKinds = (e: Evaluation): string[] => e.due.map((d) => d.key.slice(e.instanceId.length + 1));
