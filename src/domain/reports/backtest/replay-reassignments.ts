import type { EvaluationInput } from '../../evaluation.ts';
import type { Policy } from '../../policy.ts';
import { chooseRep, type ReassignInput, type RepFacts, type RosterTeam } from '../../reassign/choose-rep.ts';
import { escalationReassignKey, type Reassignment } from '../../reassign/reassignment.ts';
import { reassignmentDue } from '../../reassign/reassignment-due.ts';
import { evaluate } from '../../sla/index.ts';
import type { Instant } from '../../time.ts';

/**
 * What one SLA file's side of the backtest knows about the people a lead could go to: the file's
 * roster and out-of-office periods, and the HubSpot owners as they are today. It cannot know whether
 * sla-bot could reach a rep in Slack back then, nor the teams' round-robin positions at the time.
 */
export interface ReassignWorld {
  readonly teams: readonly RosterTeam[];
  readonly outOfOffice: ReassignInput['outOfOffice'];
  /** An owner id's e-mail (lower-case), `null` when unknown. */
  readonly emailOf: (ownerId: string | null) => string | null;
  /** The facts about each person under a policy (its calendar for reps whose team has none). */
  readonly facts: (policy: Policy) => (email: string) => RepFacts | null;
}

/** One instance the backtest judged under a file, with the input it replayed it with. */
export interface Judged {
  readonly input: EvaluationInput;
  /** The first-contact deadline of the replay. */
  readonly deadline: Instant;
}

export interface ReassignReplay {
  /** Reassignments the file would have made, in the order they would have been made. */
  readonly made: readonly Reassignment[];
  /** Levels that would have reassigned but found nobody eligible: instance ids, once per level. */
  readonly nobody: readonly { readonly instanceId: string; readonly key: string }[];
}

type Moment = { readonly judged: Judged; readonly level: Policy['escalate'][number]; readonly at: Instant };

/**
 * Replays the reassignment stage over the backtest's instances with the worker's own pure decisions
 * (`reassignmentDue`, `chooseRep`), each at its level's moment (deadline + `after`), oldest first, so
 * the round-robin positions move as the worker would move them. Assumptions, because the store does
 * not keep them: every rep with a HubSpot owner is reachable in Slack; the positions start at each
 * team's first rep; owners are deactivated as HubSpot says today; the owner stored now was the owner
 * then; only the first deadline is replayed (what the new owner would have done is not known).
 */
export function replayReassignments(
  judged: readonly Judged[],
  world: ReassignWorld,
  until: Instant,
): ReassignReplay {
  const moments: Moment[] = judged
    .flatMap((j) =>
      j.input.policy.escalate.flatMap((level) =>
        level.reassign == null ? [] : [{ judged: j, level, at: j.deadline + level.after }],
      ),
    )
    .filter((m) => m.at <= until)
    .sort((a, b) => a.at - b.at || cmp(a.judged.input.instance.id, b.judged.input.instance.id));
  let positions = new Map<string, string>();
  const made: Reassignment[] = [];
  const nobody: { instanceId: string; key: string }[] = [];
  for (const { judged: j, level, at } of moments) {
    const instance = asOf(j.input.instance, at);
    const verdict = evaluate({ ...j.input, instance }, at).firstContact;
    const done = made.filter((r) => r.instanceId === instance.id);
    const due = reassignmentDue(instance, verdict, level, done, at);
    const to = level.reassign?.to;
    if (!due.due || to === undefined) continue;
    const decision = chooseRep({
      to,
      now: at,
      ownerEmail: world.emailOf(instance.ownerId),
      teams: world.teams,
      outOfOffice: world.outOfOffice,
      previousOwnerIds: instance.ownerId === null ? [] : [instance.ownerId],
      positions,
      facts: world.facts(j.input.policy),
    });
    const key = escalationReassignKey(instance.id, due.deadline, level.level);
    if (decision.kind === 'nobody') {
      nobody.push({ instanceId: instance.id, key });
      continue;
    }
    if (decision.team !== null) positions = new Map(positions).set(decision.team, decision.email);
    made.push({
      key,
      instanceId: instance.id,
      deadline: due.deadline,
      kind: 'escalation',
      level: level.level,
      fromOwnerId: instance.ownerId,
      toOwnerId: decision.ownerId,
      toEmail: decision.email,
      skipped: decision.skipped,
      at,
      waited: 0,
      state: 'written',
    });
  }
  return { made, nobody };
}

/** The instance as it was at `at`: a close or an owner change after that had not happened yet. */
function asOf(instance: EvaluationInput['instance'], at: Instant): EvaluationInput['instance'] {
  const closed = instance.closedAt !== null && instance.closedAt <= at;
  const changed = instance.ownerChangedAt ?? null;
  return {
    ...instance,
    closedAt: closed ? instance.closedAt : null,
    ownerChangedAt: changed !== null && changed <= at ? changed : null,
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
