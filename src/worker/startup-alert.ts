import type { Clock } from '../clock/clock.ts';
import type { Logger } from '../log/logger.ts';
import type { Notifier } from '../ports/notifier.ts';
import type { Store } from '../ports/store.ts';
import { adminAlert } from './admin-alert.ts';
import { type StartupOutage, startupAlertKey, startupAlertMessage } from './startup-retry.ts';

export interface StartupAlertDeps {
  readonly store: Pick<Store, 'enqueue' | 'markInDoubt' | 'markSent' | 'markUnconfirmed' | 'markFailed'>;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Tells the admins that a platform keeps failing at start-up. The worker that delivers the outbox is
 * not running yet, so the alert is recorded in the outbox (the notification log) and sent at once
 * through the notifier, as the worker would: marked in doubt before the send, sent or failed after.
 * One that cannot go out now (Slack is the one failing) is recorded as failed, not sent late.
 */
export function startupAlerter(deps: StartupAlertDeps): (outage: StartupOutage) => Promise<void> {
  const { store, notifier, clock, logger } = deps;
  return async (outage) => {
    const now = clock.now();
    const message = startupAlertMessage(outage);
    const entry = adminAlert(startupAlertKey(outage), message, now);
    await store.enqueue([entry], now);
    await store.markInDoubt(entry.key, now);
    const result = await notifier.alertAdmins({ key: entry.key, message });
    const at = clock.now();
    switch (result.status) {
      case 'sent':
        await store.markSent(entry.key, result.ref, result.fallback, at);
        logger.info({ key: entry.key, system: outage.system }, 'admins told about the start-up failure');
        return;
      case 'unconfirmed':
        await store.markUnconfirmed(entry.key, result.error, at);
        return;
      case 'retry':
      case 'failed':
        await store.markFailed(entry.key, result.error, at);
        logger.error(
          { key: entry.key, system: outage.system, error: result.error },
          'could not tell the admins about the start-up failure',
        );
        return;
    }
  };
}
