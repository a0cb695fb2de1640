import type { NotificationKind } from '../../evaluation.ts';
import type { Acknowledgement, Outage, Silence, Touch } from '../../model.ts';
import type { Policy } from '../../policy.ts';
import { selectPolicy } from '../../sla/index.ts';
import type { Instant } from '../../time.ts';
import type { InstanceFacts, MessageFacts } from '../facts.ts';
import { countOf, type Figure } from '../figure.ts';
import { groupBy } from '../instance-record.ts';
import { replay } from './replay.ts';
import { type Judged, type ReassignWorld, replayReassignments } from './replay-reassignments.ts';

/** One SLA file as the backtest needs it: its policies, and the team of an owner under its teams. */
export interface BacktestSide {
  readonly policies: readonly Policy[];
  readonly teamOf: (ownerId: string | null) => string | null;
  /** Who a lead could be reassigned to; absent: reassignments are not replayed. */
  readonly reassign?: ReassignWorld;
}

export interface BacktestFacts {
  readonly instances: readonly InstanceFacts[];
  readonly touches: readonly Touch[];
  readonly acknowledgements: readonly Acknowledgement[];
  readonly silences: readonly Silence[];
  readonly outages: readonly Outage[];
  /** What the bot really sent (the outbox), for the "actual" column. */
  readonly messages: readonly MessageFacts[];
}

/** `met`, `breached` (blamed), `excused`, `pending`, or `untracked` (no policy of that file matches). */
export type Outcome = 'met' | 'breached' | 'excused' | 'pending' | 'untracked';

/**
 * Figures per kind of notification, plus leads breached, leads no policy covers, `reassignments`
 * (leads moved to another rep by a level's `reassign:`; actual: from the outbox's "reassigned"
 * messages, claims not counted) and `reassignNobody` (a level would have reassigned, nobody was eligible).
 */
export type Tally = Readonly<
  Record<NotificationKind | 'breachedLeads' | 'untracked' | 'reassignments' | 'reassignNobody', Figure>
>;

export interface BacktestRow {
  readonly team: string;
  readonly actual: Tally;
  readonly current: Tally;
  readonly proposed: Tally;
}

export interface VerdictChange {
  readonly from: Outcome;
  readonly to: Outcome;
  readonly leads: Figure;
}

export interface Backtest {
  readonly replayed: Figure;
  readonly total: BacktestRow;
  readonly byTeam: readonly BacktestRow[];
  /** Leads whose first-contact outcome differs between the current and the proposed file. */
  readonly changes: readonly VerdictChange[];
}

type Hit = { readonly id: string; readonly team: string; readonly kind: keyof Tally; readonly key: string };

const NO_TEAM = '(no team)';

function tally(hits: readonly Hit[]): Tally {
  const of = (kind: keyof Tally): Figure => {
    const mine = hits.filter((h) => h.kind === kind);
    const ids = [...new Set(mine.map((h) => h.id))];
    return { value: new Set(mine.map((h) => h.key)).size, ids };
  };
  return {
    handoff: of('handoff'),
    reminder: of('reminder'),
    breach: of('breach'),
    escalation: of('escalation'),
    attempts_shortfall: of('attempts_shortfall'),
    overkill: of('overkill'),
    reassigned: of('reassigned'),
    reassignments: of('reassignments'),
    reassignNobody: of('reassignNobody'),
    breachedLeads: of('breachedLeads'),
    untracked: of('untracked'),
  };
}

/**
 * Replays every stored handoff under the current and the proposed SLA file and sets both next to
 * what the outbox says really happened: notifications per kind and team (each counted once however
 * many recipients), leads breached (excused ones not counted), and the leads whose verdict changes.
 */
