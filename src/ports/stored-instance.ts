import type { AttemptsVerdict, ContactKind, Evaluation, FirstContactVerdict } from '../domain/evaluation.ts';
import type { LeadObjectType, SlaInstance } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';
import type { MessageRef } from './notifier.ts';

/**
 * An SLA instance as stored: the instance, its latest evaluation (with its `due` list), and where
 * its handoff ping lives — the row the store reads back whole. The worker keeps it in memory as an
 * `OpenInstance`; people see it as an `InstanceView`.
 */
export interface StoredInstance {
  readonly instance: SlaInstance;
  /** Latest evaluation (verdicts for reports); `null` until first evaluated. */
  readonly evaluation: Evaluation | null;
  /** The handoff ping to the owner, updated in place as the state changes. */
  readonly pingRef: MessageRef | null;
  /** Fingerprint of what the ping currently shows (to update it only when it changes). */
  readonly pingState: string | null;
}

/** Where a page of open instances ends: the last instance's stage entry and id. */
export interface InstancePageKey {
  readonly enteredAt: Instant;
  readonly id: string;
}

/** The key a page ending with this instance continues from. */
export const pageKeyOf = (s: StoredInstance | OpenInstanceSummary): InstancePageKey =>
  'instance' in s
    ? { enteredAt: s.instance.enteredAt, id: s.instance.id }
    : { enteredAt: s.enteredAt, id: s.id };

/** What an evaluation's verdicts say, as far as a handoff ping shows them (see `OpenInstanceSummary`). */
export interface VerdictFacts {
  readonly settled: boolean;
  readonly firstContact: {
    readonly state: FirstContactVerdict['state'];
    /** The first contact, made in time or late; `null` while uncontacted. */
    readonly contactedAt: Instant | null;
    /** What that contact was; `null` while uncontacted (or judged before this was recorded). */
    readonly contact: ContactKind | null;
    readonly excused: boolean;
  };
  readonly attempts: Pick<AttemptsVerdict, 'made' | 'required' | 'state' | 'overkill'> | null;
  readonly acknowledged: boolean;
}

/**
 * An open instance without its lead snapshot or the body of its evaluation: what the worker needs
 * at start to keep a settled instance compact (ADR 0007), read from indexed columns only.
 */
export interface OpenInstanceSummary {
  readonly id: string;
  readonly lead: {
    readonly objectType: LeadObjectType;
    readonly objectId: string;
    readonly contactId: string;
  };
  readonly stage: string;
  readonly enteredAt: Instant;
  readonly ownerId: string | null;
  readonly ownerAssignedAt: Instant | null;
  readonly ownerChangedAt: Instant | null;
  readonly firstSeenAt: Instant;
  /** `null` until first evaluated. */
  readonly verdict: VerdictFacts | null;
  readonly hasPing: boolean;
  readonly pingState: string | null;
}

/** The facts of an evaluation that `OpenInstanceSummary` carries. */
export function verdictFactsOf(e: Evaluation): VerdictFacts {
  const fc = e.firstContact;
  return {
    settled: e.settled,
    firstContact: {
      state: fc.state,
      contactedAt: fc.state === 'met' ? fc.at : fc.state === 'breached' ? fc.contactedAt : null,
      contact: fc.state === 'pending' ? null : (fc.contact ?? null),
      excused: fc.state === 'breached' && fc.excused,
    },
    attempts: e.attempts && {
      made: e.attempts.made,
      required: e.attempts.required,
      state: e.attempts.state,
      overkill: e.attempts.overkill,
    },
    acknowledged: e.acknowledged !== null,
  };
}

/** The summary of a stored open instance (what `openInstanceSummariesPage` reads from columns). */
export function summaryOf(s: StoredInstance): OpenInstanceSummary {
  const i = s.instance;
  return {
    id: i.id,
    lead: { objectType: i.lead.objectType, objectId: i.lead.objectId, contactId: i.lead.contactId },
    stage: i.stage,
    enteredAt: i.enteredAt,
    ownerId: i.ownerId,
    ownerAssignedAt: i.ownerAssignedAt,
    ownerChangedAt: i.ownerChangedAt ?? null,
    firstSeenAt: i.firstSeenAt,
    verdict: s.evaluation && verdictFactsOf(s.evaluation),
    hasPing: s.pingRef !== null,
    pingState: s.pingState,
  };
}
