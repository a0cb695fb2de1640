import type { Evaluation } from '../evaluation.ts';
import type { SlaInstance, Touch } from '../model.ts';
import type { Policy } from '../policy.ts';
import { markAttempts } from '../sla/attempts.ts';
import { clockStartOf } from '../sla/clock-start.ts';
import { byTime, countingTouches, exclusionOf, type TouchContext } from '../sla/touch-rules.ts';
import type { Instant } from '../time.ts';
import type { AttemptJudgement, FirstContactMark, TimelineEvent } from './types.ts';

/**
 * Every touch on the lead's contact while the instance was open (and those before it that a rule
 * counted), each judged with the engine's own rules (`exclusionOf`, `markAttempts`): counted as first
 * contact or an attempt, or not, and which rule excluded it. Touches after the close are left out.
 */
export function touchEvents(
  instance: SlaInstance,
  policy: Policy | null,
  evaluation: Evaluation | null,
  touches: readonly Touch[],
  now: Instant,
): TimelineEvent[] {
  const mine = touches.filter((t) => t.contactId === instance.lead.contactId).sort(byTime);
  const at = instance.closedAt === null ? now : Math.min(now, instance.closedAt);
  if (policy === null)
    return mine
      .filter((t) => t.at >= instance.enteredAt && t.at <= (instance.closedAt ?? now))
      .map((touch) => ({ kind: 'touch', at: touch.at, touch, firstContact: null, attempt: null }));
  const clock = clockStartOf(instance, policy);
  const ctx: TouchContext = { instance, countFrom: clock.countFrom, now: at };
  const first = countingTouches(mine, policy.firstContact.counts, ctx)[0] ?? null;
  const attempts = attemptMarks(policy, evaluation, mine, ctx);
  const end = instance.closedAt ?? Number.POSITIVE_INFINITY;
  return mine.flatMap((touch): TimelineEvent[] => {
    const firstContact = firstMark(touch, policy, ctx, first);
    const attempt = attempts === null ? null : (attempts.get(touch.id) ?? null);
    // Before the handoff only what a rule counted (`includeBeforeHandoff`); after a close nothing.
    const shown =
      touch.at > end
        ? false
        : touch.at >= instance.enteredAt || firstContact.counts || attempt?.counts === true;
    return shown ? [{ kind: 'touch', at: touch.at, touch, firstContact, attempt }] : [];
  });
}

function firstMark(touch: Touch, policy: Policy, ctx: TouchContext, first: Touch | null): FirstContactMark {
  const why = exclusionOf(touch, policy.firstContact.counts, ctx);
  if (why === null) return { counts: true, first: touch.id === first?.id };
  return { counts: false, why };
}

/** Each touch's judgement under the attempts rule, by touch id; `null` when the policy has none. */
function attemptMarks(
  policy: Policy,
  evaluation: Evaluation | null,
  touches: readonly Touch[],
  ctx: TouchContext,
): Map<string, AttemptJudgement> | null {
  const rule = policy.attempts;
  if (rule === null) return null;
  const windowEnd =
    evaluation?.attempts?.windowEnd ??
    policy.calendar.addBusinessTime(clockStartOf(ctx.instance, policy).start, rule.within);
  const out = new Map<string, AttemptJudgement>();
  const counting = countingTouches(touches, rule.counts, ctx);
  const marks = markAttempts(rule, counting, windowEnd);
  counting.forEach((t, i) => {
    const mark = marks[i] ?? 'counted';
    out.set(t.id, mark === 'counted' ? { counts: true } : { counts: false, why: mark });
  });
  for (const t of touches) {
    if (out.has(t.id)) continue;
    // Not among the counting touches, so the rule excludes it (`?? 'kind'` only satisfies the type).
    out.set(t.id, { counts: false, why: exclusionOf(t, rule.counts, ctx) ?? 'kind' });
  }
  return out;
}
