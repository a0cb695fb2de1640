import { describe, expect, it } from 'vitest';
import { AdaptiveLimiter } from '../../src/hubspot/adaptive-limiter.ts';
import { createLimiters } from '../../src/hubspot/limiter.ts';
import {
  type Budget,
  type BudgetSettings,
  budgetFor,
  estimatePool,
  type PoolEstimate,
  RequestBudget,
  startDelay,
} from '../../src/hubspot/request-budget.ts';
import { HubSpotRateLimiter, type HubSpotRateLimitOptions } from '../../src/sandbox/hubspot/rate-limits.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { config, NOW } from './harness.ts';

const HALF: BudgetSettings = { share: 0.5, capPerTenSeconds: null };
const pool = (max: number, others = 0, intervalMs = 10_000): PoolEstimate => ({
  max,
  intervalMs,
  others,
  at: NOW,
});

describe('the budget from what HubSpot reported', () => {
  it.each([
    ['nothing heard yet: Starter × share', HALF, null, 50, 'assumed'],
    ['nothing heard yet, a smaller share', { share: 0.3, capPerTenSeconds: null }, null, 30, 'assumed'],
    ['Starter (100), nobody else', HALF, pool(100), 50, 'share'],
    ['Professional / Enterprise (190)', HALF, pool(190), 95, 'share'],
    ['the API limit increase pack (250)', HALF, pool(250), 125, 'share'],
    [
      'Starter with another integration at 40: exactly what is left after the headroom',
      HALF,
      pool(100, 40),
      50,
      'share',
    ],
    ['Starter with others at 60: slows to what they leave', HALF, pool(100, 60), 30, 'others'],
    ['others took nearly everything: one probe per interval', HALF, pool(100, 95), 1, 'others'],
    ['a hard cap below the share', { share: 0.5, capPerTenSeconds: 20 }, pool(190), 20, 'cap'],
    [
      'a hard cap above the share changes nothing',
      { share: 0.5, capPerTenSeconds: 150 },
      pool(190),
      95,
      'share',
    ],
    [
      'the whole limit asked: a tenth stays free',
      { share: 1, capPerTenSeconds: null },
      pool(100),
      90,
      'others',
    ],
    ['a tiny share still allows one', { share: 0.001, capPerTenSeconds: null }, pool(100), 1, 'share'],
    [
      'the cap is per 10 s, scaled to the interval',
      { share: 1, capPerTenSeconds: 20 },
      pool(100, 0, 1_000),
      2,
      'cap',
    ],
  ] as const)('%s', (_, settings, estimate, perInterval, reason) => {
    expect(budgetFor(settings, estimate)).toMatchObject({ perInterval, reason });
  });

  it('whatever the tier, sla-bot never takes more than the share of the limit HubSpot reports', () => {
    for (const max of [100, 150, 190, 200, 250])
      for (const share of [0.1, 0.25, 0.5, 0.75, 1])
        for (const others of [0, 10, 40, 90, 250]) {
          const b = budgetFor({ share, capPerTenSeconds: null }, pool(max, others));
          expect(b.perInterval).toBeLessThanOrEqual(Math.max(1, Math.floor(max * share)));
          // With room left, ours plus others' stays under the limit less the headroom.
          if (others < max * 0.9 - 1) expect(b.perInterval + others).toBeLessThanOrEqual(max - max * 0.1);
        }
  });
});

describe('the pool as one answer shows it', () => {
  it.each([
    ['all of it ours', { max: 100, remaining: 70, intervalMs: 10_000 }, 30, 0],
    ['others used 40 beside our 10', { max: 100, remaining: 50, intervalMs: 10_000 }, 10, 40],
    [
      'more ours than HubSpot counted (exempt or in flight): never below 0',
      { max: 100, remaining: 95, intervalMs: 10_000 },
      9,
      0,
    ],
  ])('%s', (_, burst, ownCounted, others) => {
    expect(estimatePool(burst, ownCounted, NOW)).toEqual({ max: 100, intervalMs: 10_000, others, at: NOW });
  });
});

describe('when the next request may start (each holds its place until an interval after its answer)', () => {
  const budget = (perInterval: number): Budget => ({
    perInterval,
    intervalMs: 10_000,
    max: 100,
    others: 0,
    reason: 'share',
  });
  it.each([
    ['room in the window', 3, [NOW - 5_000, NOW - 1_000], 0],
    ['full: until the earliest answered leaves', 2, [NOW - 4_000, NOW - 1_000], 6_000],
    ['answers older than the interval do not count', 2, [NOW - 12_000, NOW - 10_000, NOW - 1_000], 0],
    ['budget shrank below what is held: until enough have left', 1, [NOW - 8_000, NOW - 3_000], 7_000],
    ['one in flight holds its place', 2, [null, NOW - 1_000], 9_000],
    ['all held ones still in flight: wait for an answer', 2, [null, null], null],
  ] as const)('%s', (_, perInterval, ends, wait) => {
    expect(startDelay(budget(perInterval), ends, NOW)).toBe(wait);
  });
});

