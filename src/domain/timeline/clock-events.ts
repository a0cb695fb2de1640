import type { Evaluation, NotificationReason } from '../evaluation.ts';
import { UNASSIGNED } from '../message-truth.ts';
import type { Policy } from '../policy.ts';
import type { Reassignment } from '../reassign/reassignment.ts';
import { clockStartOf } from '../sla/clock-start.ts';
import { excuseOf } from '../sla/excuse.ts';
import type { Instant } from '../time.ts';
import type { TimelineEvent, TimelineFacts, TimelineMessage } from './types.ts';

/** The first-contact deadline a message was about; `null` when its reason names none or is unreadable. */
export const deadlineOf = (reason: NotificationReason | null): Instant | null =>
  reason !== null && 'deadline' in reason ? reason.deadline : null;

/**
 * The SLA clocks of the instance, oldest first: the earlier owners' clocks (`earlierClocks`), each
 * with its missed deadline, then the clock it runs on now (from the evaluation, stored or recomputed).
 */
export function clockEvents(
  facts: TimelineFacts,
  policy: Policy | null,
  evaluation: Evaluation | null,
): TimelineEvent[] {
  if (evaluation === null) return [];
  const instance = facts.instance;
  const clock = policy === null ? null : clockStartOf(instance, policy);
  const from =
    clock === null || clock.anchor === instance.enteredAt
      ? 'entered'
      : clock.anchor === instance.ownerChangedAt
        ? 'owner_changed'
        : 'owner_assigned';
  return [
    ...earlierClocks(facts, policy, evaluation),
    {
      kind: 'clock_started',
      at: evaluation.clockStart,
      from,
      anchor: clock?.anchor ?? instance.enteredAt,
      ownerId: instance.ownerId,
      earlier: false,
      deadline: evaluation.firstContact.deadline,
      within: policy?.firstContact.within ?? null,
      zone: policy?.calendar.zone ?? null,
    },
  ];
}

/** One earlier clock as the store remembers it: by its deadline. */
interface EarlierClock {
  readonly deadline: Instant;
  /** The reassignment or "Take it" its breach led to. */
  readonly row: Reassignment | null;
  /** The messages about this deadline (ping, reminders, breach note, escalations, notices). */
  readonly messages: readonly TimelineMessage[];
}

/**
 * The clocks earlier owners had, when the current one was restarted by an owner change (issue 18):
 * the stored evaluation only holds the current clock, so each earlier one is read from what the store
 * kept about it — a deadline named by a reassignment row (the breach it was for) or by a message created
 * before the last owner change. Each is told as the clock started for its owner (at the handoff or the
 * assignment for the first, at the owner change that ended the one before for the others) and, when the
 * store holds its breach (the reassignment, a breach note or an escalation), the missed deadline.
 */
function earlierClocks(facts: TimelineFacts, policy: Policy | null, evaluation: Evaluation): TimelineEvent[] {
  const i = facts.instance;
  const changedAt = i.ownerChangedAt ?? null;
  if (policy === null || changedAt === null || clockStartOf(i, policy).anchor !== changedAt) return [];
  const rows = (facts.reassignments ?? []).filter((r) => r.instanceId === i.id);
  const deadlines = new Set<Instant>(rows.map((r) => r.deadline));
  for (const m of facts.messages) {
    const d = deadlineOf(m.reason);
    if (d !== null && m.createdAt < changedAt) deadlines.add(d);
  }
  deadlines.delete(evaluation.firstContact.deadline);
  const clocks: EarlierClock[] = [...deadlines]
    .sort((a, b) => a - b)
    .map((deadline) => ({
      deadline,
      row: rows.find((r) => r.deadline === deadline) ?? null,
      messages: facts.messages.filter((m) => deadlineOf(m.reason) === deadline),
    }));
  const out: TimelineEvent[] = [];
  clocks.forEach((clock, k) => {
    const previous = clocks[k - 1];
    const anchor = previous === undefined ? undefined : endOf(previous, clock);
    const started = startOf(facts, policy, clock, anchor);
    if (started !== null) out.push(started);
    const missed = missedOf(facts, clock);
    if (missed !== null) out.push(missed);
  });
  return out;
}

/**
 * When the owner change that ended `clock` came: when sla-bot wrote its reassignment (the notices to
 * the rep and the manager are queued then), else when the reassignment was decided (the change came
 * no earlier), else when the next clock's first message was queued (it came no later).
 */
function endOf(clock: EarlierClock, next: EarlierClock): Instant | null {
  const notices = clock.messages.filter((m) => m.kind === 'reassigned').map((m) => m.dueAt);
  if (notices.length > 0) return Math.min(...notices);
  if (clock.row !== null) return clock.row.at;
  const created = next.messages.map((m) => m.createdAt);
  return created.length > 0 ? Math.min(...created) : null;
}

/**
 * The clock's start: the first at the handoff or the owner assignment (as the engine starts it), a
 * later one at the owner change before it (`anchor`; `null`: not known, nothing is told).
 */
function startOf(
  facts: TimelineFacts,
  policy: Policy,
  clock: EarlierClock,
  anchor: Instant | null | undefined,
): TimelineEvent | null {
  if (anchor === null) return null;
  const i = facts.instance;
  const first = clockStartOf({ ...i, ownerChangedAt: null }, policy);
  const at = anchor === undefined ? first.start : policy.calendar.nextOpening(anchor);
  if (at > clock.deadline) return null;
  // The window is told only when the current SLA file still gives this deadline.
  const same = policy.calendar.addBusinessTime(at, policy.firstContact.within) === clock.deadline;
  return {
    kind: 'clock_started',
    at,
    from:
      anchor !== undefined ? 'owner_changed' : first.anchor === i.enteredAt ? 'entered' : 'owner_assigned',
    anchor: anchor ?? first.anchor,
    ownerId: ownerOf(clock),
    earlier: true,
    deadline: clock.deadline,
    within: same ? policy.firstContact.within : null,
    zone: same ? policy.calendar.zone : null,
  };
}

/** Whose clock it was: the reassignment names the rep it was taken from, else its messages do. */
function ownerOf(clock: EarlierClock): string | null {
  if (clock.row !== null) return clock.row.fromOwnerId;
  const about = [...clock.messages]
    .sort((a, b) => a.createdAt - b.createdAt)
    .find((m) => m.aboutOwner !== null)?.aboutOwner;
  return about === undefined || about === null || about === UNASSIGNED ? null : about;
}

/**
 * The earlier deadline missed, when the store holds the breach: a reassignment (only ever made for an
 * unexcused breach without contact), or a breach note or escalation about it (excused as it says).
 */
function missedOf(facts: TimelineFacts, clock: EarlierClock): TimelineEvent | null {
  const told = clock.messages.find((m) => m.reason?.kind === 'breach' || m.reason?.kind === 'escalation');
  if (clock.row === null && told === undefined) return null;
  const reason = told?.reason ?? null;
  const excused = clock.row === null && reason !== null && 'excused' in reason && reason.excused;
  return {
    kind: 'verdict',
    at: clock.deadline,
    verdict: excused ? 'excused' : 'breached',
    deadline: clock.deadline,
    contactedAt: null,
    contact: null,
    took: null,
    lateBy: null,
    excuse: excused ? (excuseOf(clock.deadline, facts.instance, facts.outages) ?? 'outage') : null,
  };
}
