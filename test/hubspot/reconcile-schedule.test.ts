import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_TUNING } from '../../src/hubspot/poll-context.ts';
import {
  decodeSweepCursor,
  encodeSweepCursor,
  planSweep,
  type ReconcileTuning,
  type SweepCursor,
  type SweepInstance,
} from '../../src/hubspot/reconcile-schedule.ts';

const MIN = 60_000;
const T0 = Date.parse('2024-05-01T10:00:00.000Z');
const OLD = T0 - 24 * 60 * MIN;
const tuning: ReconcileTuning = {
  every: 15 * MIN,
  recentFor: 60 * MIN,
  recentEvery: MIN,
  maxBatchesPerPoll: 10,
};

const leads = (n: number, enteredAt = OLD): SweepInstance[] =>
  Array.from({ length: n }, (_, i) => ({ key: `contact:${100_000 + i}`, enteredAt }));

/** Runs polls at the given instants, returning what each read. */
function run(
  all: readonly SweepInstance[],
  times: readonly number[],
  t = tuning,
  batchSize = 100,
): string[][] {
  let cursor: SweepCursor | null = null;
  const reads: string[][] = [];
  for (const now of times) {
    const plan = planSweep(all, cursor, now, t, batchSize);
    reads.push([...plan.due]);
    cursor = decodeSweepCursor(encodeSweepCursor(plan.cursor));
  }
  return reads;
}

describe('which open leads are read back each poll', () => {
  it('5,000 open leads polled every 30 s are all read within 15 minutes, in 50 full batches', () => {
    const all = leads(5_000);
    const times = Array.from({ length: 31 }, (_, i) => T0 + i * 30_000);
    const reads = run(all, times);
    expect(reads[0]).toEqual([]);
    const sizes = reads.map((r) => r.length);
    expect(sizes.every((s) => s % 100 === 0)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5_000);
    expect(new Set(reads.flat()).size).toBe(5_000);
  });

  it('a handful of open leads is read together once a period, not one request each poll', () => {
    const reads = run(
      leads(3),
      Array.from({ length: 31 }, (_, i) => T0 + i * 30_000),
    );
    expect(reads.filter((r) => r.length > 0)).toEqual([
      ['contact:100000', 'contact:100001', 'contact:100002'],
    ]);
    expect(reads.findIndex((r) => r.length > 0)).toBe(30);
  });

  it('reads leads still in their first hour every minute, on top of the round', () => {
    const fresh = { key: 'contact:7', enteredAt: T0 - 10 * MIN };
    const all = [...leads(3), fresh];
    const reads = run(all, [T0, T0 + 30_000, T0 + 60_000, T0 + 90_000, T0 + 51 * MIN]);
    // 51 minutes on, the round (all four) is due and contact 7 is no longer recent.
    expect(reads).toEqual([
      ['contact:7'],
      [],
      ['contact:7'],
      [],
      ['contact:100000', 'contact:100001', 'contact:100002', 'contact:7'],
    ]);
  });

  it('after downtime reads one round at most, spread over polls by the per-poll cap', () => {
    const all = leads(5_000);
    const reads = run(all, [T0, T0 + 6 * 60 * MIN, T0 + 6 * 60 * MIN + 30_000, T0 + 6 * 60 * MIN + 60_000]);
    expect(reads.map((r) => r.length)).toEqual([0, 1_000, 1_000, 1_000]);
    expect(new Set(reads.flat()).size).toBe(3_000);
  });

  it('by default one batch read a poll at most: fresh leads first (taking turns), the round otherwise', () => {
    const defaults = DEFAULT_POLL_TUNING.reconcile;
    const fresh = Array.from({ length: 150 }, (_, i) => ({
      key: `contact:${500_000 + i}`,
      enteredAt: T0 - 2 * MIN,
    }));
    const all = [...leads(10_000), ...fresh];
    const reads = run(all, [T0, T0 + 30_000, T0 + 60_000, T0 + 90_000], defaults);
    expect(reads.map((r) => r.length)).toEqual([100, 100, 100, 100]);
    const freshKeys = new Set(fresh.map((f) => f.key));
    // Poll 1: a hundred fresh leads; poll 2: the round; poll 3 (a minute on): fresh ones again, taking
    // turns — the fifty not yet read, then the first fifty once more; poll 4: the round.
    expect(reads.map((r) => r.filter((k) => freshKeys.has(k)).length)).toEqual([100, 0, 100, 0]);
    expect(new Set([...(reads[0] ?? []), ...(reads[2] ?? [])])).toEqual(freshKeys);
    expect(new Set(reads.flat()).size).toBe(350);
  });

  it('with property history (50 ids a batch read) the same request budget reads 50 a batch', () => {
    const defaults = DEFAULT_POLL_TUNING.reconcile;
    const fresh = Array.from({ length: 75 }, (_, i) => ({
      key: `contact:${500_000 + i}`,
      enteredAt: T0 - 2 * MIN,
    }));
    const times = Array.from({ length: 6 }, (_, i) => T0 + i * 30_000);
    const reads = run([...leads(10_000), ...fresh], times, defaults, 50);
    // One batch read a poll, as without history — of 50 leads: fresh ones every minute, taking turns.
    expect(reads.map((r) => r.length)).toEqual([50, 50, 50, 50, 50, 50]);
    const freshKeys = new Set(fresh.map((f) => f.key));
    expect(reads.map((r) => r.filter((k) => freshKeys.has(k)).length)).toEqual([50, 0, 50, 0, 50, 0]);
    expect(new Set(reads.flatMap((r) => r.filter((k) => freshKeys.has(k))))).toEqual(freshKeys);
    // 1,500 open leads polled every 30 s are all read within the 15-minute period (30 polls of 50).
    const round = run(
      leads(1_500),
      Array.from({ length: 31 }, (_, i) => T0 + i * 30_000),
      defaults,
      50,
    );
    expect(round.every((r) => r.length <= 50)).toBe(true);
    expect(new Set(round.flat()).size).toBe(1_500);
  });

  it('starts afresh from an unreadable cursor', () => {
    expect(decodeSweepCursor('{"v":2}')).toBeNull();
    expect(decodeSweepCursor('not json')).toBeNull();
    expect(decodeSweepCursor(undefined)).toBeNull();
  });

  it('whatever the count and poll rhythm, no lead waits longer than the period plus one poll', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 450 }),
        fc.array(fc.integer({ min: 1_000, max: 90_000 }), { minLength: 40, maxLength: 120 }),
        (n, gaps) => {
          const all = leads(n);
          const times = [T0];
          for (const gap of gaps) times.push((times.at(-1) ?? T0) + gap);
          const reads = run(all, times);
          const last = new Map(all.map((l) => [l.key, T0]));
          let longest = 0;
          for (const [i, read] of reads.entries()) {
            const now = times[i] ?? T0;
            for (const key of read) last.set(key, now);
            for (const at of last.values()) longest = Math.max(longest, now - at);
          }
          expect(longest).toBeLessThanOrEqual(tuning.every + Math.max(...gaps));
        },
      ),
      { numRuns: 60 },
    );
  });
});
