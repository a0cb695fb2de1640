import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../src/clock/clock.ts';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { WorkerEvents } from '../../src/worker/events.ts';
import { type RunResult, Scheduler } from '../../src/worker/scheduler.ts';
import { cronFor } from '../../src/worker/ticker.ts';
import { captureLogger } from '../fakes/logger.ts';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
/** The clock the scheduler is given reads the (faked) system time, so timers and clock agree. */
const fakeSystemClock: Clock = { now: () => Date.now() };

function setup(options: { every?: number; result?: (n: number) => RunResult; runTakes?: number } = {}) {
  const starts: { at: number; reason: string }[] = [];
  let active = 0;
  let maxActive = 0;
  const events = new WorkerEvents();
  const scheduler = new Scheduler({
    clock: fakeSystemClock,
    every: () => options.every ?? 30 * SECOND,
    events,
    logger: captureLogger().logger,
    run: async (reason) => {
      starts.push({ at: Date.now(), reason });
      active += 1;
      maxActive = Math.max(maxActive, active);
      if (options.runTakes) await new Promise((r) => setTimeout(r, options.runTakes));
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
