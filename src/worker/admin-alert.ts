import type { Instant } from '../domain/time.ts';
import type { AdminMessage } from '../i18n/admin-message.ts';
import type { NewOutboxEntry } from '../ports/store.ts';

/**
 * An outbox entry that tells the admins `message`, due now; `key` deduplicates it across cycles and
 * restarts. The message is a catalogue key and raw values, rendered in each admin's language when
 * it is delivered (issue 19).
 */
export const adminAlert = (key: string, message: AdminMessage, now: Instant): NewOutboxEntry => ({
  key,
  instanceId: null,
  kind: 'admin_alert',
  target: null,
  payload: { message },
  dueAt: now,
});
