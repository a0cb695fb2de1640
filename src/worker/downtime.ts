import type { Outage } from '../domain/model.ts';
import type { Instant, Millis } from '../domain/time.ts';
import { adminMessage } from '../i18n/admin-message.ts';
import type { Logger } from '../log/logger.ts';
import type { Cursors } from '../ports/crm-source.ts';
import type { NewOutboxEntry, Store } from '../ports/store.ts';
import { adminAlert } from './admin-alert.ts';
import type { WorkerEvents } from './events.ts';

/** The cursor every committed cycle writes: when the worker was last known to be working. */
export const HEARTBEAT_CURSOR = 'worker:heartbeat';

/** The last heartbeat in `cursors`, or `null` (a fresh store, or one from before heartbeats). */
export function heartbeatOf(cursors: Cursors): Instant | null {
  const raw = cursors[HEARTBEAT_CURSOR];
  if (raw === undefined) return null;
  const at = Number(raw);
  return Number.isSafeInteger(at) && at > 0 ? at : null;
}

/**
 * The worker's own outage: no cycle was committed from the last heartbeat until `now`, for longer
 * than `threshold`. Shorter gaps (a restart, a deploy) are not outages.
 */
export function workerDowntime(
  lastHeartbeat: Instant | null,
  now: Instant,
  threshold: Millis,
): Outage | null {
  if (lastHeartbeat === null || now - lastHeartbeat <= threshold) return null;
  return { system: 'worker', from: lastHeartbeat, until: now };
}

export const downtimeAlertKey = (outage: Outage): string => `admin:outage:worker:${outage.from}`;

/** The admin alert for a downtime, keyed by its start: told once, whatever happens after. */
export function downtimeAlert(outage: Outage, now: Instant): NewOutboxEntry {
  const minutes = Math.round((outage.until - outage.from) / 60_000);
  const message = adminMessage('alert.downtime', { from: outage.from, until: outage.until, minutes });
  return adminAlert(downtimeAlertKey(outage), message, now);
}

export interface DowntimeDeps {
  readonly store: Pick<Store, 'recordOutage' | 'enqueue'>;
  readonly events: WorkerEvents;
  readonly logger: Logger;
}

/**
 * At start-up (and whenever the worker reloads its state), records the time since the last
 * heartbeat as a `worker` outage when it exceeds the threshold, and alerts the admins once. Both
 * writes are idempotent (outage by system and start, alert by key), so a retry after a failure
 * records the same outage, extended to the later `now`.
 */
export async function recordDowntime(
  deps: DowntimeDeps,
  lastHeartbeat: Instant | null,
  now: Instant,
  threshold: Millis,
): Promise<Outage | null> {
  const outage = workerDowntime(lastHeartbeat, now, threshold);
  if (outage === null) return null;
  deps.logger.error(
    { from: outage.from, until: outage.until, minutes: Math.round((outage.until - outage.from) / 60_000) },
    'sla-bot was not running past the outage threshold; deadlines in the gap are excused',
  );
  await deps.store.recordOutage(outage);
  await deps.store.enqueue([downtimeAlert(outage, now)], now);
  deps.events.emit('downtime:recorded', { from: outage.from, until: outage.until });
  return outage;
}
