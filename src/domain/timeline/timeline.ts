import type { Evaluation } from '../evaluation.ts';
import type { Silence } from '../model.ts';
import type { Instant } from '../time.ts';
import { clockEvents, deadlineOf } from './clock-events.ts';
import { messageEvents } from './message-events.ts';
import { evaluateAt, nowEvent } from './now-event.ts';
import { ownerEvents } from './owner-events.ts';
import { policyChoice, policyOf } from './policy-choice.ts';
import { touchEvents } from './touch-events.ts';
import type { Timeline, TimelineConfig, TimelineEvent, TimelineEventKind, TimelineFacts } from './types.ts';

/**
 * Everything that happened to one SLA instance, in time order: the handoff, sla-bot seeing it, the
 * policy and why (recomputed from the stored snapshot with the current SLA file), the clock, each
 * touch counted or not (with the rule that excluded it), messages, "On it", silences, owner changes,
 * reassignments and "Take it" claims, verdicts and the close. Pure: the shell gathers the facts from the store.
 *
 * The clock and verdicts are the worker's stored evaluation; only an instance never judged is
 * evaluated here (`recomputed`). Clocks of earlier owners (a reassignment, a "Take it", an owner change
 * that restarted the clock) are told from what the store kept of them (`clockEvents`). Touches are
 * judged with the engine's rules under the policy the instance was opened under (or, when the file no
 * longer has it, the one it would choose now). Where an open instance stands is judged at `now`
 * (`nowEvent`), not as of the worker's last cycle.
 */
export function timelineOf(facts: TimelineFacts, config: TimelineConfig, now: Instant): Timeline {
  const { instance } = facts;
  const policy = policyOf(instance, config);
  const evaluation = facts.evaluation ?? (policy === null ? null : evaluateAt(facts, policy, now));
  const touches = touchEvents(instance, policy, evaluation, facts.touches, now);
  const events: TimelineEvent[] = [
    { kind: 'stage_entered', at: instance.enteredAt, stage: instance.stage },
    ...ownerEvents(facts, policy),
    {
      kind: 'first_seen',
      at: instance.firstSeenAt,
      delay: Math.max(0, instance.firstSeenAt - instance.enteredAt),
      imported: (instance.importedAt ?? null) !== null,
    },
    {
      kind: 'policy_chosen',
      at: instance.firstSeenAt,
      policy: instance.policyName,
      choice: policyChoice(instance, config),
    },
    ...clockEvents(facts, policy, evaluation),
    ...touches,
    ...messageEvents(instance, evaluation, facts.messages),
    ...facts.acknowledgements
      .filter((a) => a.instanceId === instance.id)
      .map(
        (a): TimelineEvent => ({
          kind: 'acknowledged',
          at: a.at,
          by: a.by,
          byName: a.byName ?? null,
          current: a.at >= (instance.ownerChangedAt ?? Number.NEGATIVE_INFINITY),
        }),
      ),
    ...silenceEvents(facts, now),
    ...verdictEvents(facts, evaluation),
    ...attemptsEvents(evaluation, touches),
    ...closeEvents(facts),
  ];
  const current = nowEvent(facts, policy, evaluation, now);
  if (current !== null) events.push(current);
  return {
    instanceId: instance.id,
    instance,
    recomputed: facts.evaluation === null && evaluation !== null,
    events: inOrder(events),
  };
}

/** Silences of the owner or the owner's team that overlap the time the instance was open. */
function silenceEvents(facts: TimelineFacts, now: Instant): TimelineEvent[] {
  const i = facts.instance;
  const end = i.closedAt ?? now;
  const applies = (s: Silence) =>
    s.scope.kind === 'owner' ? s.scope.ownerId === i.ownerId : s.scope.team === facts.team;
  return facts.silences
    .filter((s) => applies(s) && s.from < end && s.until > i.enteredAt)
    .map((silence) => ({ kind: 'silenced', at: Math.max(silence.from, i.enteredAt), silence }));
}

/**
 * The first-contact verdict at the moment it was reached (met at the contact, breached or excused at
 * the deadline). `corrected`: met now, though a breach
 * or escalation had reached Slack (a touch logged late proved the deadline was met); it is placed
 * after the last of them.
 */
