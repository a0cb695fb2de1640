import type { AdminAlert } from '../../ports/notifier.ts';
import type { Message } from './blocks.ts';
import { section } from './common-blocks.ts';
import { fallbackText, fitEscaped } from './text.ts';

/**
 * An operational alert for admins (unreachable reps, failed deliveries, outages). Its text quotes
 * HubSpot names, e-mails and error messages, so all of it is escaped. The alert's key is internal
 * (the outbox dedupes on it, and it travels in the message metadata to find a post again): not shown.
 */
export function renderAdminAlert(alert: AdminAlert): Message {
  return {
    text: fallbackText(`sla-bot admin alert: ${alert.text}`),
    blocks: [section(`:gear: *sla-bot admin alert*\n${fitEscaped(alert.text, 2500)}`)],
  };
}
