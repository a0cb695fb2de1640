import type { SlaConfig } from '../../config/types.ts';
import type { DueNotification, Evaluation } from '../../domain/evaluation.ts';
import { messageTruth, shownFingerprint } from '../../domain/message-truth.ts';
import { type Instant, MINUTE, type Millis, SECOND } from '../../domain/time.ts';
import type { EditResult, MessageRef } from '../../ports/notifier.ts';
import type { LeaseToken, OutboxEntry, ShownMessage, StoredInstance } from '../../ports/store.ts';
import { describeError } from '../errors.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import { withHistory } from '../reassign/handoff-history.ts';
import { pingFingerprint } from '../shared/fingerprint.ts';
import { reportFailure, reportSuccess } from '../shared/outage-effects.ts';
import { asNotification } from '../shared/payload.ts';
import type { CrmKnown } from './attempt.ts';
import { instanceContext } from './context.ts';
import type { DeliveryDeps } from './delivery-deps.ts';
import { SendRefused } from './fence.ts';
import { backoffPause, persist } from './persist.ts';

export interface CorrectionReport {
  /** Messages updated in place. */
  edited: number;
  /** Messages checked and found to show the truth already (no request to Slack). */
  unchanged: number;
  retried: number;
  /** Stopped before every due message was checked (Slack failing, lease lost, batch full). */
  more: boolean;
}

/** Consecutive transient failures after which the rest waits for the next cycle (as deliveries). */
const CIRCUIT = 3;
const RETRY_MIN: Millis = 5 * SECOND;
const RETRY_MAX: Millis = MINUTE;
const DEFAULT_GIVE_UP_AFTER: Millis = 24 * 60 * MINUTE;

const sameRef = (a: MessageRef | null, b: MessageRef | null): boolean =>
  a !== null && b !== null && a.channel === b.channel && a.ts === b.ts;

/**
 * Brings sent messages whose instance's truth changed up to date (issue 15). The cycle that found the
 * change asked for them in its transaction (`CycleWrite.recheck`, or a close from Slack); each is checked
 * once per cycle against what it shows: equal → recorded, no request; different → updated in place with
 * the latest truth (several changes since, one update), claimed for this leadership's epoch immediately
 * before each request (ADR 0012) and paced by the notifier's send queue. An instance's messages go in the
 * order they were sent, one after another; one that must wait holds the rest of its instance back.
 */
export async function correctMessages(
  deps: DeliveryDeps,
  memory: InstanceMemory,
  known: CrmKnown,
  config: SlaConfig,
  limit: number,
): Promise<CorrectionReport> {
  const report: CorrectionReport = { edited: 0, unchanged: 0, retried: 0, more: false };
  const lease = deps.lease();
  if (lease === null) return { ...report, more: true };
  const batch = await deps.store.dueEdits(deps.clock.now(), limit);
  report.more = batch.length >= limit;
  let consecutiveRetries = 0;
  let fenced = false;
  const held = new Set<string>();
  const instances = new Map<string, StoredInstance | null>();
  const instanceOf = async (id: string): Promise<StoredInstance | null> => {
    if (!instances.has(id)) instances.set(id, await current(deps, memory, id));
    return instances.get(id) ?? null;
  };
  for (const entry of batch) {
    if (fenced || !deps.canSend() || consecutiveRetries >= CIRCUIT) {
      report.more = true;
      break;
    }
    const id = entry.instanceId;
    if (id === null || entry.edit === null || held.has(id)) continue;
    const now = deps.clock.now();
    const n = asNotification(entry.payload);
    const stored = await instanceOf(id);
    if (n === null || stored === null) {
      // Nothing to render it from: it stays as it is.
      await deps.store.markEdited(entry.key, shownOf(entry, entry.shown ?? ''), entry.edit.seq, null, now);
      continue;
    }
    const evaluation = stored.evaluation;
    if (evaluation === null) {
      held.add(id);
      continue;
    }
    const message = { reason: n.reason, aboutOwner: entry.aboutOwner };
    const wanted = shownFingerprint(message, stored.instance, evaluation);
    const outcome =
      wanted === entry.shown
        ? ({ status: 'unchanged' } as const)
        : await edit(deps, lease, entry, n, stored, evaluation, config, known, now);
    if (outcome.status === 'refused') {
      fenced = outcome.fenced;
      if (fenced) report.more = true;
      held.add(id);
      continue;
    }
    if (outcome.status === 'retry') {
      consecutiveRetries += 1;
      await reportFailure(deps, 'slack', now, outcome.error);
      if (now - entry.edit.dueAt < (deps.giveUpAfter ?? DEFAULT_GIVE_UP_AFTER)) {
        const wait = Math.min(RETRY_MAX, Math.max(RETRY_MIN, outcome.retryAt - now));
        await deps.store.markEditRetry(entry.key, now + wait);
        report.retried += 1;
        held.add(id);
        continue;
      }
      deps.logger.error(
        { key: entry.key, error: outcome.error },
        'message could not be updated in place; given up',
      );
    } else if (outcome.status === 'failed') {
      // Deleted, or refused for good: remembered as shown, so it is not tried every cycle.
      deps.logger.warn({ key: entry.key, error: outcome.error }, 'message could not be updated in place');
    } else if (outcome.status === 'edited') {
      consecutiveRetries = 0;
      await reportSuccess(deps, 'slack', now);
    }
    const recorded = await persist(
      () =>
        deps.store.markEdited(
          entry.key,
          shownOf(entry, wanted),
          entry.edit?.seq ?? 0,
          outcome.status === 'edited' ? lease.epoch : null,
          now,
        ),
      deps.pause ?? backoffPause,
    );
    if (outcome.status === 'edited') {
      if (recorded) report.edited += 1;
      deps.events.emit('message:edited', { key: entry.key, kind: n.kind, instanceId: id });
    } else if (outcome.status === 'unchanged') report.unchanged += 1;
    await keepPingState(deps, memory, entry, stored, evaluation);
  }
  return report;
}

