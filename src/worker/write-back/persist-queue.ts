import type { Instant } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { Store } from '../../ports/store.ts';
import { describeError } from '../errors.ts';
import { serializeQueue, WRITE_BACK_CURSOR } from './write-back-queue.ts';
import type { WriteBackState } from './write-back-state.ts';

/**
 * Saves the write-back queue when it differs from what the store holds. A failed save is logged and
 * left to the next cycle's commit, which carries the queue whenever it is unsaved.
 */
export async function persistQueue(
  deps: { readonly store: Pick<Store, 'commitCycle'>; readonly logger: Logger },
  state: WriteBackState,
  now: Instant,
): Promise<void> {
  const value = serializeQueue(state.queue);
  if (value === state.saved) return;
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
    state.saved = value;
  } catch (err) {
    deps.logger.error(
      { err: describeError(err) },
      'could not save the hubspot write-back queue; next cycle retries',
    );
  }
}
