import { translator } from '../i18n/translate.ts';
import type { Logger } from '../log/logger.ts';
import { type Notifier, targetKey } from '../ports/notifier.ts';
import { adminAlertText } from '../slack/render/admin-alert-text.ts';

/**
 * `run --dry-run`: every message is logged instead of sent, and answered as sent, so the whole
 * cycle runs as it would live (against a throw-away store, see src/worker/open-app-store.ts).
 */
export function createDryRunNotifier(logger: Logger): Notifier {
  let n = 0;
  const ref = () => ({ channel: 'dry-run', ts: `${++n}.000000` });
  return {
    send: async (d) => {
      logger.info(
        {
          key: d.key,
          kind: d.notification.kind,
          target: targetKey(d.target),
          instanceId: d.notification.instanceId,
          owner: d.context.owner?.email ?? null,
          lateByMs: Math.max(0, d.now - d.notification.dueAt),
          reason: d.notification.reason,
        },
        'dry run: would send',
      );
      return { status: 'sent', ref: ref(), fallback: null };
    },
    update: async (e) => {
      logger.info(
        {
          key: e.key,
          kind: e.notification.kind,
          instanceId: e.context.instance.id,
          truth: e.truth.state,
          copies: e.copies.length,
        },
        'dry run: would update in place',
      );
      return { status: 'edited', skipped: [] };
    },
    alertAdmins: async (alert) => {
      logger.info(
        { key: alert.key, text: adminAlertText(alert, translator()) },
        'dry run: would alert admins',
      );
      return { status: 'sent', ref: ref(), fallback: null };
    },
  };
}
