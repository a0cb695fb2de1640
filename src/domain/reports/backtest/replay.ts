import type { DueNotification, Evaluation, EvaluationInput } from '../../evaluation.ts';
import { evaluate } from '../../sla/index.ts';
import type { Instant } from '../../time.ts';

export interface Replay {
  /** Every notification that would have become due by `until`, once each, oldest first. */
  readonly notifications: readonly DueNotification[];
  /** The verdicts at `until`. */
  readonly final: Evaluation;
}

/** Far more steps than any real instance needs (a handful of reminders, escalations and repeats). */
const MAX_STEPS = 1_000;

/**
 * Replays one instance as the worker would have judged it: from the moment the bot first saw the
 * handoff, evaluating again at every `nextDueAt` until `until`, collecting what became due. Touches,
 * acknowledgements, silences and outages are taken as known when they happened (hindsight: a call
 * logged late counts from its own time). Pure: same input, same replay.
 */
export function replay(input: EvaluationInput, until: Instant): Replay {
  const seen = new Map<string, DueNotification>();
  let t = Math.min(input.instance.firstSeenAt, until);
  let last = evaluate(input, t);
  for (let step = 0; step < MAX_STEPS; step++) {
    for (const d of last.due) if (!seen.has(d.key)) seen.set(d.key, d);
    const next = last.nextDueAt;
    if (next === null || next > until || next <= t) break;
    t = next;
    last = evaluate(input, t);
  }
  const final = t === until ? last : evaluate(input, until);
  for (const d of final.due) if (!seen.has(d.key)) seen.set(d.key, d);
  const notifications = [...seen.values()].sort((a, b) => a.dueAt - b.dueAt || (a.key < b.key ? -1 : 1));
  return { notifications, final };
}
