import type { Logger } from '../log/logger.ts';
import type { Store } from '../ports/store.ts';
import { HomeState } from './delivery/home-state.ts';
import { HEARTBEAT_CURSOR, heartbeatOf } from './downtime.ts';
import { JUDGED_WORLD_CURSOR, JudgingState } from './judge/judging-state.ts';
import { InstanceMemory, LOAD_PAGE } from './memory/instance-memory.ts';
import { PollPosition } from './poll/poll-position.ts';
import { BACKFILL_CURSOR, loadedBackfill } from './shared/backfill-record.ts';
import { WRITE_BACK_CURSOR } from './write-back/write-back-queue.ts';
import { WriteBackState } from './write-back/write-back-state.ts';

/**
 * What the worker keeps between cycles, one piece per stage that owns it (see `runCycle`): no
 * stage sees the whole. Loaded from the store at start and whenever this replica becomes leader;
 * each piece changes only after the store accepted a cycle's write, so a failed cycle leaves it
 * as it was.
 */
export class WorkerState {
  /** The poll stage's: cursors, heartbeat, owners, touches known up to when. */
  readonly poll: PollPosition;
  /** The open SLA instances (ADR 0007), shared by every stage that reads or changes them. */
  readonly memory: InstanceMemory;
  /** The judge stage's: the world and config last judged against, acknowledgements checked. */
  readonly judging: JudgingState;
  /** The App Home stage's: Home tabs out of date, when each was published. */
  readonly homes: HomeState;
  /** The write-back stage's: HubSpot write-backs still to do. */
  readonly writeBack: WriteBackState;

  constructor(
    pieces: {
      readonly poll?: PollPosition;
      readonly memory?: InstanceMemory;
      readonly writeBack?: WriteBackState;
    } = {},
  ) {
    this.poll = pieces.poll ?? new PollPosition();
    this.memory = pieces.memory ?? new InstanceMemory();
    this.judging = new JudgingState();
    this.homes = new HomeState();
    this.writeBack = pieces.writeBack ?? new WriteBackState();
  }

  static async load(store: Store, logger?: Logger, pageSize = LOAD_PAGE): Promise<WorkerState> {
    const all = await store.cursors();
    const {
      [HEARTBEAT_CURSOR]: _heartbeat,
      [WRITE_BACK_CURSOR]: queue,
      [BACKFILL_CURSOR]: backfill,
      [JUDGED_WORLD_CURSOR]: judgedWorld,
      ...crm
    } = all;
    const poll = new PollPosition();
    poll.cursors = crm;
    poll.heartbeat = heartbeatOf(all);
    const writeBack = WriteBackState.of(queue, logger);
    const memory = await InstanceMemory.load(store, pageSize);
    poll.backfill = loadedBackfill(backfill, crm, memory.hot.size + memory.settled.size, logger);
    const state = new WorkerState({ poll, writeBack, memory });
    state.judging.judgedWorld = judgedWorld ?? null;
    return state;
  }
}
