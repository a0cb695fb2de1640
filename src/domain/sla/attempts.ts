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
 * Counts attempts among the counting touches (earliest first, already filtered by the rule) that fall
 * before the window end. With `minGap`, an attempt closer than that to the previous *counted* one is
 * not counted (two dials a minute apart are one attempt). Met as soon as enough were made; short
 * once the window closed without enough; overkill when more than `atMost` were made.
 */
export function attemptsVerdict(
  rule: AttemptsRule,
  counting: readonly Touch[],
  windowEnd: Instant,
  now: Instant,
): AttemptsOutcome {
  let made = 0;
  let last = Number.NEGATIVE_INFINITY;
  let overkillAt: Instant | null = null;
  for (const t of counting) {
    if (t.at >= windowEnd) break;
    if (rule.minGap !== null && t.at - last < rule.minGap) continue;
    made += 1;
    last = t.at;
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
