import type { Clock } from '../../clock/clock.ts';
import type { Evaluation } from '../../domain/evaluation.ts';
import type { SlaInstance } from '../../domain/model.ts';
import { type Instant, MINUTE, type Millis, SECOND } from '../../domain/time.ts';
import { adminMessage } from '../../i18n/admin-message.ts';
import type { Logger } from '../../log/logger.ts';
import type { LeadWriter } from '../../ports/lead-writer.ts';
import type { Store } from '../../ports/store.ts';
import { adminAlert } from '../admin-alert.ts';
import { describeError } from '../errors.ts';
import type { WorkerEvents } from '../events.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import { persistQueue } from './persist-queue.ts';
import { dueItems, type WriteBackItem, without, withRetry } from './write-back-queue.ts';
import type { WriteBackState } from './write-back-state.ts';

export interface WriteBackDeps {
  readonly store: Pick<Store, 'instance' | 'commitCycle' | 'enqueue'>;
  /** `null`: write-back is not wired (dry run); the queue is left alone. */
  readonly leadWriter?: LeadWriter | null;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly events: WorkerEvents;
  readonly canSend: () => boolean;
  /** HubSpot writes per cycle (they share the request budget with polling). */
  readonly writeBackLimit?: number;
}

export interface WriteBackReport {
  done: number;
  retried: number;
  failed: number;
  skipped: number;
}

/** 30 s doubling, at most 30 minutes: HubSpot being down delays write-backs, it never loses them. */
const backoff = (attempts: number): Millis =>
  Math.min(30 * MINUTE, 30 * SECOND * 2 ** Math.min(attempts, 10));

type Failure = { readonly retryable: true; readonly at: Instant | null } | { readonly retryable: false };

/**
 * Whether a write may pass later (rate limits, 5xx, network, the daily limit at its next probe — the
 * limit may be raised before midnight — or after midnight).
 */
function classify(err: unknown): Failure {
  if (typeof err !== 'object' || err === null) return { retryable: false };
  if ('nextProbeAt' in err && typeof err.nextProbeAt === 'number')
    return { retryable: true, at: err.nextProbeAt };
  if ('resumeAt' in err && typeof err.resumeAt === 'number') return { retryable: true, at: err.resumeAt };
  return 'retryable' in err && err.retryable === true ? { retryable: true, at: null } : { retryable: false };
}

const codeOf = (err: unknown): string =>
  typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : 'error';

type Target = { readonly instance: SlaInstance; readonly evaluation: Evaluation };

async function targetOf(
  deps: WriteBackDeps,
  memory: InstanceMemory,
  item: WriteBackItem,
): Promise<Target | null> {
  const open = memory.hot.get(item.instanceId);
  if (open?.evaluation) return { instance: open.instance, evaluation: open.evaluation };
  const stored = await deps.store.instance(item.instanceId);
  return stored?.evaluation ? { instance: stored.instance, evaluation: stored.evaluation } : null;
}

/** A "call now" task makes sense only while the lead is open and still uncontacted. */
function taskStillNeeded(t: Target): boolean {
  const fc = t.evaluation.firstContact;
  return t.instance.closedAt === null && fc.state === 'breached' && fc.contactedAt === null;
}

/** Whether the item still has something to do for its instance as it is now. */
function stillWanted(item: WriteBackItem, t: Target): boolean {
  if (item.kind === 'breach_task') return taskStillNeeded(t);
  if (item.kind === 'retract_task') return t.evaluation.firstContact.state === 'met';
  return true;
}

function write(writer: LeadWriter, item: WriteBackItem, t: Target): Promise<void> {
  if (item.kind === 'outcome') return writer.writeOutcome(t.instance, t.evaluation);
  if (item.kind === 'breach_task') return writer.createBreachTask(t.instance, t.evaluation);
  return writer.retractBreachTask(t.instance, t.evaluation);
}

/** The admins' alert about a write HubSpot refuses for good: once per kind of write and error code. */
export function writeBackFailedAlert(kind: WriteBackItem['kind'], err: unknown, now: Instant) {
  const code = codeOf(err);
  // `kind` names what was refused (`alert.writeBack.<kind>`).
  const message = adminMessage('alert.writeBackFailed', { kind, code, error: describeError(err) });
  return adminAlert(`admin:write-back-failed:${kind}:${code}`, message, now);
}

async function alertPermanent(deps: WriteBackDeps, item: WriteBackItem, err: unknown, now: Instant) {
  await deps.store.enqueue([writeBackFailedAlert(item.kind, err, now)], now);
}

/**
 * Works through the due write-backs: outcome properties with the instance's current verdict, breach
 * tasks for leads still uncontacted, and the completion of the task of a retracted breach. A transient failure keeps the item (backoff) and stops
 * the batch; a permanent one drops it and tells the admins once per kind of failure. Failures never
 * fail the cycle. The queue is saved when it changed.
 */
export async function applyWriteBacks(
  deps: WriteBackDeps,
  state: WriteBackState,
  memory: InstanceMemory,
): Promise<WriteBackReport> {
  const report: WriteBackReport = { done: 0, retried: 0, failed: 0, skipped: 0 };
  const writer = deps.leadWriter ?? null;
  if (writer === null || state.queue.size === 0) return report;
  for (const item of dueItems(state.queue, deps.clock.now(), deps.writeBackLimit ?? 20)) {
    if (!deps.canSend()) break;
    const now = deps.clock.now();
    const target = await targetOf(deps, memory, item);
    if (target === null || !stillWanted(item, target)) {
      state.queue = without(state.queue, item.key);
      report.skipped += 1;
      continue;
    }
    try {
      await write(writer, item, target);
      state.queue = without(state.queue, item.key);
      report.done += 1;
      deps.events.emit('writeback:done', { key: item.key, kind: item.kind });
    } catch (err) {
      const failure = classify(err);
      const error = describeError(err);
      if (failure.retryable) {
        const at = Math.max(failure.at ?? 0, now + backoff(item.attempts));
        state.queue = withRetry(state.queue, item.key, at, error);
        report.retried += 1;
        deps.events.emit('writeback:retry', { key: item.key, error });
        deps.logger.warn({ key: item.key, error, retryAt: at }, 'hubspot write-back failed, will retry');
        break; // HubSpot is failing: the rest waits for the next cycle.
      }
      state.queue = without(state.queue, item.key);
      report.failed += 1;
      deps.events.emit('writeback:failed', { key: item.key, error });
      deps.logger.error({ key: item.key, error }, 'hubspot write-back failed for good');
      await alertPermanent(deps, item, err, now);
    }
  }
  await persistQueue(deps, state, deps.clock.now());
  return report;
}
