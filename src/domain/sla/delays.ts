import type { SlaInstance, Touch } from '../model.ts';
import type { Instant, Millis } from '../time.ts';

/**
 * Stage entered → bot saw it; for a lead imported at sla-bot's install, from the install on (before
 * it there was no bot to be late). Never negative.
 */
export const systemDelay = (instance: SlaInstance): Millis =>
  Math.max(0, instance.firstSeenAt - Math.max(instance.enteredAt, instance.importedAt ?? instance.enteredAt));

/**
 * Clock start (or first seen, if later: the rep cannot act on a ping not yet sent) → first contact,
 * in wall-clock time; 0 when the rep was faster than the bot; null while not contacted.
 */
export function repDelay(instance: SlaInstance, clockStart: Instant, contact: Touch | null): Millis | null {
  if (contact === null) return null;
  return Math.max(0, contact.at - Math.max(clockStart, instance.firstSeenAt));
}
