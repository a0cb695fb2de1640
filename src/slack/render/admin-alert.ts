import type { Translator } from '../../i18n/translate.ts';
import type { AdminAlert } from '../../ports/notifier.ts';
import { adminAlertText } from './admin-alert-text.ts';
import type { Message } from './blocks.ts';
import { section } from './common-blocks.ts';
import { fallbackText, fitEscaped } from './text.ts';

/**
 * An operational alert for admins (unreachable reps, failed deliveries, outages), in the admin's
 * language (a row queued with finished text keeps it). Its text quotes
 * HubSpot names, e-mails and error messages, so all of it is escaped. The alert's key is internal
 * (the outbox dedupes on it, and it travels in the message metadata to find a post again): not shown.
 */
export function renderAdminAlert(alert: AdminAlert, t: Translator): Message {
  const text = adminAlertText(alert, t);
  return {
    text: fallbackText(t.t('admin.text', { text })),
    blocks: [section(`${t.t('admin.title')}\n${fitEscaped(text, 2500)}`)],
  };
}
