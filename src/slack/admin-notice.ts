import type { Instant } from '../domain/time.ts';
import { adminMessage } from '../i18n/admin-message.ts';
import type { Logger } from '../log/logger.ts';
import type { AdminAlert } from '../ports/notifier.ts';
import type { Store } from '../ports/store.ts';
import type { Unreachable } from './unreachable.ts';

/** The outbox payload of an admin alert; the worker hands it to `Notifier.alertAdmins`. */
export type AdminAlertPayload = AdminAlert;

export const unreachableAlertKey = (u: Unreachable): string => `admin:slack-unreachable:${u.who}:${u.code}`;

/**
 * Tells admins once that someone cannot be reached: the alert goes into the outbox (deduplicated by
 * key, so once across restarts too), and the worker delivers it through `Notifier.alertAdmins`.
 */
export function createAdminNotice(deps: { store: Pick<Store, 'enqueue'>; logger: Logger }) {
  const told = new Set<string>();
  return async function tellOnce(u: Unreachable, routedTo: readonly string[], now: Instant): Promise<void> {
    const key = unreachableAlertKey(u);
    if (told.has(key)) return;
    // Why and what to do are worded by the code, in each admin's language (`alert.fix.<code>`).
    const message = adminMessage('alert.unreachable', { who: u.who, code: u.code, routedTo: [...routedTo] });
    const payload: AdminAlertPayload = { key, message };
    try {
      await deps.store.enqueue(
        [{ key, instanceId: null, kind: 'admin_alert', target: null, payload, dueAt: now }],
        now,
      );
      told.add(key);
    } catch (err) {
      // The message itself went out; the alert is attempted again on the next delivery for this person.
      deps.logger.error({ err, key }, 'could not queue admin alert about an unreachable recipient');
    }
  };
}

export type AdminNotice = ReturnType<typeof createAdminNotice>;
