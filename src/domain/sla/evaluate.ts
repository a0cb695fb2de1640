import type { DueNotification, Evaluation, EvaluationInput } from '../evaluation.ts';
import type { Acknowledgement, SlaInstance } from '../model.ts';
import type { Instant } from '../time.ts';
import { type AttemptsOutcome, attemptsVerdict } from './attempts.ts';
import { type ClockStart, clockStartOf } from './clock-start.ts';
import { repDelay, systemDelay } from './delays.ts';
import { beforeSlaBot, excuseOf } from './excuse.ts';
import { atRiskFrom, type FirstContactFacts, firstContactVerdict } from './first-contact.ts';
import { scheduleBreach } from './notifications/breach.ts';
import { scheduleEscalations } from './notifications/escalations.ts';
import { scheduleFollowUp } from './notifications/follow-up.ts';
import { scheduleHandoff } from './notifications/handoff.ts';
import { reminderMoments, scheduleReminders } from './notifications/reminders.ts';
import { Plan, type Situation } from './situation.ts';
import { sortFew } from './sort-few.ts';
import { countingTouches, earliestFutureTouch, type TouchContext } from './touch-rules.ts';

/**
 * Judges one SLA instance at `now`: verdicts, what is due, and when to look again. Pure: the same
 * input and `now` always give the same result, and notification keys never depend on `now`.
 * A closed instance is judged as it stood when it closed and has nothing due.
 */
export function evaluate(input: EvaluationInput, now: Instant): Evaluation {
  const { instance, policy } = input;
  const at = instance.closedAt === null ? now : Math.min(now, instance.closedAt);
  const clock = clockStartOf(instance, policy);
  const deadline = policy.calendar.addBusinessTime(clock.start, policy.firstContact.within);
  const ctx: TouchContext = { instance, countFrom: clock.countFrom, now: at };
  const firstCounts = policy.firstContact.counts;
  const contact = countingTouches(input.touches, firstCounts, ctx)[0] ?? null;
  const pending = contact === null && at < deadline;
  const excuse = excuseOf(deadline, instance, input.outages);
  const situation: Situation = {
    input,
    now: at,
    keyBase: clock.ownerAnchored ? `${instance.id}:${clock.anchor}` : instance.id,
    clockStart: clock.start,
    deadline,
    contact,
    acknowledged: acknowledgementOf(input, at),
    excused: excuse !== null,
    handoffAt: handoffAt(instance),
  };
  const moments = pending ? reminderMoments(situation) : [];
  const facts: FirstContactFacts = {
    policy,
    clockStart: clock.start,
    deadline,
    contact,
    firstReminderAt: earliest(moments),
    excuse,
  };
  const firstContact = firstContactVerdict(facts, at);
  const attempts = judgeAttempts(input, clock, ctx, at);
  const settled =
    instance.closedAt !== null ||
    (contact !== null && (attempts === null || at >= attempts.verdict.windowEnd));

  const plan = new Plan(at);
  // A lead imported at sla-bot's install whose deadline had passed by then is "before sla-bot":
  // recorded and judged, never messaged (nor woken for). One still in its window is pinged as usual.
  const silent = beforeSlaBot(deadline, instance);
  if (instance.closedAt === null) {
    if (!silent) {
      scheduleHandoff(situation, plan);
      scheduleReminders(situation, plan, moments);
      scheduleBreach(situation, plan);
      scheduleEscalations(situation, plan);
    }
    if (attempts !== null) scheduleFollowUp(situation, plan, attempts);
    if (firstContact.state === 'pending' && !firstContact.atRisk) plan.later(atRiskFrom(facts));
    laterForFutureTouches(input, ctx, plan);
    for (const a of input.acknowledgements) if (a.instanceId === instance.id) plan.later(a.at);
  }
  return {
    instanceId: instance.id,
    clockStart: clock.start,
    firstContact,
    attempts: attempts?.verdict ?? null,
    systemDelay: systemDelay(instance),
    repDelay: repDelay(instance, clock.start, contact),
    acknowledged: situation.acknowledged,
    silenced: plan.silenced,
    nextDueAt: settled ? null : plan.next,
    due: sortedDue(importedDue(instance, silent, plan.due)),
    settled,
  };
}

/**
 * What may be told of an imported instance: nothing when it is "before sla-bot", else nothing whose
 * moment came before the import (an overkill for calls made before sla-bot was installed).
 */
function importedDue(instance: SlaInstance, silent: boolean, due: DueNotification[]): DueNotification[] {
  const importedAt = instance.importedAt ?? null;
  if (importedAt === null) return due;
  return silent ? [] : due.filter((n) => n.dueAt >= importedAt);
}

const sortedDue = (due: DueNotification[]): DueNotification[] =>
  due.length > 1 ? sortFew(due, (a, b) => a.dueAt - b.dueAt || (a.key < b.key ? -1 : 1)) : due;

function judgeAttempts(
  input: EvaluationInput,
  clock: ClockStart,
  ctx: TouchContext,
  at: Instant,
): AttemptsOutcome | null {
  const rule = input.policy.attempts;
  if (rule === null) return null;
  const windowEnd = input.policy.calendar.addBusinessTime(clock.start, rule.within);
  return attemptsVerdict(rule, countingTouches(input.touches, rule.counts, ctx), windowEnd, at);
}

/** The earliest acknowledgement of this instance by `at`, made while the current owner had it. */
function acknowledgementOf(input: EvaluationInput, at: Instant): Acknowledgement | null {
  const since = input.instance.ownerChangedAt ?? Number.NEGATIVE_INFINITY;
  let found: Acknowledgement | null = null;
  for (const ack of input.acknowledgements) {
    if (ack.instanceId !== input.instance.id || ack.at > at || ack.at < since) continue;
    if (found === null || ack.at < found.at) found = ack;
  }
  return found;
}

/** When the current owner was handed the lead, and no earlier than the bot saw it. */
function handoffAt(instance: SlaInstance): Instant {
  const ownerSince =
    instance.ownerChangedAt ??
    (instance.ownerId === null ? null : instance.ownerAssignedAt) ??
    instance.enteredAt;
  return Math.max(instance.firstSeenAt, ownerSince);
}

function earliest(moments: readonly (Instant | null)[]): Instant | null {
  let min: Instant | null = null;
  for (const m of moments) if (m !== null && (min === null || m < min)) min = m;
  return min;
}

/** A touch dated in the future (a meeting booked ahead) changes the verdicts when its time comes. */
function laterForFutureTouches(input: EvaluationInput, ctx: TouchContext, plan: Plan): void {
  const { firstContact, attempts } = input.policy;
  const next = earliestFutureTouch(input.touches, firstContact.counts, attempts?.counts ?? null, ctx);
  if (next !== null) plan.later(next.at);
}
