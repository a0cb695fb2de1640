import { describe, expect, it } from 'vitest';
import { createLimiters, searchPlan } from '../../src/hubspot/limiter.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { config, NOW } from './harness.ts';

describe('client-side request budget', () => {
  it('spaces searches so no second holds more than the configured number', () => {
    const plan = searchPlan({ searchPerSecond: 3 });
    // 3 searches per second → one every 334 ms, one at a time.
    expect(plan).toEqual({ minTime: 334, maxConcurrent: 1 });
    expect(Math.floor(1_000 / plan.minTime) + 1).toBeLessThanOrEqual(3);
  });

  it('keeps a search budget of at least one request even when misconfigured', () => {
    expect(searchPlan({ searchPerSecond: 0 }).minTime).toBe(10_000);
  });

  it('reads each answer into the standard budget: Starter × share until HubSpot says, then its limit', () => {
    const hubspot = { ...config().hubspot, budgetShare: 0.5, requestsPerTenSeconds: null };
    const limiters = createLimiters(() => hubspot, { clock: new FakeClock(NOW), sleep: async () => {} });
    // A search answer carries no rate-limit headers: the budget stays on the assumption.
    expect(limiters.observe(200, {}).budget).toMatchObject({ perInterval: 50, max: 100, reason: 'assumed' });
    const pro = limiters.observe(200, {
      'x-hubspot-ratelimit-max': '190',
      'x-hubspot-ratelimit-remaining': '189',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-daily': '650000',
      'x-hubspot-ratelimit-daily-remaining': '649000',
    });
    expect(pro.budget).toMatchObject({ perInterval: 95, max: 190, reason: 'share' });
    expect(pro.reading.daily).toEqual({ limit: 650_000, remaining: 649_000 });
  });

  it('follows a reloaded budget_share and the hard cap', () => {
    let hubspot = { ...config().hubspot, budgetShare: 0.5, requestsPerTenSeconds: null as number | null };
    const limiters = createLimiters(() => hubspot, { clock: new FakeClock(NOW), sleep: async () => {} });
    hubspot = { ...hubspot, budgetShare: 0.3 };
    expect(limiters.observe(200, {}).budget.perInterval).toBe(30);
    hubspot = { ...hubspot, requestsPerTenSeconds: 20 };
    expect(limiters.observe(200, {}).budget).toMatchObject({ perInterval: 20, reason: 'cap' });
  });
});