type Outcome =
  | EditResult
  | { readonly status: 'unchanged' }
  | { readonly status: 'refused'; readonly fenced: boolean };

/** Updates one message in place with the truth as it is now. */
async function edit(
  deps: DeliveryDeps,
  lease: LeaseToken,
  entry: OutboxEntry,
  n: DueNotification,
  stored: StoredInstance,
  evaluation: Evaluation,
  config: SlaConfig,
  known: CrmKnown,
  now: Instant,
): Promise<Outcome> {
  const context = await withHistory(
    deps.store,
    known.owners,
    n.reason,
    instanceContext(config, known.owners, stored.instance, evaluation),
  );
  const notification = withExcuseNow(n, evaluation);
  const truth = messageTruth({ reason: n.reason, aboutOwner: entry.aboutOwner }, stored.instance, evaluation);
  try {
    return await deps.notifier.update({
      key: entry.key,
      notification,
      context,
      truth,
      copies: copiesOf(entry),
      now,
      claim: async () => {
        const claim = await deps.store.claimForEdit(entry.key, lease, entry.claimedEpoch, deps.clock.now());
        if (claim !== 'claimed') throw new SendRefused(claim, entry.key);
      },
    });
  } catch (err) {
    if (err instanceof SendRefused) {
      if (err.claim === 'fenced')
        deps.logger.warn(
          { key: entry.key, epoch: lease.epoch, holder: lease.holder },
          'update refused: another replica took over the lease; this one stops delivering',
        );
      return { status: 'refused', fenced: err.claim === 'fenced' };
    }
    deps.logger.error({ key: entry.key, err: describeError(err) }, 'notifier threw instead of answering');
    return { status: 'retry', error: describeError(err), retryAt: now + 30 * SECOND };
  }
}

/** The instance as it is now: closed in the store (by anyone), else as this worker judged it last. */
async function current(
  deps: DeliveryDeps,
  memory: InstanceMemory,
  id: string,
): Promise<StoredInstance | null> {
  const inStore = await deps.store.instance(id);
  if (inStore === null || inStore.instance.closedAt !== null) return inStore;
  const hot = memory.hot.get(id);
  return hot
    ? { ...inStore, instance: hot.instance, evaluation: hot.evaluation ?? inStore.evaluation }
    : inStore;
}

const copiesOf = (entry: OutboxEntry) => entry.copies ?? (entry.ref === null ? [] : [entry.ref]);

const shownOf = (entry: OutboxEntry, fingerprint: string): ShownMessage => ({
  fingerprint,
  aboutOwner: entry.aboutOwner,
  copies: copiesOf(entry),
});

/** The breach's excuse as the engine sees it now (an outage found later, or one no longer known). */
function withExcuseNow(n: DueNotification, evaluation: Evaluation): DueNotification {
  const fc = evaluation.firstContact;
  if (fc.state !== 'breached' || (n.reason.kind !== 'breach' && n.reason.kind !== 'escalation')) return n;
  return { ...n, reason: { ...n.reason, excused: fc.excused } };
}

/**
 * The instance's current ping: its state as the worker keeps it (`pingState`) follows what it shows,
 * so a settled instance whose ping is up to date can leave memory (`quiet`, ADR 0007).
 */
async function keepPingState(
  deps: DeliveryDeps,
  memory: InstanceMemory,
  entry: OutboxEntry,
  stored: StoredInstance,
  evaluation: Evaluation,
): Promise<void> {
  if (entry.kind !== 'handoff' || !sameRef(entry.ref, stored.pingRef) || stored.pingRef === null) return;
  const closed = stored.instance.closedAt !== null;
  const state = pingFingerprint(evaluation, closed);
  if (state === stored.pingState) return;
  const ref = stored.pingRef;
  await persist(() => deps.store.setPing(stored.instance.id, ref, state), deps.pause ?? backoffPause);
  if (!closed) memory.setPing(stored.instance.id, ref, state);
}
