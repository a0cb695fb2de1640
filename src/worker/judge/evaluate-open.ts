import type { SlaConfig } from '../../config/types.ts';
import type { DueNotification, Evaluation } from '../../domain/evaluation.ts';
import type { Acknowledgement, Outage, Silence, SlaInstance, Touch } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import type { Owner } from '../../ports/crm-source.ts';
import { targetKey } from '../../ports/notifier.ts';
import type { NewOutboxEntry } from '../../ports/store.ts';
import type { Engine } from '../engine.ts';
import type { RecordedKeys } from '../memory/recorded-keys.ts';
import { type VerdictTally, verdictOf } from '../memory/settled-instances.ts';
import { evaluationFingerprint } from '../shared/fingerprint.ts';
import { policyFor, teamOf } from '../shared/teams.ts';

export interface Judged {
  readonly evaluation: Evaluation;
  readonly fingerprint: string;
  readonly changed: boolean;
}

export type { VerdictTally } from '../memory/settled-instances.ts';

export type Judgeable = {
  readonly instance: SlaInstance;
  readonly evaluation: Evaluation | null;
  readonly fingerprint: string | null;
};

/** What changed since the open instances were last judged. */
export interface JudgingContext {
  readonly now: Instant;
  /** Contacts with new or changed touches this cycle. */
  readonly changedContacts: ReadonlySet<string>;
  /** The config, silences, outages or owners changed: every instance is judged again. */
  readonly worldChanged: boolean;
  /** The instance's acknowledgements changed since it was last judged. */
  readonly ackChanged: (instanceId: string) => boolean;
}

/**
 * Whether an instance must be judged again. Settled ones only change with their touches or the
 * world; the others hold until their `nextDueAt` (the engine's promise: nothing in the result can
 * change before it but the inputs; `null`: nothing is scheduled), so between due moments only new
 * touches, acknowledgements or a changed world make them worth judging. Numbers that move every second (`left`, `lateBy`) are
 * left as they were: nothing but the fingerprinted facts is acted on.
 */
export function needsJudging(o: Judgeable, c: JudgingContext): boolean {
  const e = o.evaluation;
  if (e === null || o.fingerprint === null || c.worldChanged) return true;
  if (c.changedContacts.has(o.instance.lead.contactId)) return true;
  if (e.settled) return false;
  // `nextDueAt === null`: nothing scheduled any more (an uncontacted lead past its last escalation).
  return (e.nextDueAt !== null && c.now >= e.nextDueAt) || c.ackChanged(o.instance.id);
}

export interface EvaluateOpenInput {
  readonly config: SlaConfig;
  readonly engine: Engine;
  readonly now: Instant;
  /** The instances to judge (see `needsJudging`). */
  readonly instances: readonly Judgeable[];
  readonly touchesOf: (contactId: string) => readonly Touch[];
  readonly acknowledgements: readonly Acknowledgement[];
  readonly silences: readonly Silence[];
  readonly outages: readonly Outage[];
  readonly owners: readonly Owner[];
  readonly recordedKeys: Pick<RecordedKeys, 'has'>;
}

export type NotificationKey = Pick<DueNotification, 'key' | 'instanceId'>;

export interface EvaluateOpenResult {
  readonly judged: ReadonlyMap<string, Judged>;
  readonly outbox: readonly NewOutboxEntry[];
  /** Engine notification keys recorded by `outbox`, with their instances. */
  readonly newKeys: readonly NotificationKey[];
  /** Instances whose policy no longer exists (e.g. removed by a config reload). */
  readonly withoutPolicy: readonly string[];
}

/** One outbox row per (notification × target): the unit of exactly-once delivery. */
export const outboxEntries = (n: DueNotification): NewOutboxEntry[] =>
  n.targets.map((target) => ({
    key: `${n.key}:${targetKey(target)}`,
    instanceId: n.instanceId,
    kind: n.kind,
    target,
    payload: n,
    dueAt: n.dueAt,
  }));

export const tallyOf = (tally: VerdictTally, e: Evaluation): void => {
  tally[verdictOf(e)] += 1;
};

/**
 * Judges the given instances at `now`. An evaluation whose fingerprint did not change brings no new
 * notification: its due keys were recorded together with it.
 */
export function evaluateOpen(input: EvaluateOpenInput): EvaluateOpenResult {
  const acks = new Map<string, Acknowledgement[]>();
  for (const a of input.acknowledgements) acks.set(a.instanceId, [...(acks.get(a.instanceId) ?? []), a]);
  const judged = new Map<string, Judged>();
  const outbox: NewOutboxEntry[] = [];
  const newKeys: NotificationKey[] = [];
  const withoutPolicy: string[] = [];
  const owners = new Map(input.owners.map((owner) => [owner.id, owner]));
  const teams = new Map<string | null, string | null>();
  const teamName = (ownerId: string | null): string | null => {
    let name = teams.get(ownerId);
    if (name === undefined) {
      name = teamOf(input.config, ownerId === null ? null : (owners.get(ownerId) ?? null))?.name ?? null;
      teams.set(ownerId, name);
    }
    return name;
  };
  for (const o of input.instances) {
    const { instance } = o;
    const policy = policyFor(input.config, instance);
    if (!policy) {
      withoutPolicy.push(instance.id);
      continue;
    }
    const evaluation = input.engine.evaluate(
      {
        instance,
        policy,
        touches: input.touchesOf(instance.lead.contactId),
        acknowledgements: acks.get(instance.id) ?? [],
        silences: input.silences,
        team: teamName(instance.ownerId),
        outages: input.outages,
      },
      input.now,
    );
    const fingerprint = evaluationFingerprint(evaluation);
    const changed = fingerprint !== o.fingerprint;
    judged.set(instance.id, { evaluation, fingerprint, changed });
    if (!changed) continue;
    for (const n of evaluation.due) {
      if (input.recordedKeys.has(n.key, n.instanceId)) continue;
      outbox.push(...outboxEntries(n));
      newKeys.push(n);
    }
  }
  return { judged, outbox, newKeys, withoutPolicy };
}
