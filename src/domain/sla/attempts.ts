import type { AttemptsVerdict } from '../evaluation.ts';
import type { Touch } from '../model.ts';
import type { AttemptsRule } from '../policy.ts';
import type { Instant } from '../time.ts';

export interface AttemptsOutcome {
  readonly verdict: AttemptsVerdict;
  /** When the attempt that went over `atMost` was made; null when not overkill. */
  readonly overkillAt: Instant | null;
}

/**
 * How each counting touch fared as an attempt: `counted`, `too_close` (within `minGap` of the previous
 * counted one: two dials a minute apart are one attempt) or `after_window` (at or after the window end).
 */
export type AttemptMark = 'counted' | 'too_close' | 'after_window';

/** The mark of each of `counting` (earliest first, already filtered by the rule), in the same order. */
export function markAttempts(
  rule: AttemptsRule,
  counting: readonly Touch[],
  windowEnd: Instant,
): AttemptMark[] {
  const marks: AttemptMark[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const t of counting) {
    if (t.at >= windowEnd) marks.push('after_window');
    else if (rule.minGap !== null && t.at - last < rule.minGap) marks.push('too_close');
    else {
      marks.push('counted');
      last = t.at;
    }
  }
  return marks;
}

/**
 * Counts attempts among the counting touches (earliest first, already filtered by the rule) that fall
 * before the window end, as `markAttempts` marks them. Met as soon as enough were made; short once
 * the window closed without enough; overkill when more than `atMost` were made.
 */
export function attemptsVerdict(
  rule: AttemptsRule,
  counting: readonly Touch[],
  windowEnd: Instant,
  now: Instant,
): AttemptsOutcome {
  let made = 0;
  let overkillAt: Instant | null = null;
  const marks = markAttempts(rule, counting, windowEnd);
  for (const [i, t] of counting.entries()) {
    if (marks[i] !== 'counted') continue;
    made += 1;
    if (rule.atMost !== null && made === rule.atMost + 1) overkillAt = t.at;
  }
  const state = made >= rule.required ? 'met' : now >= windowEnd ? 'short' : 'open';
  return {
    verdict: {
      made,
      required: rule.required,
      atMost: rule.atMost,
      windowEnd,
      state,
      overkill: overkillAt !== null,
    },
    overkillAt,
  };
}
