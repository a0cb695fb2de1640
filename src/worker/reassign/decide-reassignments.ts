import type { SlaConfig } from '../../config/types.ts';
import type { Evaluation } from '../../domain/evaluation.ts';
import type { SlaInstance } from '../../domain/model.ts';
import type { EscalationLevel, Policy, ReassignTo } from '../../domain/policy.ts';
import { chooseRep, type ReassignDecision } from '../../domain/reassign/choose-rep.ts';
import { escalationReassignKey, type Reassignment } from '../../domain/reassign/reassignment.ts';
import { reassignmentDue } from '../../domain/reassign/reassignment-due.ts';
import type { Instant } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { Owner } from '../../ports/crm-source.ts';
import type { Store } from '../../ports/store.ts';
import { ownerById, policyFor } from '../shared/teams.ts';
import { repFacts, rosterOf } from './rep-facts.ts';

export interface DecideDeps {
  readonly store: Pick<Store, 'reassignmentsOf' | 'roundRobinPositions' | 'recordReassignment'>;
  readonly config: SlaConfig;
  readonly logger: Logger;
}

export interface Judged {
  readonly instance: SlaInstance;
  readonly evaluation: Evaluation;
}

export interface DecideInput {
  readonly judged: readonly Judged[];
  readonly owners: readonly Owner[];
  /** E-mails (lower-case) sla-bot knows a Slack user id for. */
  readonly reachable: ReadonlySet<string>;
  readonly now: Instant;
}

export interface Decided {
  /** Recorded now: their HubSpot write and messages are still to do. */
  readonly recorded: readonly Reassignment[];
  /** A level that would reassign found nobody (each with why), for the manager's message. */
  readonly nobody: readonly { readonly instanceId: string; readonly decision: ReassignDecision }[];
}

/**
 * The reassignment stage's decision half (issue 18): for each judged instance whose escalation level
 * with `reassign:` is due, picks the rep (`chooseRep`) and records the reassignment, moving the team's
 * round-robin position in the same transaction. The store decides what happens twice (an earlier
 * cycle, another replica): `taken` is skipped; a position another replica moved is read again and the
 * choice made again, once. Instances are taken by deadline, then id, so the order is the same
 * whichever replica runs it and after any restart.
 */
export async function decideReassignments(deps: DecideDeps, input: DecideInput): Promise<Decided> {
  const due = input.judged
    .flatMap((j) => levelsDue(deps.config, j, input.now).map((due) => ({ ...j, ...due })))
    .sort(
      (a, b) =>
        a.evaluation.firstContact.deadline - b.evaluation.firstContact.deadline ||
        cmp(a.instance.id, b.instance.id),
    );
  if (due.length === 0) return { recorded: [], nobody: [] };
  const history = await deps.store.reassignmentsOf([...new Set(due.map((d) => d.instance.id))]);
  let positions = await deps.store.roundRobinPositions();
  const recorded: Reassignment[] = [];
  const nobody: Decided['nobody'][number][] = [];
  for (const d of due) {
    const done = [...history, ...recorded].filter((r) => r.instanceId === d.instance.id);
    const when = reassignmentDue(d.instance, d.evaluation.firstContact, d.level, done, input.now);
    if (!when.due) continue;
    for (let attempt = 0; attempt < 2; attempt++) {
      const decision = decide(deps.config, input, d, done, positions);
      if (decision.kind === 'nobody') {
        nobody.push({ instanceId: d.instance.id, decision });
        deps.logger.warn(
          { instance: d.instance.id, why: decision.why, skipped: decision.skipped },
          'reassignment: nobody eligible',
        );
        break;
      }
      const r: Reassignment = {
        key: escalationReassignKey(d.instance.id, when.deadline, d.level.level),
        instanceId: d.instance.id,
        deadline: when.deadline,
        kind: 'escalation',
        level: d.level.level,
        fromOwnerId: d.instance.ownerId,
        toOwnerId: decision.ownerId,
        toEmail: decision.email,
        skipped: decision.skipped,
        at: input.now,
        waited: Math.max(0, input.now - d.evaluation.clockStart),
        state: 'pending',
      };
      const move =
        decision.team === null
          ? null
          : { team: decision.team, from: positions.get(decision.team) ?? null, to: decision.email };
      const result = await deps.store.recordReassignment(r, move);
      if (result === 'recorded') {
        recorded.push(r);
        if (move !== null) positions = new Map(positions).set(move.team, move.to);
        deps.logger.info(
          { instance: r.instanceId, from: r.fromOwnerId, to: r.toOwnerId, level: r.level },
          'reassignment recorded',
        );
        break;
      }
      if (result === 'taken') break;
      positions = await deps.store.roundRobinPositions(); // another replica assigned meanwhile
    }
  }
  return { recorded, nobody };
}

type Due = Judged & { readonly policy: Policy; readonly level: EscalationLevel; readonly to: ReassignTo };

/** The levels with `reassign:` whose moment came for a breached instance. */
function levelsDue(config: SlaConfig, j: Judged, now: Instant): Omit<Due, keyof Judged>[] {
  const policy = policyFor(config, j.instance);
  if (policy === null || j.evaluation.firstContact.state !== 'breached') return [];
  const deadline = j.evaluation.firstContact.deadline;
  return policy.escalate.flatMap((level) => {
    const to = level.reassign?.to;
    return to !== undefined && deadline + level.after <= now ? [{ policy, level, to }] : [];
  });
}

function decide(
  config: SlaConfig,
  input: DecideInput,
  d: Due,
  done: readonly Reassignment[],
  positions: ReadonlyMap<string, string>,
): ReassignDecision {
  const owner = ownerById(input.owners, d.instance.ownerId);
  const previous = [
    ...(d.instance.ownerId === null ? [] : [d.instance.ownerId]),
    ...done.flatMap((r) => (r.fromOwnerId === null ? [] : [r.fromOwnerId])),
  ];
  return chooseRep({
    to: d.to,
    now: input.now,
    ownerEmail: owner?.email?.toLowerCase() ?? null,
    teams: rosterOf(config),
    outOfOffice: config.slack.outOfOffice.map((o) => ({ ...o, email: o.email.toLowerCase() })),
    previousOwnerIds: previous,
    positions,
    facts: repFacts(config, input.owners, input.reachable, d.policy.calendar),
  });
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
