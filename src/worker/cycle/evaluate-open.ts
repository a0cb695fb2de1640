import type { SlaConfig } from '../../config/types.ts';
import type { DueNotification, Evaluation } from '../../domain/evaluation.ts';
import type { Acknowledgement, Outage, Silence, SlaInstance, Touch } from '../../domain/model.ts';
import type { Policy } from '../../domain/policy.ts';
import type { Instant } from '../../domain/time.ts';
import type { Owner } from '../../ports/crm-source.ts';
import { targetKey } from '../../ports/notifier.ts';
import type { NewOutboxEntry } from '../../ports/store.ts';
import type { Engine } from '../engine.ts';
import { evaluationFingerprint } from './fingerprint.ts';
import { teamOf } from './teams.ts';

export interface Judged {
  readonly evaluation: Evaluation;
  readonly fingerprint: string;
  readonly changed: boolean;
}

export interface VerdictTally {
  pending: number;
  met: number;
  breached: number;
  excused: number;
}

export interface EvaluateOpenInput {
  readonly config: SlaConfig;
  readonly engine: Engine;
  readonly now: Instant;
  readonly instances: readonly {
    readonly instance: SlaInstance;
    readonly evaluation: Evaluation | null;
    readonly fingerprint: string | null;
  }[];
  readonly touchesOf: (contactId: string) => readonly Touch[];
  /** Contacts with new touches this cycle, and whether the config changed: settled instances re-judge then. */
  readonly changedContacts: ReadonlySet<string>;
  readonly configChanged: boolean;
  readonly acknowledgements: readonly Acknowledgement[];
  readonly silences: readonly Silence[];
  readonly outages: readonly Outage[];
  readonly owners: readonly Owner[];
  readonly recordedKeys: ReadonlySet<string>;
}

export interface EvaluateOpenResult {
  readonly judged: ReadonlyMap<string, Judged>;
  readonly outbox: readonly NewOutboxEntry[];
  /** Engine notification keys recorded by `outbox`. */
  readonly newKeys: readonly string[];
  readonly tally: VerdictTally;
  /** Instances whose policy no longer exists (e.g. removed by a config reload). */
  readonly withoutPolicy: readonly string[];
}

export const policyFor = (config: SlaConfig, instance: SlaInstance): Policy | null =>
  config.policies.find((p) => p.name === instance.policyName) ??
  config.policies.find((p) => p.stage === instance.stage && p.segment === null) ??
  null;

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

const tallyOf = (tally: VerdictTally, e: Evaluation): void => {
  const fc = e.firstContact;
  if (fc.state === 'breached' && fc.excused) tally.excused += 1;
  else tally[fc.state] += 1;
};

/** A settled instance is judged again only when its touches or the config changed. */
export const needsJudging = (
  o: EvaluateOpenInput['instances'][number],
  changedContacts: ReadonlySet<string>,
  configChanged: boolean,
): boolean =>
  !(o.evaluation?.settled && o.fingerprint !== null) ||
  configChanged ||
  changedContacts.has(o.instance.lead.contactId);

/** Judges every open instance at `now`; settled ones are re-judged only when something changed. */
export function evaluateOpen(input: EvaluateOpenInput): EvaluateOpenResult {
  const acks = new Map<string, Acknowledgement[]>();
  for (const a of input.acknowledgements) acks.set(a.instanceId, [...(acks.get(a.instanceId) ?? []), a]);
  const judged = new Map<string, Judged>();
  const outbox: NewOutboxEntry[] = [];
  const newKeys: string[] = [];
  const withoutPolicy: string[] = [];
  const tally: VerdictTally = { pending: 0, met: 0, breached: 0, excused: 0 };
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
    if (!needsJudging(o, input.changedContacts, input.configChanged) && o.evaluation && o.fingerprint) {
      judged.set(instance.id, { evaluation: o.evaluation, fingerprint: o.fingerprint, changed: false });
      tallyOf(tally, o.evaluation);
      continue;
    }
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
    judged.set(instance.id, { evaluation, fingerprint, changed: fingerprint !== o.fingerprint });
    tallyOf(tally, evaluation);
    for (const n of evaluation.due) {
      if (input.recordedKeys.has(n.key)) continue;
      outbox.push(...outboxEntries(n));
      newKeys.push(n.key);
    }
  }
  return { judged, outbox, newKeys, tally, withoutPolicy };
}
