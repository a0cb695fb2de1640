import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../src/clock/clock.ts';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { WorkerEvents } from '../../src/worker/events.ts';
import { type RunResult, Scheduler } from '../../src/worker/scheduler.ts';
import { cronFor, type Ticker } from '../../src/worker/ticker.ts';
import { captureLogger } from '../fakes/logger.ts';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
/** The clock the scheduler is given reads the (faked) system time, so timers and clock agree. */
const fakeSystemClock: Clock = { now: () => Date.now() };

function setup(
  options: {
    every?: number | (() => number);
    result?: (n: number) => RunResult;
    runTakes?: number | ((n: number) => number);
    moreDelay?: number;
    ticker?: Ticker;
  } = {},
) {
  const starts: { at: number; reason: string }[] = [];
  let active = 0;
  let maxActive = 0;
  const events = new WorkerEvents();
  const every = options.every ?? 30 * SECOND;
  const scheduler = new Scheduler({
    clock: fakeSystemClock,
    every: typeof every === 'function' ? every : () => every,
    events,
    logger: captureLogger().logger,
    ...(options.moreDelay === undefined ? {} : { moreDelay: options.moreDelay }),
    ...(options.ticker ? { ticker: options.ticker } : {}),
    run: async (reason) => {
      starts.push({ at: Date.now(), reason });
      active += 1;
      maxActive = Math.max(maxActive, active);
      const takes =
        typeof options.runTakes === 'function' ? options.runTakes(starts.length) : options.runTakes;
      if (takes) await new Promise((r) => setTimeout(r, takes));
      active -= 1;
      return options.result?.(starts.length) ?? { nextDueAt: null, more: false };
    },
  });
  return { scheduler, starts, events, maxActive: () => maxActive };
}

