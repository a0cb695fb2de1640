import type { Clock } from '../../clock/clock.ts';
import type { SlaConfig } from '../../config/types.ts';
import type { DueNotification, Evaluation } from '../../domain/evaluation.ts';
import type { Instant, Millis } from '../../domain/time.ts';
import type { Owner } from '../../ports/crm-source.ts';
import type { Notifier, SendResult } from '../../ports/notifier.ts';
import type { OutboxEntry } from '../../ports/store.ts';
import { adminAlert } from '../admin-alert.ts';
import { describeError } from '../errors.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import { pingFingerprint } from '../shared/fingerprint.ts';
import { type OutageDeps, reportFailure, reportSuccess } from '../shared/outage-effects.ts';
import { alertText, asNotification } from '../shared/payload.ts';
import { instanceContext } from './context.ts';
import { backoffPause, type Pause, persist } from './persist.ts';
import { relevance } from './relevance.ts';

export interface DeliveryDeps extends OutageDeps {
  readonly notifier: Notifier;
  readonly clock: Clock;
  /** False once this instance may no longer send (lost the lease, shutting down). */
  readonly canSend: () => boolean;
  /**
   * A message that keeps failing transiently is given up (and admins told) only after this many
   * attempts *and* `giveUpAfter` past its due time: a Slack outage delays messages, it never loses them.
   */
  readonly maxAttempts: number;
  readonly giveUpAfter?: Millis;
  /** Wait between retries of the write that records a sent message (default: short backoff). */
  readonly pause?: Pause;
  /** Instances whose messages are delivered side by side (default 1: one message at a time). */
  readonly concurrency?: number;
}

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

type Attempt =
  /** `sent`: the notifier was asked to send (so the row was marked in doubt first). */
  | { readonly result: SendResult; readonly sent: boolean }
  | { readonly skip: string }
  /** Not yet: the facts it rests on are not confirmed (touches up to the deadline not read yet). */
  | { readonly defer: string; readonly until: Instant };

const DEFER: Millis = 15_000;

/** What polling knows that delivery reads (see `PollPosition`). */
export interface CrmKnown {
  readonly owners: readonly Owner[];
  /** Touches logged before it are known: a breach is told only once its deadline is behind it. */
  readonly touchesReadAt: Instant;
}

async function attempt(
  deps: DeliveryDeps,
  memory: InstanceMemory,
  known: CrmKnown,
  config: SlaConfig,
  entry: OutboxEntry,
  now: Instant,
): Promise<Attempt> {
  const inDoubtSince = entry.inDoubtSince;
  if (entry.kind === 'admin_alert') {
    const text = alertText(entry.payload);
    if (text === null) return { skip: 'malformed admin alert' };
    await deps.store.markInDoubt(entry.key, now);
    return { result: await deps.notifier.alertAdmins({ key: entry.key, text, inDoubtSince }), sent: true };
  }
  const n = asNotification(entry.payload);
  if (n === null || entry.target === null) return { skip: 'malformed notification payload' };
  // The store has the last word on closing: Slack "Not a fit" (possibly handled by another
  // instance) closes there, and nothing more goes out for that lead.
  const inStore = await deps.store.instance(n.instanceId);
  if (!inStore) return { skip: 'unknown instance' };
  if (inStore.instance.closedAt !== null) memory.forget(n.instanceId, now);
  const stored = memory.hot.get(n.instanceId) ?? inStore;
  const closed = !memory.isOpen(n.instanceId) || inStore.instance.closedAt !== null;
  const rel = relevance(n, { evaluation: stored.evaluation, closed }, now);
  if (!rel.send) return { skip: rel.reason };
  if (
    (n.reason.kind === 'breach' || n.reason.kind === 'escalation') &&
    known.touchesReadAt < n.reason.deadline
  )
    return { defer: 'waiting until HubSpot touches up to the deadline have been read', until: now + DEFER };
  if (stored.evaluation === null)
    return { result: { status: 'retry', error: 'not evaluated yet', retryAt: now }, sent: false };
  const context = instanceContext(config, known.owners, stored.instance, stored.evaluation);
  const notification = withCurrentExcuse(n, stored.evaluation);
  // Recorded before the request goes out: a crash from here on leaves the row in doubt, and the next
  // attempt looks for the message in Slack before sending it again (SD-9).
  await deps.store.markInDoubt(entry.key, now);
  return {
    result: await deps.notifier.send({
      key: entry.key,
      notification,
      target: entry.target,
      context,
      now,
      inDoubtSince,
    }),
    sent: true,
  };
}

