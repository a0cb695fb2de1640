import type { SlaConfig } from '../../config/types.ts';
import type { Touch } from '../../domain/model.ts';
import { DAY, type Instant, MINUTE, type Millis } from '../../domain/time.ts';
import type { Owner } from '../../ports/crm-source.ts';
import type { Store } from '../../ports/store.ts';
import type { Engine } from '../engine.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import type { OpenInstance } from '../memory/open-instance.ts';
import type { OutageTracker } from '../outage-tracker.ts';
import { pingFingerprint, worldFingerprint } from '../shared/fingerprint.ts';
import type { Ingested } from '../shared/ingested.ts';
import { evaluateOpen, needsJudging } from './evaluate-open.ts';
import { type ChunkedJudgement, judgeInChunks } from './judge-in-chunks.ts';
import { COLD_PER_CYCLE, type JudgingState } from './judging-state.ts';

/**
 * How far before the last check new acknowledgements are looked for: an "On it" is stamped by the
 * process that took the click (another replica's clock, a moment before it is stored).
 */
const ACK_LOOKBACK: Millis = 10 * MINUTE;

export interface JudgeDeps {
  readonly store: Pick<
    Store,
    'silences' | 'outages' | 'openInstancesByIds' | 'acknowledgementsSince' | 'acknowledgements' | 'touchesOf'
  >;
  readonly engine: Engine;
  readonly outages: OutageTracker;
  /** How far back stored outages are read for excusing breaches. */
  readonly outageLookback?: Millis;
  /** Instances judged at once (`JUDGE_CHUNK` when absent). */
  readonly judgeChunk?: number;
  /** Settled instances judged per cycle in a changed world (`COLD_PER_CYCLE` when absent). */
  readonly coldPerCycle?: number;
}

/** What judging found, for the commit stage to write and then keep. */
export interface Verdicts {
  /** Instances this poll closes. */
  readonly closing: ReadonlySet<string>;
  /**
   * The open instances judged this poll (hot ones that needed it and new ones), as they stand after
   * its events; one without a policy is among them, not judged. Every other open instance is as
   * memory holds it.
   */
  readonly candidates: readonly OpenInstance[];
  readonly judged: ChunkedJudgement<OpenInstance>;
  /** Judged instances with an acknowledgement. */
  readonly ackedNow: ReadonlySet<string>;
  /** The world judged against (see `worldFingerprint`). */
  readonly world: string;
  /** Settled instances still to be judged in `world`, in the next cycles. */
  readonly coldLeft: readonly string[];
}

/**
 * Judges every open instance with what was just ingested (in chunks, see `judgeInChunks`): only
 * those that may have changed, and every settled one (read back a chunk at a time) when the world
 * changed. Memory is not changed but for settled instances read back and kept whole (`wake`).
 */
export async function judge(
  deps: JudgeDeps,
  memory: InstanceMemory,
  judging: JudgingState,
  owners: readonly Owner[],
  config: SlaConfig,
  got: Ingested,
  now: Instant,
  /** Judge a share of the settled instances left in a changed world (not with a poll's pings). */
  withCold = true,
): Promise<Verdicts> {
  const closing = new Set(got.events.closed.map((c) => c.instanceId));
  // New and changed instances enter memory with shared strings.
  const updated = new Map(got.events.updated.map((i) => [i.id, memory.adoptInstance(i)]));
  const fresh: OpenInstance[] = got.events.opened.map((instance) => ({
    instance: memory.adoptInstance(instance),
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
  const silences = await deps.store.silences(now);
  const outages = [...(await deps.store.outages(now - lookback, now + 1)), ...deps.outages.ongoing(now)];
  const world = worldFingerprint(judging.config, silences, outages, owners);
  const changes = { changedContacts: new Set(incoming.keys()), worldChanged: world !== judging.judgedWorld };
  const gone = (id: string) => closing.has(id) || memory.closedOutside.has(id);
  // A settled instance whose contact has a new touch is read back and judged like the others.
  await memory.wake(deps.store, memory.settled.ofContacts(changes.changedContacts));
  // In a changed world every settled one is judged again, `COLD_PER_CYCLE` a cycle: the rest (still
  // settled: one woken meanwhile was judged whole) wait for the next cycles. One pass, no copies:
  // while a changed world is judged, the queue is most of the open set.
  const { cold, coldLeft } = coldQueue(
    changes.worldChanged ? [...memory.settled.ids()] : judging.coldLeft,
    (id) => memory.settled.has(id) && !gone(id),
    withCold ? (deps.coldPerCycle ?? COLD_PER_CYCLE) : 0,
  );
  // "On it" clicks are rare: only the ones made lately are read to find instances to judge again,
  // then the judged instances' own. The look-back covers the clocks of other processes (Slack).
  const recentlyAcked = new Set(
    (await deps.store.acknowledgementsSince((judging.acksCheckedAt ?? now) - ACK_LOOKBACK)).map(
      (a) => a.instanceId,
    ),
  );
  const context = {
    ...changes,
    now,
    ackChanged: (id: string) => recentlyAcked.has(id) && !memory.acked.has(id),
  };
  // The open instances after this poll's events that need judging (see `needsJudging`): one pass
  // over the hot ones, without an iterator or a list of them all, as it runs for every poll.
  const instances: OpenInstance[] = [];
  memory.hot.forEach((o) => {
    if (gone(o.instance.id)) return;
    const changed = updated.get(o.instance.id);
    const current = changed ? { ...o, instance: changed, fingerprint: null } : o;
    if (needsJudging(current, context)) instances.push(current);
  });
  for (const o of fresh) if (!gone(o.instance.id) && needsJudging(o, context)) instances.push(o);
  const ackedNow = new Set<string>();
  const judged = await judgeInChunks({
    instances,
    cold: {
      ids: cold,
      read: async (ids) => (await deps.store.openInstancesByIds(ids)).map((s) => memory.readBack(s)),
      // Kept whole when it is no longer settled or its ping must be updated.
      keep: (o, j) =>
        !j.evaluation.settled || (o.pingRef !== null && o.pingState !== pingFingerprint(j.evaluation, false)),
    },
    keptTouches: (contactId) => memory.touches.of(contactId),
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
        owners: owners,
        recordedKeys: memory.recordedKeys,
      });
    },
    ...(deps.judgeChunk === undefined ? {} : { chunkSize: deps.judgeChunk }),
  });
  return { closing, candidates: instances, judged, ackedNow, world, coldLeft };
}

/**
 * The settled instances to judge in this pass (`limit` of the queue's ids that `wanted` keeps, in
 * queue order) and those left for the next cycles.
 */
function coldQueue(
  queue: readonly string[],
  wanted: (id: string) => boolean,
  limit: number,
): { cold: string[]; coldLeft: string[] } {
  const cold: string[] = [];
  const coldLeft: string[] = [];
  for (let i = 0; i < queue.length; i += 1) {
    const id = queue[i] as string;
    if (wanted(id)) (cold.length < limit ? cold : coldLeft).push(id);
  }
  return { cold, coldLeft };
}
