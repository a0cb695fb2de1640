import type { SlaConfig } from '../../config/types.ts';
import { messageFacts } from '../../domain/message-truth.ts';
import type { Instant } from '../../domain/time.ts';
import type { Cursors } from '../../ports/crm-source.ts';
import type { CycleWrite, Store } from '../../ports/store.ts';
import { HEARTBEAT_CURSOR } from '../downtime.ts';
import type { WorkerEvents } from '../events.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import type { OpenInstance } from '../memory/open-instance.ts';
import { BACKFILL_CURSOR, type BackfillState, encodeBackfill } from '../shared/backfill-record.ts';
import { pingFingerprint } from '../shared/fingerprint.ts';
import type { Ingested } from '../shared/ingested.ts';
import type { Verdicts } from './judge.ts';
import { JUDGED_WORLD_CURSOR, type JudgingState, WORLD_PARTLY_JUDGED } from './judging-state.ts';

export interface CommitDeps {
  readonly store: Pick<Store, 'commitCycle'>;
  readonly events: WorkerEvents;
}

/** The poll position as commit advances it (see `PollPosition`). */
export interface CommittedPosition {
  cursors: Cursors;
  touchesReadAt: Instant;
  backfill: BackfillState;
}

export interface Judgement {
  readonly recorded: number;
  readonly justClosed: readonly OpenInstance[];
  readonly nextDueAt: Instant | null;
  readonly withoutPolicy: readonly string[];
  /** Settled instances still to be judged in a changed world (the next cycles judge them). */
  readonly judgingLeft: number;
}

/**
 * Writes the new state, the changed evaluations and the newly due notifications in one
 * transaction (with the heartbeat and `extraCursors`: the write-back queue saved with the verdicts
 * that filled it). Memory, the poll position and the judging state follow only after the store
 * accepted the write.
 */
export async function commit(
  deps: CommitDeps,
  memory: InstanceMemory,
  judging: JudgingState,
  position: CommittedPosition,
  config: SlaConfig,
  got: Ingested,
  verdicts: Verdicts,
  extraCursors: Readonly<Record<string, string>>,
  now: Instant,
): Promise<Judgement> {
  const { closing, candidates, judged, ackedNow, world, coldLeft } = verdicts;
  const write: CycleWrite = {
    now,
    // The heartbeat tells the next start how long the worker was away; the write-back queue is
    // saved with the verdicts that filled it.
    cursors: {
      ...got.cursors,
      [HEARTBEAT_CURSOR]: String(now),
      // The world these verdicts were judged in: a restart in the same world skips judging again
      // (and one before the last settled instance is judged in it judges them all).
      [JUDGED_WORLD_CURSOR]: coldLeft.length === 0 ? world : WORLD_PARTLY_JUDGED,
      ...extraCursors,
      // The first-install import's position goes with what it imported.
      ...(got.backfill === undefined ? {} : { [BACKFILL_CURSOR]: encodeBackfill(got.backfill) }),
    },
    newInstances: got.events.opened,
    updatedInstances: got.events.updated.filter((i) => !closing.has(i.id)),
    closed: got.events.closed,
    touches: got.touches,
    evaluations: judged.changed,
    outbox: judged.outbox,
    recheck: recheckOf(got, verdicts),
  };
  await deps.store.commitCycle(write);

  position.cursors = got.cursors;
  if (got.backfill !== undefined) position.backfill = got.backfill;
  // Touches first into the contacts whose touches are kept, then the instances: a contact whose
  // last unsettled instance settled or closed lets its touches go; one that became unsettled
  // keeps what it was just judged with.
  memory.touches.add(got.touches);
  if (got.touchesRead) position.touchesReadAt = now;
  const justClosed: OpenInstance[] = [];
  for (const id of closing) {
    const o = memory.hot.get(id);
    if (o) justClosed.push(o);
    memory.close(id, now);
  }
  memory.pruneClosed(now - 2 * config.poll.overlap);
  for (const k of judged.newKeys) memory.recordedKeys.add(k.key, k.instanceId);
  const kept = judged.kept.map((o) => memory.keepWoken(o));
  const keep = (o: OpenInstance): void => {
    const j = judged.judged.get(o.instance.id);
    memory.put(j ? { ...o, evaluation: j.evaluation, fingerprint: j.fingerprint } : o);
    if (j && ackedNow.has(o.instance.id)) memory.acked.add(o.instance.id);
    else if (j) memory.acked.delete(o.instance.id);
  };
  for (const o of candidates) keep(o);
  for (const o of kept) keep(o);
  for (const [id, verdict] of judged.stillSettled) memory.stillSettled(id, verdict);
  for (const [contactId, touches] of judged.touchesToKeep) memory.touches.hold(contactId, touches);
  for (const id of memory.closedOutside) memory.forget(id, now);
  memory.closedOutside.clear();
  judging.judgedWorld = world;
  judging.coldLeft = coldLeft;
  judging.acksCheckedAt = now;
  // The next moment anything is due: settled instances have nothing due, so the hot ones tell
  // (`forEach`: a pass over every hot instance, each commit, without an iterator).
  let nextDueAt: Instant | null = null;
  memory.hot.forEach((o) => {
    const due = o.evaluation?.nextDueAt ?? null;
    if (due !== null && (nextDueAt === null || due < nextDueAt)) nextDueAt = due;
  });
  deps.events.emit('verdicts', memory.tally());
  return {
    recorded: write.outbox.length,
    justClosed,
    nextDueAt,
    withoutPolicy: judged.withoutPolicy,
    judgingLeft: coldLeft.length,
  };
}

/**
 * The instances whose sent messages may no longer tell the truth (issue 15): closed or handed over by
 * this poll, judged with other facts than their messages show (contacted, attempts, "On it"), or whose
 * ping is not known to show its state. Their messages are checked in the delivery stage; those that
 * already show it cost no request.
 */
function recheckOf(got: Ingested, verdicts: Verdicts): string[] {
  const ids = new Set<string>();
  for (const c of got.events.closed) ids.add(c.instanceId);
  for (const i of got.events.updated) ids.add(i.id);
  for (const { before, after } of verdicts.judged.verdictChanges)
    if (before !== null && messageFacts(before) !== messageFacts(after)) ids.add(after.instanceId);
  const pingOutdated = (o: OpenInstance): void => {
    const j = verdicts.judged.judged.get(o.instance.id);
    if (j && o.pingRef !== null && o.pingState !== pingFingerprint(j.evaluation, false))
      ids.add(o.instance.id);
  };
  for (const o of verdicts.candidates) pingOutdated(o);
  for (const o of verdicts.judged.kept) pingOutdated(o);
  return [...ids];
}
