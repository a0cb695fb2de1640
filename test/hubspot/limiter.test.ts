import { describe, expect, it } from 'vitest';
import { limiterPlans } from '../../src/hubspot/limiter.ts';
import { config } from './harness.ts';

describe('client-side request budget', () => {
  it('spaces requests so no rolling window exceeds the configured budgets', () => {
    const plans = limiterPlans({ ...config().hubspot, requestsPerTenSeconds: 110, searchPerSecond: 3 });
    // 110 per 10 s → one start every 91 ms at most; 3 searches per second → one every 334 ms, one at a time.
    expect(plans.standard).toEqual({ minTime: 91, maxConcurrent: 4 });
    expect(plans.search).toEqual({ minTime: 334, maxConcurrent: 1 });
    expect(Math.floor(10_000 / plans.standard.minTime) + 1).toBeLessThanOrEqual(110);
    expect(Math.floor(1_000 / plans.search.minTime) + 1).toBeLessThanOrEqual(3);
  });

  it('keeps a budget of at least one request even when misconfigured', () => {
    const plans = limiterPlans({ ...config().hubspot, requestsPerTenSeconds: 0, searchPerSecond: 0 });
    expect(plans.standard.minTime).toBe(10_000);
    expect(plans.search.minTime).toBe(10_000);
  });
});
