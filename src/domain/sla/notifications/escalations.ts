import type { Silence } from '../../model.ts';
import type { EscalationLevel } from '../../policy.ts';
import type { Instant } from '../../time.ts';
import { type Plan, type Situation, withOwnerFallback } from '../situation.ts';

/**
 * Escalation levels fire at deadline + `after` (wall-clock), then repeat every `every` up to `times`
 * more times, while the lead is still uncontacted. After downtime only the latest firing that is due
 * is sent, not a burst. A silence on the owner or the team that is active now holds the firing back
 * (its key goes to `silenced`); if the lead is still uncontacted when the silence ends, it is sent then.
 */
export function scheduleEscalations(s: Situation, plan: Plan): void {
  if (s.contact !== null || s.input.policy.escalate.length === 0) return;
  for (const level of s.input.policy.escalate) scheduleLevel(s, plan, level);
  for (const silence of s.input.silences) if (applies(silence, s)) plan.later(silence.from);
}

function scheduleLevel(s: Situation, plan: Plan, level: EscalationLevel): void {
  const first = s.deadline + level.after;
  if (s.now < first) {
    plan.later(first);
    return;
  }
  const repeat = latestRepeat(level, first, s.now);
  const dueAt = first + (level.repeat === null ? 0 : repeat * level.repeat.every);
  if (level.repeat !== null && repeat < level.repeat.times) plan.later(dueAt + level.repeat.every);
  const key = `${s.keyBase}:escalation:${level.level}:${repeat}`;
  const silencedUntil = activeSilenceEnd(s, s.now);
  if (silencedUntil !== null) {
    plan.silenced.push(key);
    plan.later(silencedUntil);
    return;
  }
  plan.due.push({
    key,
    kind: 'escalation',
    instanceId: s.input.instance.id,
    dueAt,
    targets: withOwnerFallback(s, level.notify),
    reason: { kind: 'escalation', level: level.level, repeat, deadline: s.deadline, excused: s.excused },
  });
}

/** The index of the latest firing at or before `now` (0 = the first, 1.. = repeats). */
function latestRepeat(level: EscalationLevel, first: Instant, now: Instant): number {
  if (level.repeat === null || level.repeat.every <= 0) return 0;
  return Math.min(level.repeat.times, Math.floor((now - first) / level.repeat.every));
}

/** The earliest end of a silence on this owner or team that is active at `t`, or null. */
function activeSilenceEnd(s: Situation, t: Instant): Instant | null {
  let end: Instant | null = null;
  for (const silence of s.input.silences) {
    if (silence.from > t || silence.until <= t || !applies(silence, s)) continue;
    if (end === null || silence.until < end) end = silence.until;
  }
  return end;
}

function applies(silence: Silence, s: Situation): boolean {
  const scope = silence.scope;
  if (scope.kind === 'owner') return scope.ownerId === s.input.instance.ownerId;
  return s.input.team !== null && scope.team === s.input.team;
}
