import type { SlaConfig } from '../../config/types.ts';
import type { DueNotification, Evaluation } from '../../domain/evaluation.ts';
import type { Instant } from '../../domain/time.ts';
import type { NewOutboxEntry, Store } from '../../ports/store.ts';
import { asNotification } from '../shared/payload.ts';
import { outcomeFingerprint } from './outcome-fingerprint.ts';
import { breachTaskKey, outcomeKey, retractTaskKey, type WriteBackItem } from './write-back-queue.ts';

export interface WriteBackPlanInput {
  readonly settings: SlaConfig['hubspot']['writeBack'];
  /** Each judged instance's evaluation before and after this cycle (`null` before its first). */
  readonly verdicts: readonly { readonly before: Evaluation | null; readonly after: Evaluation }[];
  /** Breach notifications recorded for the first time ever (see `firstTimeBreaches`). */
  readonly newBreaches: readonly DueNotification[];
  readonly now: Instant;
}

const item = (key: string, kind: WriteBackItem['kind'], instanceId: string, now: Instant): WriteBackItem => ({
  key,
  kind,
  instanceId,
  attempts: 0,
  nextAt: now,
  lastError: null,
});

/**
 * A breach retracted: judged breached before, met now (a touch logged late with an earlier time
 * proved the deadline was met). Only a met verdict is final, so this happens once per instance.
 */
export const breachRetracted = (before: Evaluation | null, after: Evaluation): boolean =>
  before?.firstContact.state === 'breached' && after.firstContact.state === 'met';

/**
 * What to write back to HubSpot after a cycle: the outcome of every instance whose verdict changed
 * (not every cycle), one call task per new breach, and the completion of that task when the breach
 * is retracted. Nothing when write-back is off.
 */
export function planWriteBacks(input: WriteBackPlanInput): WriteBackItem[] {
  if (!input.settings.enabled) return [];
  const out: WriteBackItem[] = [];
  for (const { before, after } of input.verdicts) {
    const changed = before === null || outcomeFingerprint(before) !== outcomeFingerprint(after);
    if (changed) out.push(item(outcomeKey(after.instanceId), 'outcome', after.instanceId, input.now));
    if (input.settings.createTaskOnBreach && breachRetracted(before, after))
      out.push(item(retractTaskKey(after.instanceId), 'retract_task', after.instanceId, input.now));
  }
  if (input.settings.createTaskOnBreach)
    for (const n of input.newBreaches)
      out.push(item(breachTaskKey(n.key), 'breach_task', n.instanceId, input.now));
  return out;
}

/**
 * Breach notifications among the rows about to be recorded that the store has never seen. After a
 * restart the worker records every due notification again (the outbox ignores known keys), so the
 * store, not memory, tells a new breach from one whose task was already queued.
 */
export async function firstTimeBreaches(
  store: Pick<Store, 'outboxEntry'>,
  outbox: readonly NewOutboxEntry[],
): Promise<DueNotification[]> {
  const byKey = new Map<string, { notification: DueNotification; rowKey: string }>();
  for (const row of outbox) {
    if (row.kind !== 'breach') continue;
    const n = asNotification(row.payload);
    if (n !== null && !byKey.has(n.key)) byKey.set(n.key, { notification: n, rowKey: row.key });
  }
  const fresh: DueNotification[] = [];
  for (const { notification, rowKey } of byKey.values())
    if ((await store.outboxEntry(rowKey)) === null) fresh.push(notification);
  return fresh;
}