function verdictEvents(facts: TimelineFacts, e: Evaluation | null): TimelineEvent[] {
  if (e === null) return [];
  const out: TimelineEvent[] = [];
  const fc = e.firstContact;
  const base = { deadline: fc.deadline, excuse: null, lateBy: null, took: null };
  if (fc.state === 'met') {
    // Only what was said about this deadline: an earlier owner's clock had its own breach.
    const announced = facts.messages
      .filter((m) => (m.kind === 'breach' || m.kind === 'escalation') && m.state === 'sent')
      .filter((m) => (deadlineOf(m.reason) ?? fc.deadline) === fc.deadline)
      .map((m) => m.sentAt ?? m.dueAt);
    const correctedAt = announced.length === 0 ? null : Math.max(fc.at, ...announced);
    out.push({
      ...base,
      kind: 'verdict',
      at: correctedAt ?? fc.at,
      verdict: correctedAt === null ? 'met' : 'corrected',
      contactedAt: fc.at,
      contact: fc.contact ?? 'reached',
      took: fc.took,
    });
  } else if (fc.state === 'breached') {
    out.push({
      ...base,
      kind: 'verdict',
      at: fc.deadline,
      verdict: fc.excused ? 'excused' : 'breached',
      contactedAt: fc.contactedAt,
      contact: fc.contact ?? (fc.contactedAt === null ? null : 'reached'),
      lateBy: fc.lateBy,
      excuse: fc.excused ? (fc.excuse ?? 'outage') : null,
    });
  }
  return out;
}

/** The attempts verdict once final: met at the attempt that made it, short at the window's end. */
function attemptsEvents(e: Evaluation | null, touches: readonly TimelineEvent[]): TimelineEvent[] {
  const a = e?.attempts ?? null;
  if (e === null || a === null || a.state === 'open') return [];
  const counted = touches.filter((t) => t.kind === 'touch' && t.attempt?.counts === true);
  // Never before the clock (an evaluation stored under another policy may not match the touches).
  const end = Math.max(a.windowEnd, e.clockStart);
  const at = a.state === 'met' ? (counted[a.required - 1]?.at ?? end) : end;
  return [{ kind: 'attempts', at, state: a.state, made: a.made, required: a.required, overkill: a.overkill }];
}

function closeEvents(facts: TimelineFacts): TimelineEvent[] {
  const i = facts.instance;
  if (i.closedAt === null) return [];
  return [
    {
      kind: 'closed',
      at: i.closedAt,
      reason: i.closeReason ?? 'deleted',
      detail: i.closeDetail ?? null,
      rejection: facts.rejection?.reason ?? null,
    },
  ];
}

/** Where events at the same instant go: the story's order (entered before seen before judged…). */
const RANK: Readonly<Record<TimelineEventKind, number>> = {
  stage_entered: 0,
  owner_assigned: 1,
  first_seen: 2,
  policy_chosen: 3,
  clock_started: 4,
  owner_changed: 5,
  touch: 6,
  verdict: 7,
  attempts: 8,
  message: 9,
  reassigned: 9.25,
  acknowledged: 10,
  silenced: 11,
  closed: 12,
  now: 13,
};

/**
 * A correction follows the message it corrects, sent at the same instant; a clock restarted for a new
 * owner follows the owner change that restarted it.
 */
const rankOf = (e: TimelineEvent): number => {
  if (e.kind === 'verdict' && e.verdict === 'corrected') return RANK.message + 0.5;
  if (e.kind === 'clock_started' && e.from === 'owner_changed') return RANK.owner_changed + 0.5;
  return RANK[e.kind];
};

/** Time order; at the same instant by `RANK`, then as given (a stable sort). */
const inOrder = (events: TimelineEvent[]): TimelineEvent[] =>
  events
    .map((event, i) => ({ event, i }))
    .sort((a, b) => a.event.at - b.event.at || rankOf(a.event) - rankOf(b.event) || a.i - b.i)
    .map((x) => x.event);