describe('scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at start and then once per poll interval', async () => {
    const s = setup({ every: 30 * SECOND });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(95 * SECOND);
    await s.scheduler.stop();
    expect(s.starts.map((x) => (x.at - T0) / SECOND)).toEqual([0, 30, 60, 90]);
  });

  it('keeps the interval when the start falls between cron ticks (7 s: every 7 s, not 8)', async () => {
    vi.setSystemTime(T0 + 300); // started 0.3 s after a whole second; node-cron ticks on whole seconds
    const s = setup({ every: 7 * SECOND });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(70 * SECOND);
    await s.scheduler.stop();
    const gaps = s.starts.slice(1).map((x, i) => x.at - (s.starts[i]?.at ?? 0));
    expect(gaps.length).toBe(10);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(6_500);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(7 * SECOND);
  });

  it('never runs two cycles at once: a slow cycle delays the next poll instead of overlapping it', async () => {
    const s = setup({ every: 5 * SECOND, runTakes: 12 * SECOND });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    const stopped = s.scheduler.stop();
    await vi.advanceTimersByTimeAsync(12 * SECOND);
    await stopped;
    expect(s.maxActive()).toBe(1);
    expect(s.starts.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < s.starts.length; i++)
      expect((s.starts[i]?.at ?? 0) - (s.starts[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(12 * SECOND);
  });

  it('wakes at the next due moment, between polls', async () => {
    const s = setup({
      every: MINUTE,
      result: (n) => ({ nextDueAt: n === 1 ? T0 + 17 * SECOND : null, more: false }),
    });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(20 * SECOND);
    await s.scheduler.stop();
    expect(s.starts).toEqual([
      { at: T0, reason: 'start' },
      { at: T0 + 17 * SECOND, reason: 'due' },
    ]);
  });

  it('re-arms a timer that fires before its moment (clock set back) and runs at the moment itself', async () => {
    const s = setup({
      every: 10 * MINUTE,
      result: (n) => ({ nextDueAt: n === 1 ? T0 + 20 * SECOND : null, more: false }),
    });
    const premature: number[] = [];
    s.events.on('timer:premature', (e) => premature.push(e.now));
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(5 * SECOND);
    vi.setSystemTime(T0); // the wall clock jumps back 5 s: the armed timer will fire 5 s early
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    expect(premature).toHaveLength(1);
    expect(s.starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5 * SECOND);
    await s.scheduler.stop();
    expect(s.starts.map((x) => x.reason)).toEqual(['start', 'due']);
    expect(s.starts[1]?.at).toBe(T0 + 20 * SECOND);
  });

  it('polls within seconds when the clock jumps forward past the interval (suspend/resume)', async () => {
    const s = setup({ every: 10 * MINUTE });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(1 * SECOND);
    vi.setSystemTime(T0 + 3 * 60 * MINUTE); // machine slept three hours
    await vi.advanceTimersByTimeAsync(5 * SECOND);
    await s.scheduler.stop();
    expect(s.starts.map((x) => x.reason)).toEqual(['start', 'poll']);
    expect(s.starts[1]?.at).toBeGreaterThanOrEqual(T0 + 3 * 60 * MINUTE);
  });

  it('keeps polling after the clock jumps backwards', async () => {
    const s = setup({ every: 30 * SECOND });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(1 * SECOND);
    vi.setSystemTime(T0 - 60 * MINUTE);
    await vi.advanceTimersByTimeAsync(65 * SECOND);
    await s.scheduler.stop();
    expect(s.starts.length).toBeGreaterThanOrEqual(3);
  });

  it('runs again soon while work is waiting, and stops cleanly after the cycle under way', async () => {
    const s = setup({
      every: 10 * MINUTE,
      runTakes: 2 * SECOND,
      result: (n) => ({ nextDueAt: null, more: n < 3 }),
    });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    expect(s.starts.map((x) => x.reason)).toEqual(['start', 'more', 'more']);
    s.scheduler.trigger('manual');
    const stopped = s.scheduler.stop();
    await vi.advanceTimersByTimeAsync(2 * SECOND);
    await stopped;
    expect(s.scheduler.running).toBe(false);
    await vi.advanceTimersByTimeAsync(20 * MINUTE);
    expect(s.starts).toHaveLength(4);
  });
});

/** Seconds after T0 at which each cycle started. */
const startSeconds = (starts: readonly { at: number }[]) => starts.map((x) => (x.at - T0) / SECOND);
const gapsOf = (starts: readonly { at: number }[]) =>
  starts.slice(1).map((x, i) => x.at - (starts[i]?.at ?? 0));

/**
 * node-cron ticks only on multiples of a step that divides the minute (a 2 s poll: every even
 * second); a poll that started between two ticks must still come one interval later, not at the
 * next tick that is far enough from it.
 */
describe('scheduler: the poll comes one interval after the last start, whatever the cron phase', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([1, 100, 300, 500, 900, 1_999])(
    '2 s poll started %i ms after a cron tick: every 2 s',
    async (phase) => {
      vi.setSystemTime(T0 + phase);
      const s = setup({ every: 2 * SECOND });
      s.scheduler.start();
      await vi.advanceTimersByTimeAsync(20 * SECOND + 1);
      await s.scheduler.stop();
      expect(s.starts).toHaveLength(11);
      expect(gapsOf(s.starts)).toEqual(Array(10).fill(2 * SECOND));
      expect(s.maxActive()).toBe(1);
    },
  );

  it('polls 2 s after a follow-up run that started off the cron phase (10.9 s → 12.9 s, not 14.0 s)', async () => {
    const s = setup({
      every: 2 * SECOND,
      moreDelay: 900,
      result: (n) => ({ nextDueAt: null, more: n === 6 }),
    });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(15 * SECOND);
    await s.scheduler.stop();
    expect(startSeconds(s.starts)).toEqual([0, 2, 4, 6, 8, 10, 10.9, 12.9, 14.9]);
    expect(s.starts.slice(6).map((x) => x.reason)).toEqual(['more', 'poll', 'poll']);
  });

  it('polls 2 s after a due run that started off the cron phase', async () => {
    const s = setup({
      every: 2 * SECOND,
      result: (n) => ({ nextDueAt: n === 4 ? T0 + 7_500 : null, more: false }),
    });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(12 * SECOND);
    await s.scheduler.stop();
    expect(startSeconds(s.starts)).toEqual([0, 2, 4, 6, 7.5, 9.5, 11.5]);
    expect(s.starts[4]?.reason).toBe('due');
  });

  it('starts the next cycle right after one longer than the interval, and the one after an interval later', async () => {
    const s = setup({ every: 2 * SECOND, runTakes: (n) => (n === 1 ? 2_900 : 0) });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(7 * SECOND);
    await s.scheduler.stop();
    expect(startSeconds(s.starts)).toEqual([0, 2.9, 4.9, 6.9]);
    expect(s.maxActive()).toBe(1);
  });

  it('starts one cycle when a cron tick and the poll timer come at the same moment', async () => {
    const s = setup({ every: 2 * SECOND });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    await s.scheduler.stop();
    expect(startSeconds(s.starts)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(s.maxActive()).toBe(1);
  });

  it('runs one cycle at a time when the poll timer, cron ticks and a due moment all fall in a long cycle', async () => {
    const s = setup({
      every: 2 * SECOND,
      runTakes: (n) => (n === 1 ? 5_300 : 0),
      result: (n) => ({ nextDueAt: n === 1 ? T0 + 6 * SECOND : null, more: false }),
    });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * SECOND);
    s.scheduler.trigger('manual');
    await vi.advanceTimersByTimeAsync(6 * SECOND);
    await s.scheduler.stop();
    expect(s.maxActive()).toBe(1);
    // The timer, the ticks at 2 and 4 s and the manual trigger fold into one run at 5.3 s.
    expect(startSeconds(s.starts)).toEqual([0, 5.3, 7.3]);
  });

  it('keeps the spacing of an `auto` interval (7 s) started between whole seconds', async () => {
    vi.setSystemTime(T0 + 400);
    const s = setup({ every: 7 * SECOND });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(70 * SECOND);
    await s.scheduler.stop();
    expect(gapsOf(s.starts)).toEqual(Array(10).fill(7 * SECOND));
  });

  it('waits for the rest of the interval when the poll timer fires early by the clock (set back)', async () => {
    const silentCron: Ticker = () => ({ stop: () => {} }); // only the timer (and the 5 s watchdog) poll
    const s = setup({ every: 10 * SECOND, ticker: silentCron });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * SECOND);
    vi.setSystemTime(T0 + 1 * SECOND); // the wall clock jumps back 2 s: the timer comes at 8 s by it
    await vi.advanceTimersByTimeAsync(8 * SECOND);
    expect(startSeconds(s.starts)).toEqual([0]);
    await vi.advanceTimersByTimeAsync(2 * SECOND);
    await s.scheduler.stop();
    expect(startSeconds(s.starts)).toEqual([0, 10]);
  });

  it('polls on a shorter interval from the cycle in which a reload shortened it', async () => {
    let every = 5 * SECOND;
    const silentCron: Ticker = () => ({ stop: () => {} }); // the timer alone
    const s = setup({
      every: () => every,
      ticker: silentCron,
      result: () => {
        every = 2 * SECOND; // the reload lands during the first cycle
        return { nextDueAt: null, more: false };
      },
    });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(4 * SECOND + 1);
    await s.scheduler.stop();
    expect(startSeconds(s.starts)).toEqual([0, 2, 4]);
  });

  it('clears the poll timer on stop: nothing left armed, no cycle afterwards', async () => {
    vi.setSystemTime(T0 + 900);
    const s = setup({ every: 2 * SECOND });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * SECOND); // runs at 0.9 and 2.9: the next is armed for 4.9
    await s.scheduler.stop();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    expect(startSeconds(s.starts)).toEqual([0.9, 2.9]);
  });

  it('arms no poll timer when stopped during a cycle', async () => {
    const s = setup({ every: 2 * SECOND, runTakes: 1_500 });
    s.scheduler.start();
    await vi.advanceTimersByTimeAsync(500);
    const stopped = s.scheduler.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    await stopped;
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    expect(s.starts).toHaveLength(1);
  });
});

describe('cron expression for a poll interval', () => {
  it.each([
    [30 * SECOND, '*/30 * * * * *'],
    [5 * SECOND, '*/5 * * * * *'],
    [45 * SECOND, '*/15 * * * * *'],
    [90 * SECOND, '*/30 * * * * *'],
    [MINUTE, '0 */1 * * * *'],
    [7 * MINUTE, '0 */1 * * * *'],
    [15 * MINUTE, '0 */15 * * * *'],
    [120 * MINUTE, '0 0 */2 * * *'],
  ])('every %i ms ticks on %s', (every, expected) => {
    expect(cronFor(every)).toBe(expected);
  });
});