describe('RequestBudget, fed answer by answer', () => {
  const burst = (remaining: number) => ({ max: 100, remaining, intervalMs: 10_000 });

  it('does not mistake its own requests for others draining the pool', () => {
    const b = new RequestBudget(() => HALF);
    for (let i = 1; i <= 30; i++) b.observe(burst(100 - i), 200, NOW + i * 100);
    expect(b.current()).toMatchObject({ perInterval: 50, max: 100, others: 0, reason: 'share' });
  });

  it('slows down while another integration drains the pool, and recovers when it stops', () => {
    const b = new RequestBudget(() => HALF);
    // Ten of ours, each answer showing 7 more requests gone than ours: others at 70 by the tenth.
    for (let i = 1; i <= 10; i++) b.observe(burst(100 - i * 8), 200, NOW + i * 100);
    expect(b.current()).toMatchObject({ others: 70, perInterval: 20, reason: 'others' });
    // Ten seconds later the window holds only our next request.
    b.observe(burst(99), 200, NOW + 12_000);
    expect(b.current()).toMatchObject({ others: 0, perInterval: 50, reason: 'share' });
  });

  it('reads a 429 (Remaining 0) as the pool full, without counting it as ours', () => {
    const b = new RequestBudget(() => HALF);
    b.observe(burst(0), 429, NOW);
    expect(b.current()).toMatchObject({ others: 100, perInterval: 1, reason: 'others' });
  });
});

/**
 * The limiter against the sandbox's own model of HubSpot's limits (the class the loopback server
 * answers with), on a fake clock that the limiter's waits move: every request is checked as HubSpot
 * would, and its answer's headers feed the budget as in production.
 */
async function drive(requests: number, limits: HubSpotRateLimitOptions, share = 0.5) {
  const clock = new FakeClock(NOW);
  const hubspot = new HubSpotRateLimiter(limits);
  const limiters = createLimiters(
    () => ({ ...config().hubspot, budgetShare: share, requestsPerTenSeconds: null }),
    {
      clock,
      // Time passes once the jobs already started have run, as it does for real.
      sleep: async (ms) => {
        await new Promise((resolve) => setImmediate(resolve));
        clock.advance(ms);
      },
    },
  );
  const statuses: number[] = [];
  let concurrent = 0;
  let maxConcurrent = 0;
  const one = () =>
    limiters.standard.schedule(async () => {
      concurrent += 1;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      const answer = hubspot.check('standard', 'sla-bot', clock.now());
      await Promise.resolve();
      concurrent -= 1;
      const status = answer.ok ? 200 : 429;
      statuses.push(status);
      limiters.observe(status, answer.headers);
    });
  await Promise.all(Array.from({ length: requests }, one));
  return { statuses, took: clock.now() - NOW, peak: hubspot.peakTenSecondly('sla-bot'), maxConcurrent };
}

describe('AdaptiveLimiter against HubSpot limits (sandbox model, fake clock)', () => {
  it('Starter with another integration at 40 / 10 s: 300 requests, no 429, at most half the limit', async () => {
    const run = await drive(300, { tier: 'starter', otherIntegration: { perTenSeconds: 40 } });
    expect(run.statuses.filter((s) => s === 429)).toEqual([]);
    expect(run.peak).toBeLessThanOrEqual(50);
    expect(run.maxConcurrent).toBeLessThanOrEqual(4);
    // 300 at 50 per 10 s: about 50 s, not much slower.
    expect(run.took).toBeGreaterThanOrEqual(50_000);
    expect(run.took).toBeLessThan(70_000);
  });

  it('another integration at 70 / 10 s: slows below its share and still gets no 429', async () => {
    const run = await drive(200, { tier: 'starter', otherIntegration: { perTenSeconds: 70 } });
    expect(run.statuses.filter((s) => s === 429)).toEqual([]);
    expect(run.peak).toBeLessThanOrEqual(30);
  });

  it('learns a bigger tier from the first answer and uses half of it', async () => {
    const run = await drive(400, { tier: 'pack' });
    expect(run.statuses.filter((s) => s === 429)).toEqual([]);
    expect(run.peak).toBeLessThanOrEqual(125);
    expect(run.peak).toBeGreaterThan(100);
  });

  it('with nothing heard from HubSpot, paces at Starter × share', async () => {
    const run = await drive(120, { tier: 'starter', tenSecondly: null, daily: null });
    expect(run.took).toBeGreaterThanOrEqual(20_000);
  });

  it('starts jobs in order, and a failed job frees its slot', async () => {
    const clock = new FakeClock(NOW);
    const budget = new RequestBudget(() => HALF);
    const limiter = new AdaptiveLimiter(budget, { clock, sleep: async (ms) => void clock.advance(ms) }, 1);
    const order: number[] = [];
    const jobs = [1, 2, 3].map((n) =>
      limiter.schedule(async () => {
        order.push(n);
        if (n === 1) throw new Error('boom');
        return n;
      }),
    );
    await expect(jobs[0]).rejects.toThrow('boom');
    await expect(Promise.all(jobs.slice(1))).resolves.toEqual([2, 3]);
    expect(order).toEqual([1, 2, 3]);
  });

  it('does not spin forever on a clock that never moves (a test frozen clock)', async () => {
    const clock = new FakeClock(NOW);
    const limiter = new AdaptiveLimiter(new RequestBudget(() => ({ share: 0.01, capPerTenSeconds: null })), {
      clock,
      sleep: async () => {},
    });
    await expect(Promise.all([1, 2, 3].map((n) => limiter.schedule(async () => n)))).resolves.toEqual([
      1, 2, 3,
    ]);
  });
});
