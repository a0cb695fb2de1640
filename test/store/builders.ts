/** Domain objects for store tests and the store benchmark: complete, realistic, overridable. */
import type { Evaluation } from '../../src/domain/evaluation.ts';
import type { LeadSnapshot, SlaInstance, Touch } from '../../src/domain/model.ts';
import { instanceId } from '../../src/domain/model.ts';
import { DAY, type Instant, MINUTE } from '../../src/domain/time.ts';
import type { CycleWrite, NewOutboxEntry } from '../../src/ports/store.ts';

export const T0: Instant = Date.UTC(2026, 2, 2, 9, 0, 0);

export function lead(n: number, overrides: Partial<LeadSnapshot> = {}): LeadSnapshot {
  return {
    objectType: 'contact',
    objectId: `${1000 + n}`,
    contactId: `${1000 + n}`,
    firstName: 'Sanne',
    lastName: `de Vries-${n}`,
    company: 'Brouwerij "Het Anker" & Zn.',
    email: `sanne${n}@example.nl`,
    phone: '+31 20 123 4567',
    jobTitle: null,
    score: 87.5,
    source: 'PAID_SEARCH',
    recentConversion: 'Whitepaper: leadopvolging ✓',
    recentConversionAt: T0 - DAY,
    country: 'NL',
    url: `https://app-eu1.hubspot.com/contacts/123/record/0-1/${1000 + n}`,
    properties: { hs_lead_status: 'NEW', industry: null, annualrevenue: '1200000' },
    ...overrides,
  };
}

export function slaInstance(n: number, overrides: Partial<SlaInstance> = {}): SlaInstance {
  const snapshot = overrides.lead ?? lead(n);
  const stage = overrides.stage ?? 'sql';
  const enteredAt = overrides.enteredAt ?? T0 + n * MINUTE;
  return {
    id: instanceId({ lead: snapshot, stage, enteredAt }),
    lead: snapshot,
    stage,
    policyName: 'sql-follow-up',
    enteredAt,
    ownerId: `owner-${n % 7}`,
    ownerAssignedAt: enteredAt,
    firstSeenAt: enteredAt + 20_000,
    closedAt: null,
    closeReason: null,
    ...overrides,
  };
}

export function touch(contactId: string, n: number, overrides: Partial<Touch> = {}): Touch {
  return {
    id: `call:${contactId}-${n}`,
    kind: 'call',
    contactId,
    at: T0 + n * MINUTE,
    ownerId: 'owner-1',
    direction: 'outbound',
    status: 'COMPLETED',
    outcome: 'Connected',
    durationMs: 95_000,
    ...overrides,
  };
}

/** A pending evaluation with a handoff notification due. */
export function pendingEvaluation(instance: SlaInstance): Evaluation {
  const deadline = instance.enteredAt + 5 * MINUTE;
  return {
    instanceId: instance.id,
    clockStart: instance.enteredAt,
    firstContact: { state: 'pending', deadline, atRisk: false, left: 5 * MINUTE },
    attempts: {
      made: 0,
      required: 6,
      atMost: 9,
      windowEnd: instance.enteredAt + 5 * DAY,
      state: 'open',
      overkill: false,
    },
    systemDelay: 20_000,
    repDelay: null,
    acknowledged: null,
    silenced: [],
    nextDueAt: instance.enteredAt + 2 * MINUTE,
    due: [
      {
        key: `${instance.id}:handoff`,
        kind: 'handoff',
        instanceId: instance.id,
        dueAt: instance.enteredAt,
        targets: [{ kind: 'owner' }],
        reason: { kind: 'handoff', deadline },
      },
    ],
    settled: false,
  };
}

export function breachedEvaluation(instance: SlaInstance): Evaluation {
  const deadline = instance.enteredAt + 5 * MINUTE;
  return {
    ...pendingEvaluation(instance),
    firstContact: {
      state: 'breached',
      deadline,
      lateBy: 7 * MINUTE,
      contactedAt: deadline + 7 * MINUTE,
      excused: true,
    },
    repDelay: 12 * MINUTE,
    acknowledged: { instanceId: instance.id, by: 'U123', at: instance.enteredAt + MINUTE },
    silenced: ['escalation:1'],
    nextDueAt: null,
    due: [],
    settled: true,
  };
}

export function metEvaluation(instance: SlaInstance): Evaluation {
  const deadline = instance.enteredAt + 5 * MINUTE;
  return {
    ...pendingEvaluation(instance),
    firstContact: {
      state: 'met',
      deadline,
      at: instance.enteredAt + 3 * MINUTE,
      touchId: 'call:1',
      took: 3 * MINUTE,
    },
    attempts: null,
    repDelay: 3 * MINUTE,
    nextDueAt: null,
    due: [],
    settled: true,
  };
}

export function handoffEntry(instance: SlaInstance, overrides: Partial<NewOutboxEntry> = {}): NewOutboxEntry {
  return {
    key: `${instance.id}:handoff:owner`,
    instanceId: instance.id,
    kind: 'handoff',
    target: { kind: 'owner' },
    payload: {
      key: `${instance.id}:handoff`,
      reason: { kind: 'handoff', deadline: instance.enteredAt + 5 * MINUTE },
    },
    dueAt: instance.enteredAt,
    ...overrides,
  };
}

export function cycle(overrides: Partial<CycleWrite> = {}): CycleWrite {
  return {
    now: T0,
    cursors: {},
    newInstances: [],
    updatedInstances: [],
    closed: [],
    touches: [],
    evaluations: [],
    outbox: [],
    ...overrides,
  };
}

/** A cycle that opens `count` instances, each with its evaluation and handoff ping queued. */
export function openingCycle(count: number, offset = 0, now: Instant = T0): CycleWrite {
  const instances = Array.from({ length: count }, (_, i) => slaInstance(offset + i));
  return cycle({
    now,
    cursors: { 'handoffs:sql': `cursor-${offset + count}` },
    newInstances: instances,
    evaluations: instances.map(pendingEvaluation),
    outbox: instances.map((i) => handoffEntry(i)),
  });
}
