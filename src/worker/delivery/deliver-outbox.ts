import type { SlaConfig } from '../../config/types.ts';
import type { Instant, Millis } from '../../domain/time.ts';
import { adminMessage } from '../../i18n/admin-message.ts';
import type { OutboxEntry } from '../../ports/store.ts';
import { adminAlert } from '../admin-alert.ts';
import { describeError } from '../errors.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import { pingFingerprint } from '../shared/fingerprint.ts';
import { reportFailure, reportSuccess } from '../shared/outage-effects.ts';
import { type Attempt, attempt, type CrmKnown } from './attempt.ts';
import type { DeliveryDeps } from './delivery-deps.ts';
import { removeDuplicate, SendRefused } from './fence.ts';
import { backoffPause, persist } from './persist.ts';

export type { CrmKnown } from './attempt.ts';
export type { DeliveryDeps } from './delivery-deps.ts';

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  /** Stopped before the batch was done (Slack failing, lease lost, shutdown, batch full). */
  more: boolean;
}

/** Consecutive transient failures after which the rest of the batch waits for the next cycle. */
const CIRCUIT = 3;
const THROWN_RETRY_MS = 30_000;
const DEFAULT_GIVE_UP_AFTER: Millis = 24 * 60 * 60_000;
/** Backoff between attempts of one message: 5 s doubling, at most a minute (so recovery is quick). */
const backoff = (attempts: number): Millis => Math.min(60_000, 5_000 * 2 ** Math.min(attempts, 10));

/** The admins' alert about a message given up on (once per row). */
export const deliveryFailedAlert = (entry: Pick<OutboxEntry, 'key' | 'kind'>, error: string, now: Instant) =>
  adminAlert(
    `admin:delivery-failed:${entry.key}`,
    adminMessage('alert.deliveryFailed', { kind: entry.kind, key: entry.key, error }),
    now,
  );

async function giveUp(deps: DeliveryDeps, entry: OutboxEntry, error: string, now: Instant): Promise<void> {
  await deps.store.markFailed(entry.key, error, now);
  deps.events.emit('notify:failed', { key: entry.key, error });
  deps.logger.error({ key: entry.key, kind: entry.kind, error }, 'notification could not be delivered');
  if (entry.kind === 'admin_alert') return;
  await deps.store.enqueue([deliveryFailedAlert(entry, error, now)], now);
}

/**
 * Delivers due outbox rows, oldest first. Each row was recorded before this send and is marked sent
 * only after the notifier accepted it, so a crash in between resends at most that one message. Every
 * post claims its row for this leadership's epoch first (ADR 0012): a replica that was replaced sends
 * nothing. An instance's rows go out in order: one that stays pending holds back the rest of its
 * instance (the store's `duePending` holds back rows behind one not due yet).
 */