export function runBacktest(
  facts: BacktestFacts,
  current: BacktestSide,
  proposed: BacktestSide,
  now: Instant,
): Backtest {
  const touches = groupBy(facts.touches, (t) => t.contactId);
  const acks = groupBy(facts.acknowledgements, (a) => a.instanceId);
  const ids = new Set(facts.instances.map((f) => f.instance.id));
  const hits = { actual: [] as Hit[], current: [] as Hit[], proposed: [] as Hit[] };
  const outcomes = new Map<string, [Outcome, Outcome]>();
  const teamOfCurrent = new Map<string, string>();
  const judged = { current: [] as Judged[], proposed: [] as Judged[] };

  for (const { instance } of facts.instances) {
    const judge = (side: BacktestSide, into: Hit[], seen: Judged[]): Outcome => {
      const team = side.teamOf(instance.ownerId) ?? NO_TEAM;
      const policy = selectPolicy(side.policies, instance.stage, instance.lead.properties);
      if (policy === null) {
        into.push({ id: instance.id, team, kind: 'untracked', key: instance.id });
        return 'untracked';
      }
      const input = {
        instance: { ...instance, policyName: policy.name },
        policy,
        touches: touches.get(instance.lead.contactId) ?? [],
        acknowledgements: acks.get(instance.id) ?? [],
        silences: facts.silences,
        team: side.teamOf(instance.ownerId),
        outages: facts.outages,
      };
      const r = replay(input, now);
      seen.push({ input, deadline: r.final.firstContact.deadline });
      for (const n of r.notifications) into.push({ id: instance.id, team, kind: n.kind, key: n.key });
      const fc = r.final.firstContact;
      const outcome: Outcome = fc.state === 'breached' ? (fc.excused ? 'excused' : 'breached') : fc.state;
      if (outcome === 'breached')
        into.push({ id: instance.id, team, kind: 'breachedLeads', key: instance.id });
      return outcome;
    };
    teamOfCurrent.set(instance.id, current.teamOf(instance.ownerId) ?? NO_TEAM);
    outcomes.set(instance.id, [
      judge(current, hits.current, judged.current),
      judge(proposed, hits.proposed, judged.proposed),
    ]);
  }
  const ownerOf = new Map(facts.instances.map((f) => [f.instance.id, f.instance.ownerId]));
  const teamOf = (side: BacktestSide, id: string): string => side.teamOf(ownerOf.get(id) ?? null) ?? NO_TEAM;
  for (const [side, into, seen] of [
    [current, hits.current, judged.current],
    [proposed, hits.proposed, judged.proposed],
  ] as const) {
    if (side.reassign === undefined) continue;
    const moved = replayReassignments(seen, side.reassign, now);
    const team = (id: string) => teamOf(side, id);
    for (const m of moved.made)
      into.push({ id: m.instanceId, team: team(m.instanceId), kind: 'reassignments', key: m.key });
    for (const m of moved.nobody)
      into.push({ id: m.instanceId, team: team(m.instanceId), kind: 'reassignNobody', key: m.key });
  }
  for (const m of facts.messages) {
    if (m.instanceId === null || !ids.has(m.instanceId) || m.state !== 'sent' || m.kind === 'admin_alert')
      continue;
    hits.actual.push({
      id: m.instanceId,
      team: teamOfCurrent.get(m.instanceId) ?? NO_TEAM,
      kind: m.kind,
      key: m.notificationKey,
    });
    const moved = /^(.*:reassign:[^:]+:\d+):told:/.exec(m.notificationKey)?.[1];
    if (m.kind === 'reassigned' && moved !== undefined)
      hits.actual.push({
        id: m.instanceId,
        team: teamOfCurrent.get(m.instanceId) ?? NO_TEAM,
        kind: 'reassignments',
        key: moved,
      });
  }
  return {
    replayed: countOf([...ids]),
    total: row('all', hits),
    byTeam: [...new Set([...hits.actual, ...hits.current, ...hits.proposed].map((h) => h.team))]
      .sort((a, b) => a.localeCompare(b))
      .map((team) => row(team, hits, team)),
    changes: verdictChanges(outcomes),
  };
}

function row(
  label: string,
  hits: Record<'actual' | 'current' | 'proposed', Hit[]>,
  team?: string,
): BacktestRow {
  const pick = (list: Hit[]) => (team === undefined ? list : list.filter((h) => h.team === team));
  return {
    team: label,
    actual: tally(pick(hits.actual)),
    current: tally(pick(hits.current)),
    proposed: tally(pick(hits.proposed)),
  };
}

function verdictChanges(outcomes: ReadonlyMap<string, [Outcome, Outcome]>): VerdictChange[] {
  const changed = groupBy(
    [...outcomes.entries()].filter(([, [a, b]]) => a !== b),
    ([, [a, b]]) => `${a}>${b}`,
  );
  return [...changed.values()]
    .flatMap((list) => {
      const first = list[0];
      if (first === undefined) return [];
      const [, [from, to]] = first;
      return [{ from, to, leads: countOf(list.map(([id]) => id)) }];
    })
    .sort(
      (a, b) =>
        (b.leads.value ?? 0) - (a.leads.value ?? 0) || `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`),
    );
}
