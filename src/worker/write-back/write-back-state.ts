import type { Logger } from '../../log/logger.ts';
import { EMPTY_QUEUE, parseQueue, serializeQueue, type WriteBackQueue } from './write-back-queue.ts';

/** The write-back stage's memory: HubSpot write-backs still to do, and the queue as the store last saved it. */
export class WriteBackState {
  queue: WriteBackQueue = EMPTY_QUEUE;
  saved = serializeQueue(EMPTY_QUEUE);

  /** The queue as stored under `WRITE_BACK_CURSOR`; an unreadable one is logged and starts empty. */
  static of(stored: string | undefined, logger?: Logger): WriteBackState {
    const state = new WriteBackState();
    const parsed = parseQueue(stored);
    if (!parsed.ok)
      logger?.error(
        { problem: parsed.problem },
        'stored hubspot write-back queue unreadable; starting empty',
      );
    state.queue = parsed.queue;
    state.saved = stored ?? serializeQueue(EMPTY_QUEUE);
    return state;
  }
}
