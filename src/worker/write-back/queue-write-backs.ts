import type { SlaConfig } from '../../config/types.ts';
import type { Instant } from '../../domain/time.ts';
import type { LeadWriter } from '../../ports/lead-writer.ts';
import type { NewOutboxEntry, Store } from '../../ports/store.ts';
import { firstTimeBreaches, planWriteBacks, type WriteBackPlanInput } from './plan-write-backs.ts';
import { serializeQueue, WRITE_BACK_CURSOR, type WriteBackQueue, withItems } from './write-back-queue.ts';
import type { WriteBackState } from './write-back-state.ts';

export interface QueueWriteBacksDeps {
  readonly store: Pick<Store, 'outboxEntry'>;
  /** HubSpot write-back; when absent (dry run) nothing is queued for it. */
  readonly leadWriter?: LeadWriter | null;
}

/** The write-back queue with a cycle's verdicts in, to be saved with them and kept once they are. */
export interface QueuedWriteBacks {
  readonly queue: WriteBackQueue;
  readonly serialized: string;
  /** The cursor to write with the cycle (nothing when the store already holds this queue). */
  readonly cursors: Readonly<Record<string, string>>;
}

/** Queues the HubSpot write-backs a cycle's verdicts call for (changed outcomes, first-time breaches). */
export async function queueWriteBacks(
  deps: QueueWriteBacksDeps,
  state: Readonly<WriteBackState>,
  config: SlaConfig,
  judged: {
    readonly verdictChanges: WriteBackPlanInput['verdicts'];
    readonly outbox: readonly NewOutboxEntry[];
  },
  now: Instant,
): Promise<QueuedWriteBacks> {
  const settings = config.hubspot.writeBack;
  const queue = withItems(
    state.queue,
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
  const serialized = serializeQueue(queue);
  return {
    queue,
    serialized,
    cursors: serialized === state.saved ? {} : { [WRITE_BACK_CURSOR]: serialized },
  };
}

/** The queue saved with the cycle's write: kept as the state. */
export function keepWriteBacks(state: WriteBackState, queued: QueuedWriteBacks): void {
  state.queue = queued.queue;
  state.saved = queued.serialized;
}
