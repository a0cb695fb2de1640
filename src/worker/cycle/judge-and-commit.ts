import type { SlaConfig } from '../../config/types.ts';
import type { Touch } from '../../domain/model.ts';
import { DAY, type Instant, MINUTE, type Millis } from '../../domain/time.ts';
import type { LeadWriter } from '../../ports/lead-writer.ts';
import type { CycleWrite, Store } from '../../ports/store.ts';
import { HEARTBEAT_CURSOR } from '../downtime.ts';
import type { Engine } from '../engine.ts';
import type { WorkerEvents } from '../events.ts';
import type { OutageTracker } from '../outage-tracker.ts';
import type { OpenInstance, WorkerState } from '../worker-state.ts';
import { firstTimeBreaches, planWriteBacks } from '../write-back/plan-write-backs.ts';
import { serializeQueue, WRITE_BACK_CURSOR, withItems } from '../write-back/write-back-queue.ts';
import { evaluateOpen, mayNeedJudging, needsJudging } from './evaluate-open.ts';
import { pingFingerprint, worldFingerprint } from './fingerprint.ts';
import type { Ingested } from './ingest.ts';
import { judgeInChunks } from './judge-in-chunks.ts';

/**
 * How far before the last check new acknowledgements are looked for: an "On it" is stamped by the
 * process that took the click (another replica's clock, a moment before it is stored).
 */
const ACK_LOOKBACK: Millis = 10 * MINUTE;

export interface JudgeDeps {
  readonly store: Store;
  readonly engine: Engine;
  readonly events: WorkerEvents;
  readonly outages: OutageTracker;
  /** How far back stored outages are read for excusing breaches. */
  readonly outageLookback?: Millis;
  /** HubSpot write-back; when absent (dry run) nothing is queued for it. */
  readonly leadWriter?: LeadWriter | null;
  /** Instances judged at once (`JUDGE_CHUNK` when absent). */
  readonly judgeChunk?: number;
}

export interface Judgement {
  readonly recorded: number;
  readonly justClosed: readonly OpenInstance[];
  readonly nextDueAt: Instant | null;
  readonly withoutPolicy: readonly string[];
}

/**
 * Judges every open instance with what was just ingested (in chunks, see `judgeInChunks`), and
 * writes the new state, the changed evaluations and the newly due notifications in one
 * transaction. Memory follows only after the store accepted the write.
 */
