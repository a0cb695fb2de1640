import type { Instant } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { Store } from '../../ports/store.ts';
import { describeError } from '../errors.ts';
import type { WorkerState } from '../worker-state.ts';
import { serializeQueue, WRITE_BACK_CURSOR } from './write-back-queue.ts';

/**
 * Saves the write-back queue when it differs from what the store holds. A failed save is logged and
 * left to the next cycle's commit, which carries the queue whenever it is unsaved.
 */
export async function persistQueue(
  deps: { readonly store: Pick<Store, 'commitCycle'>; readonly logger: Logger },
  state: WorkerState,
  now: Instant,
): Promise<void> {
  const value = serializeQueue(state.writeBacks);
  if (value === state.savedWriteBacks) return;
  try {
    await deps.store.commitCycle({
      now,
      cursors: { [WRITE_BACK_CURSOR]: value },
      newInstances: [],
      updatedInstances: [],
      closed: [],
      touches: [],
      evaluations: [],
      outbox: [],
    });
    state.savedWriteBacks = value;
  } catch (err) {
    deps.logger.error(
      { err: describeError(err) },
      'could not save the hubspot write-back queue; next cycle retries',
    );
  }
}
