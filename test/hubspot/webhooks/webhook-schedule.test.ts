import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../src/clock/clock.ts';
import { SECOND } from '../../../src/domain/time.ts';
import { WorkerEvents } from '../../../src/worker/events.ts';
import { Scheduler } from '../../../src/worker/scheduler.ts';
import { captureLogger } from '../../fakes/logger.ts';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const fakeSystemClock: Clock = { now: () => Date.now() };

function setup(runTakes = 0) {
  const starts: { at: number; reason: string }[] = [];
  const scheduler = new Scheduler({
    clock: fakeSystemClock,
    every: () => 30 * SECOND,
    events: new WorkerEvents(),
    logger: captureLogger().logger,
    run: async (reason) => {
      starts.push({ at: (Date.now() - T0) / SECOND, reason });
      if (runTakes > 0) await new Promise((r) => setTimeout(r, runTakes));
      return { nextDueAt: null, more: false };
    },
  });
  return { scheduler, starts };
}

/** Webhook cycles are extra runs: they happen at once but never move or swallow a poll. */
describe('webhook cycles and the poll schedule', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a webhook cycle at once and still polls on the interval', async () => {
    const s = setup();
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    s.scheduler.extra('webhook');
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    s.scheduler.extra('webhook');
    await vi.advanceTimersByTimeAsync(45 * SECOND);
    await s.scheduler.stop();
    expect(s.starts).toEqual([
      { at: 0, reason: 'start' },
      { at: 10, reason: 'webhook' },
      { at: 20, reason: 'webhook' },
      { at: 30, reason: 'poll' },
      { at: 60, reason: 'poll' },
    ]);
  });

  it('runs a webhook that arrives during a cycle right after it, and never in place of a waiting poll', async () => {
    const s = setup(5 * SECOND);
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(27 * SECOND);
    s.scheduler.extra('webhook'); // idle: runs 27–32, the poll at 30 waits behind it
    await vi.advanceTimersByTimeAsync(4 * SECOND);
    s.scheduler.extra('webhook'); // a poll is waiting: this one is folded away (the worker asks again)
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    s.scheduler.extra('webhook'); // idle again
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    const stopped = s.scheduler.stop();
    await vi.advanceTimersByTimeAsync(5 * SECOND);
    await stopped;
    expect(s.starts).toEqual([
      { at: 0, reason: 'start' },
      { at: 27, reason: 'webhook' },
      { at: 32, reason: 'poll' },
      { at: 41, reason: 'webhook' },
    ]);
  });
});