export async function judgeAndCommit(
  deps: JudgeDeps,
  state: WorkerState,
  config: SlaConfig,
  got: Ingested,
  now: Instant,
): Promise<Judgement> {
  const closing = new Set(got.events.closed.map((c) => c.instanceId));
  // New and changed instances enter memory with shared strings.
  const updated = new Map(got.events.updated.map((i) => [i.id, state.adoptInstance(i)]));
  const fresh: OpenInstance[] = got.events.opened.map((instance) => ({
    instance: state.adoptInstance(instance),
    evaluation: null,
    fingerprint: null,
    pingRef: null,
    pingState: null,
  }));
  const incoming = new Map<string, Touch[]>();
  for (const t of got.touches) {
    const list = incoming.get(t.contactId);
    if (list) list.push(t);
    else incoming.set(t.contactId, [t]);
  }
  const lookback = deps.outageLookback ?? 30 * DAY;
  const configVersion = state.configVersion;
  const silences = await deps.store.silences(now);
  const outages = [...(await deps.store.outages(now - lookback, now + 1)), ...deps.outages.ongoing(now)];
  const world = worldFingerprint(configVersion, silences, outages, state.owners);
  const changes = { changedContacts: new Set(incoming.keys()), worldChanged: world !== state.judgedWorld };
  const gone = (id: string) => closing.has(id) || state.closedOutside.has(id);
  // A settled instance whose contact has a new touch is read back and judged like the others; in a
  // changed world every settled one is judged again, read back a chunk at a time (`cold`).
  await state.wake(deps.store, state.settled.ofContacts(changes.changedContacts));
  const cold = changes.worldChanged
    ? [...state.settled.values()].flatMap((s) => (gone(s.id) ? [] : [s.id]))
    : [];
  // The open instances after this poll's events; only those that may have changed are looked at.
  const candidates: OpenInstance[] = [];
  for (const o of state.hot.values()) {
    if (gone(o.instance.id)) continue;
    const changed = updated.get(o.instance.id);
    const current = changed ? { ...o, instance: changed, fingerprint: null } : o;
    if (mayNeedJudging(current, changes)) candidates.push(current);
  }
  for (const o of fresh) if (!gone(o.instance.id)) candidates.push(o);
  // "On it" clicks are rare: only the ones made lately are read to find instances to judge again,
  // then the judged instances' own. The look-back covers the clocks of other processes (Slack).
  const recentlyAcked = new Set(
    (await deps.store.acknowledgementsSince((state.acksCheckedAt ?? now) - ACK_LOOKBACK)).map(
      (a) => a.instanceId,
    ),
  );
  const context = {
    ...changes,
    now,
    ackChanged: (id: string) => recentlyAcked.has(id) && !state.acked.has(id),
  };
  const instances = candidates.filter((o) => needsJudging(o, context));
  const ackedNow = new Set<string>();
  const judged = await judgeInChunks({
    instances,
    cold: {
      ids: cold,
      read: async (ids) => (await deps.store.openInstancesByIds(ids)).map((s) => state.readBack(s)),
      // Kept whole when it is no longer settled or its ping must be updated.
      keep: (o, j) =>
        !j.evaluation.settled || (o.pingRef !== null && o.pingState !== pingFingerprint(j.evaluation, false)),
    },
    keptTouches: (contactId) => state.touches.of(contactId),
    readTouches: (contactIds) => deps.store.touchesOf(contactIds),
    incoming,
    judge: async (chunk, touchesOf) => {
      const acknowledgements =
        chunk.length > 0 ? await deps.store.acknowledgements(chunk.map((o) => o.instance.id)) : [];
      for (const a of acknowledgements) ackedNow.add(a.instanceId);
      return evaluateOpen({
        config,
        engine: deps.engine,
        now,
        instances: chunk,
        touchesOf,
        acknowledgements,
        silences,
        outages,
        owners: state.owners,
        recordedKeys: state.recordedKeys,
      });
    },
    ...(deps.judgeChunk === undefined ? {} : { chunkSize: deps.judgeChunk }),
  });
  const settings = config.hubspot.writeBack;
  const writeBacks = withItems(
    state.writeBacks,
    deps.leadWriter
      ? planWriteBacks({
          settings,
          verdicts: judged.verdictChanges,
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
    evaluations: judged.changed,
    outbox: judged.outbox,
  };
  await deps.store.commitCycle(write);

  state.cursors = got.cursors;
  state.writeBacks = writeBacks;
  state.savedWriteBacks = queue;
  // Touches first into the contacts whose touches are kept, then the instances: a contact whose
  // last unsettled instance settled or closed lets its touches go; one that became unsettled
  // keeps what it was just judged with.
  state.touches.add(got.touches);
  if (got.touchesRead) state.touchesReadAt = now;
  const justClosed: OpenInstance[] = [];
  for (const id of closing) {
    const o = state.hot.get(id);
    if (o) justClosed.push(o);
    state.close(id, now);
  }
  state.pruneClosed(now - 2 * config.poll.overlap);
  for (const k of judged.newKeys) state.recordedKeys.add(k.key, k.instanceId);
  for (const o of judged.kept) state.keepWoken(o);
  for (const o of [...candidates, ...judged.kept]) {
    const j = judged.judged.get(o.instance.id);
    state.put(j ? { ...o, evaluation: j.evaluation, fingerprint: j.fingerprint } : o);
    if (j && ackedNow.has(o.instance.id)) state.acked.add(o.instance.id);
    else if (j) state.acked.delete(o.instance.id);
  }
  for (const [id, verdict] of judged.stillSettled) state.stillSettled(id, verdict);
  for (const [contactId, touches] of judged.touchesToKeep) state.touches.hold(contactId, touches);
  for (const id of state.closedOutside) state.forget(id, now);
  state.closedOutside.clear();
  state.judgedWorld = world;
  state.acksCheckedAt = now;
  // The next moment anything is due: settled instances have nothing due, so the hot ones tell.
  let nextDueAt: Instant | null = null;
  for (const o of state.hot.values()) {
    const due = o.evaluation?.nextDueAt ?? null;
    if (due !== null && (nextDueAt === null || due < nextDueAt)) nextDueAt = due;
  }
  state.evaluatedConfigVersion = configVersion;
  deps.events.emit('verdicts', state.tally());
  return { recorded: write.outbox.length, justClosed, nextDueAt, withoutPolicy: judged.withoutPolicy };
}