/**
 * An outage found after the breach was recorded (HubSpot failing past the threshold only later)
 * still excuses it: the message says what the engine says now.
 */
function withCurrentExcuse(n: DueNotification, evaluation: Evaluation): DueNotification {
  const fc = evaluation.firstContact;
  if (fc.state !== 'breached' || !fc.excused) return n;
  if (n.reason.kind === 'breach' || n.reason.kind === 'escalation')
    return { ...n, reason: { ...n.reason, excused: true } };
  return n;
}

async function giveUp(deps: DeliveryDeps, entry: OutboxEntry, error: string, now: Instant): Promise<void> {
  await deps.store.markFailed(entry.key, error, now);
  deps.events.emit('notify:failed', { key: entry.key, error });
  deps.logger.error({ key: entry.key, kind: entry.kind, error }, 'notification could not be delivered');
  if (entry.kind === 'admin_alert') return;
  const text = `:warning: An SLA message could not be delivered (${entry.kind}, ${entry.key}): ${error}`;
  await deps.store.enqueue([adminAlert(`admin:delivery-failed:${entry.key}`, text, now)], now);
}

/**
 * Delivers due outbox rows, oldest first. Each row was recorded before this send and is marked sent
 * only after the notifier accepted it, so a crash in between resends at most that one message.
 */
export async function deliverOutbox(
  deps: DeliveryDeps,
  memory: InstanceMemory,
  known: CrmKnown,
  config: SlaConfig,
  limit: number,
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, skipped: 0, more: false };
  const batch = await deps.store.duePending(deps.clock.now(), limit);
  report.more = batch.length >= limit;
  let consecutiveRetries = 0;
  const deliverOne = async (entry: OutboxEntry): Promise<void> => {
    const now = deps.clock.now();
    let outcome: Attempt;
    try {
      outcome = await attempt(deps, memory, known, config, entry, now);
    } catch (err) {
      deps.logger.error({ key: entry.key, err: describeError(err) }, 'notifier threw instead of answering');
      // Whether it got as far as Slack is unknown: the row stays in doubt if it was.
      outcome = {
        result: { status: 'retry', error: describeError(err), retryAt: now + THROWN_RETRY_MS },
        sent: false,
      };
    }
    if ('defer' in outcome) {
      await deps.store.markRetry(entry.key, outcome.defer, outcome.until);
      return;
    }
    if ('skip' in outcome) {
      await deps.store.markFailed(entry.key, outcome.skip, now);
      deps.events.emit('notify:skipped', { key: entry.key, reason: outcome.skip });
      deps.logger.info({ key: entry.key, reason: outcome.skip }, 'notification skipped');
      report.skipped += 1;
      return;
    }
    const { result } = outcome;
    if (result.status === 'sent') {
      consecutiveRetries = 0;
      const pause = deps.pause ?? backoffPause;
      await persist(() => deps.store.markSent(entry.key, result.ref, result.fallback, now), pause);
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
    } else if (result.status === 'unconfirmed') {
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
    } else if (result.status === 'retry') {
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
      } else {
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
      }
    } else {
      consecutiveRetries = 0;
      await giveUp(deps, entry, result.error, now);
      report.failed += 1;
    }
  };
  // Rows of one instance go out in order, one after another; different instances' rows go out side
  // by side (`concurrency` lanes), each Slack channel still paced by the notifier's send queue.
  const concurrency = Math.max(1, deps.concurrency ?? 1);
  const lanes =
    concurrency === 1 ? batch.map((e) => [e]) : [...groupBy(batch, (e) => e.instanceId ?? e.key).values()];
  const lane = async (): Promise<void> => {
    for (let rows = lanes.shift(); rows !== undefined; rows = lanes.shift()) {
      for (const entry of rows) {
        if (!deps.canSend() || consecutiveRetries >= CIRCUIT) {
          report.more = true;
          return;
        }
        await deliverOne(entry);
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