export async function deliverOutbox(
  deps: DeliveryDeps,
  memory: InstanceMemory,
  known: CrmKnown,
  config: SlaConfig,
  limit: number,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, skipped: 0, more: false };
  const lease = deps.lease();
  if (lease === null) return { ...report, more: true };
  const batch = await deps.store.duePending(deps.clock.now(), limit);
  report.more = batch.length >= limit;
  let consecutiveRetries = 0;
  /** Another replica took over: nothing more goes out from this one. */
  let fenced = false;
  /** Instances with a row still pending in this batch: their later rows wait for it. */
  const held = new Set<string>();
  /** Delivers one row; false when it stays pending. */
  const deliverOne = async (entry: OutboxEntry): Promise<boolean> => {
    const now = deps.clock.now();
    let outcome: Attempt;
    try {
      outcome = await attempt(deps, lease, memory, known, config, entry, now);
    } catch (err) {
      if (err instanceof SendRefused) {
        if (err.claim === 'fenced') {
          fenced = true;
          report.more = true;
          deps.logger.warn(
            { key: entry.key, epoch: lease.epoch, holder: lease.holder },
            'send refused: another replica took over the lease; this one stops delivering',
          );
        } else {
          deps.logger.info({ key: entry.key, epoch: lease.epoch }, 'send refused: the row changed hands');
        }
        deps.events.emit('notify:skipped', { key: entry.key, reason: `send refused: ${err.claim}` });
        return false;
      }
      deps.logger.error({ key: entry.key, err: describeError(err) }, 'notifier threw instead of answering');
      // Whether it got as far as Slack is unknown: the row stays in doubt if it was.
      outcome = {
        result: { status: 'retry', error: describeError(err), retryAt: now + THROWN_RETRY_MS },
        sent: false,
      };
    }
    if ('defer' in outcome) {
      await deps.store.markRetry(entry.key, outcome.defer, outcome.until);
      return false;
    }
    if ('skip' in outcome) {
      await deps.store.markFailed(entry.key, outcome.skip, now);
      deps.events.emit('notify:skipped', { key: entry.key, reason: outcome.skip });
      deps.logger.info({ key: entry.key, reason: outcome.skip }, 'notification skipped');
      report.skipped += 1;
      return true;
    }
    const { result } = outcome;
    if (result.status === 'sent') {
      consecutiveRetries = 0;
      const pause = deps.pause ?? backoffPause;
      const shown =
        'shown' in outcome && outcome.shown !== undefined
          ? { ...outcome.shown, copies: result.copies ?? [result.ref] }
          : undefined;
      const recorded = await persist(
        () => deps.store.markSent(entry.key, result.ref, result.fallback, now, shown),
        pause,
      );
      if (!recorded) {
        // Another sender recorded its copy first (a leader that stalled between claim and post).
        await removeDuplicate(deps, entry.key, result.ref);
        return true;
      }
      report.sent += 1;
      deps.events.emit('notify:sent', {
        key: entry.key,
        kind: entry.kind,
        lateBy: Math.max(0, now - entry.dueAt),
      });
      if (
        entry.kind === 'handoff' &&
        entry.target?.kind === 'owner' &&
        entry.instanceId !== null &&
        memory.isOpen(entry.instanceId)
      ) {
        // A settled instance is not kept whole: its evaluation is the store's.
        const id = entry.instanceId;
        const evaluation = memory.hot.get(id)?.evaluation ?? (await deps.store.instance(id))?.evaluation;
        if (evaluation) {
          const ping = pingFingerprint(evaluation, false);
          await persist(() => deps.store.setPing(id, result.ref, ping), pause);
          memory.setPing(id, result.ref, ping);
        }
      }
      await reportSuccess(deps, 'slack', now);
      return true;
    }
    if (result.status === 'unconfirmed') {
      // Slack may have it and it cannot be checked: at most once, recorded as sent without a ref.
      consecutiveRetries = 0;
      await persist(
        () => deps.store.markUnconfirmed(entry.key, result.error, now),
        deps.pause ?? backoffPause,
      );
      report.sent += 1;
      deps.logger.warn(
        { key: entry.key, kind: entry.kind, error: result.error },
        'notification maybe delivered',
      );
      return true;
    }
    if (result.status === 'retry') {
      // A look-up waiting for its one-a-minute allowance is not Slack failing, and must not hold
      // back the rest of the batch (SD-5).
      if (result.waiting !== true) {
        consecutiveRetries += 1;
        await reportFailure(deps, 'slack', now, result.error);
      }
      const tooOld = now - entry.dueAt >= (deps.giveUpAfter ?? DEFAULT_GIVE_UP_AFTER);
      if (entry.attempts + 1 >= deps.maxAttempts && tooOld) {
        await giveUp(deps, entry, `gave up after ${entry.attempts + 1} attempts: ${result.error}`, now);
        report.failed += 1;
        return true;
      }
      // A clean attempt that cannot have left a copy in Slack is no longer in doubt; a row already
      // in doubt stays so until it is sent (the look-up found it, or it was posted and confirmed).
      const clearInDoubt = outcome.sent && entry.inDoubtSince === null && result.inDoubt !== true;
      await deps.store.markRetry(
        entry.key,
        result.error,
        Math.max(result.retryAt, now + backoff(entry.attempts)),
        clearInDoubt,
      );
      deps.events.emit('notify:retry', { key: entry.key, error: result.error });
      report.retried += 1;
      return false;
    }
    consecutiveRetries = 0;
    await giveUp(deps, entry, result.error, now);
    report.failed += 1;
    return true;
  };
  // Rows of one instance go out in order, one after another; different instances' rows go out side
  // by side (`concurrency` lanes), each Slack channel still paced by the notifier's send queue.
  const concurrency = Math.max(1, deps.concurrency ?? 1);
  const lanes =
    concurrency === 1 ? batch.map((e) => [e]) : [...groupBy(batch, (e) => e.instanceId ?? e.key).values()];
  const lane = async (): Promise<void> => {
    for (let rows = lanes.shift(); rows !== undefined; rows = lanes.shift()) {
      for (const entry of rows) {
        if (fenced || !deps.canSend() || consecutiveRetries >= CIRCUIT) {
          report.more = true;
          return;
        }
        const instance = entry.instanceId;
        if (instance !== null && held.has(instance)) continue;
        const done = await deliverOne(entry);
        if (!done && instance !== null) held.add(instance);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, lanes.length) }, lane));
  deps.events.emit('queue:depth', {
    pending: Math.max(0, batch.length - report.sent - report.skipped - report.failed),
  });
  return report;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
