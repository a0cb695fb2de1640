import { setTimeout as sleep } from 'node:timers/promises';
import type { Millis } from '../../domain/time.ts';

/** How to wait between store retries (injected: tests pass one that does not sleep). */
export type Pause = (attempt: number) => Promise<void>;

export const backoffPause: Pause = (attempt) => sleep(Math.min(2_000, 50 * 2 ** attempt) satisfies Millis);

/**
 * Runs a store write that records a message Slack already accepted, retrying a few times: a busy
 * or locked database must not turn a delivered message into one that is sent again.
 */
export async function persist<T>(op: () => Promise<T>, pause: Pause, attempts = 6): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (err) {
      if (attempt + 1 >= attempts) throw err;
      await pause(attempt);
    }
  }
}
