import type { Instant } from '../domain/time.ts';
import type { NewOutboxEntry } from '../ports/store.ts';

/** An outbox entry that tells the admins `text`, due now; `key` deduplicates it across cycles and restarts. */
export const adminAlert = (key: string, text: string, now: Instant): NewOutboxEntry => ({
  key,
  instanceId: null,
  kind: 'admin_alert',
  target: null,
  payload: { text },
  dueAt: now,
});
