import type { SlaConfig } from '../../config/types.ts';
import type { Touch } from '../../domain/model.ts';
import { DAY, type Instant, type Millis } from '../../domain/time.ts';
import type { LeadWriter } from '../../ports/lead-writer.ts';
import type { CycleWrite, Store } from '../../ports/store.ts';
import { HEARTBEAT_CURSOR } from '../downtime.ts';
import type { Engine } from '../engine.ts';
import type { WorkerEvents } from '../events.ts';
import type { OutageTracker } from '../outage-tracker.ts';
import type { OpenInstance, WorkerState } from '../worker-state.ts';
import { firstTimeBreaches, planWriteBacks } from '../write-back/plan-write-backs.ts';
import { serializeQueue, WRITE_BACK_CURSOR, withItems } from '../write-back/write-back-queue.ts';
import { evaluateOpen, needsJudging } from './evaluate-open.ts';
import type { Ingested } from './ingest.ts';

export interface JudgeDeps {
  readonly store: Store;
  readonly engine: Engine;
  readonly events: WorkerEvents;
  readonly outages: OutageTracker;
  /** How far back stored outages are read for excusing breaches. */
  readonly outageLookback?: Millis;
  /** HubSpot write-back; when absent (dry run) nothing is queued for it. */
  readonly leadWriter?: LeadWriter | null;
}

export interface Judgement {
  readonly recorded: number;
  readonly justClosed: readonly OpenInstance[];
  readonly nextDueAt: Instant | null;
  readonly withoutPolicy: readonly string[];
}

/**
 * Judges every open instance with what was just ingested, and writes the new state, the changed
 * evaluations and the newly due notifications in one transaction. Memory follows only after the
 * store accepted the write.
 */
export async function judgeAndCommit(
  deps: JudgeDeps,
  state: WorkerState,
  config: SlaConfig,
  got: Ingested,
  now: Instant,
): Promise<Judgement> {
  const closing = new Set(got.events.closed.map((c) => c.instanceId));
  const updated = new Map(got.events.updated.map((i) => [i.id, i]));
  const fresh: OpenInstance[] = got.events.opened.map((instance) => ({
    instance,
    evaluation: null,
    fingerprint: null,
    pingRef: null,
    pingState: null,
  }));
  const instances: OpenInstance[] = [
    ...[...state.open.values()].map((o) => {
      const changed = updated.get(o.instance.id);
      return changed ? { ...o, instance: changed, fingerprint: null } : o;
    }),
    ...fresh,
  ].filter((o) => !closing.has(o.instance.id) && !state.closedOutside.has(o.instance.id));

  const incoming = new Map<string, Touch[]>();
  for (const t of got.touches) incoming.set(t.contactId, [...(incoming.get(t.contactId) ?? []), t]);
  const touchesOf = (contactId: string): readonly Touch[] => {
    const byId = new Map(state.touchesOf(contactId).map((t) => [t.id, t]));
    for (const t of incoming.get(contactId) ?? []) byId.set(t.id, t);
    return [...byId.values()];
  };
  const changedContacts = new Set(incoming.keys());
  const configChanged = state.evaluatedConfigVersion !== state.configVersion;
  // Acknowledgements matter only to the instances judged this cycle (settled ones are left alone).
  const ids = instances
    .filter((o) => needsJudging(o, changedContacts, configChanged))
    .map((o) => o.instance.id);
  const lookback = deps.outageLookback ?? 30 * DAY;
  const configVersion = state.configVersion;
  const judged = evaluateOpen({
    config,
    engine: deps.engine,
    now,
    instances,
    touchesOf,
    changedContacts,
    configChanged,
    acknowledgements: ids.length > 0 ? await deps.store.acknowledgements(ids) : [],
    silences: await deps.store.silences(now),
    outages: [...(await deps.store.outages(now - lookback, now + 1)), ...deps.outages.ongoing(now)],
    owners: state.owners,
    recordedKeys: state.recordedKeys,
  });
  const settings = config.hubspot.writeBack;
  const writeBacks = withItems(
    state.writeBacks,
    deps.leadWriter
      ? planWriteBacks({
          settings,
          verdicts: instances.flatMap((o) => {
            const j = judged.judged.get(o.instance.id);
            return j?.changed ? [{ before: o.evaluation, after: j.evaluation }] : [];
          }),
          newBreaches:
            settings.enabled && settings.createTaskOnBreach
              ? await firstTimeBreaches(deps.store, judged.outbox)
              : [],
          now,
        })
      : [],
  );
  const queue = serializeQueue(writeBacks);
  const write: CycleWrite = {
    now,
    // The heartbeat tells the next start how long the worker was away; the write-back queue is
    // saved with the verdicts that filled it.
    cursors: {
      ...got.cursors,
      [HEARTBEAT_CURSOR]: String(now),
      ...(queue === state.savedWriteBacks ? {} : { [WRITE_BACK_CURSOR]: queue }),
    },
    newInstances: got.events.opened,
    updatedInstances: got.events.updated.filter((i) => !closing.has(i.id)),
    closed: got.events.closed,
    touches: got.touches,
    evaluations: [...judged.judged.values()].filter((j) => j.changed).map((j) => j.evaluation),
    outbox: judged.outbox,
  };
  await deps.store.commitCycle(write);

  state.cursors = got.cursors;
  state.writeBacks = writeBacks;
  state.savedWriteBacks = queue;
  state.addTouches(got.touches);
  if (got.touchesRead) state.touchesReadAt = now;
  const justClosed: OpenInstance[] = [];
  for (const id of closing) {
    const o = state.open.get(id);
    if (o) justClosed.push(o);
    state.close(id, now);
  }
  state.pruneClosed(now - 2 * config.poll.overlap);
  let nextDueAt: Instant | null = null;
  for (const o of instances) {
    const j = judged.judged.get(o.instance.id);
    const same = !j || (j.evaluation === o.evaluation && j.fingerprint === o.fingerprint);
    state.open.set(o.instance.id, same ? o : { ...o, evaluation: j.evaluation, fingerprint: j.fingerprint });
    const due = j?.evaluation.nextDueAt ?? null;
    if (due !== null && (nextDueAt === null || due < nextDueAt)) nextDueAt = due;
  }
  for (const id of state.closedOutside) state.forget(id, now);
  state.closedOutside.clear();
  for (const k of judged.newKeys) state.recordedKeys.add(k);
  state.evaluatedConfigVersion = configVersion;
  deps.events.emit('verdicts', judged.tally);
  return { recorded: write.outbox.length, justClosed, nextDueAt, withoutPolicy: judged.withoutPolicy };
}
