import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSweep, type ReconcileTuning } from '../../src/hubspot/reconcile-schedule.ts';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const tuning: ReconcileTuning = {
  every: 15 * MINUTE,
  recentFor: 0,
  recentEvery: MINUTE,
  maxBatchesPerPoll: 3,
};

/** The round-robin as first written: sort every key, rotate after the cursor, take the first ones. */
function reference(keys: readonly string[], after: string | null, count: number): string[] {
  const sorted = [...new Set(keys)].sort();
  const start = after === null ? 0 : sorted.findIndex((k) => k > after);
  const rotated = start <= 0 ? sorted : [...sorted.slice(start), ...sorted.slice(0, start)];
  return rotated.slice(0, count);
}

/** planSweep picks the next leads without sorting them all (100,000 open leads, every poll). */
describe('read-back round-robin order', () => {
  it('takes exactly the keys a full sort and rotation would, for any set of leads and cursor', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 0, maxLength: 700 }),
        fc.option(fc.integer({ min: 0, max: 5_001 }), { nil: null }),
        fc.integer({ min: 0, max: 40 * MINUTE }),
        (ids, afterId, elapsed) => {
          const keys = ids.map((id) => `contact:${id}`);
          const after = afterId === null ? null : `contact:${afterId}`;
          const previous = { at: T0, after, credit: 0, recentAt: T0 };
          const plan = planSweep(
            keys.map((key) => ({ key, enteredAt: 0 })),
            previous,
            T0 + elapsed,
            tuning,
          );
          const n = new Set(keys).size;
          const batch = Math.min(100, n);
          const perRound = batch === 0 ? 0 : Math.ceil(n / batch) * batch;
          const credit = Math.min(perRound * tuning.every, perRound * elapsed);
          const spend =
            batch === 0 ? 0 : Math.min(Math.floor(credit / (batch * tuning.every)) * batch, 3 * batch);
          expect(plan.due).toEqual([...reference(keys, after, Math.min(spend, n))].sort());
        },
      ),
    );
  });
});
