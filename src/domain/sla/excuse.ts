import type { ExcuseReason } from '../evaluation.ts';
import type { Outage, SlaInstance } from '../model.ts';
import { contains, type Instant } from '../time.ts';

/**
 * Excuses (`ExcuseReason`), the most specific first:
 * - `before_sla_bot`: the lead was imported at sla-bot's first install and its deadline had passed
 *   before that (`SlaInstance.importedAt`); nothing about it is ever messaged;
 * - `seen_late`: the bot itself first saw the handoff only at or after the deadline (the rep was never
 *   pinged in time: system delay, not rep delay);
 * - `outage`: the deadline fell inside a known HubSpot, Slack or sla-bot outage.
 */
export type { ExcuseReason };

/** The deadline passed before sla-bot was installed (the instance was imported then). */
export const beforeSlaBot = (deadline: Instant, instance: Pick<SlaInstance, 'importedAt'>): boolean =>
  instance.importedAt !== undefined && instance.importedAt !== null && deadline < instance.importedAt;

/** The reason a breach of `deadline` is excused (the most specific first), or `null`: it is not. */
export function excuseOf(
  deadline: Instant,
  instance: Pick<SlaInstance, 'importedAt' | 'firstSeenAt'>,
  outages: readonly Outage[],
): ExcuseReason | null {
  if (beforeSlaBot(deadline, instance)) return 'before_sla_bot';
  if (instance.firstSeenAt >= deadline) return 'seen_late';
  for (const outage of outages) if (contains(outage, deadline)) return 'outage';
  return null;
}

/** A breach is excused (reported, but the rep is not blamed) when `excuseOf` finds a reason. */
export const isExcused = (deadline: Instant, instance: SlaInstance, outages: readonly Outage[]): boolean =>
  excuseOf(deadline, instance, outages) !== null;
