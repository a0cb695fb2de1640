import { describe, expect, it } from 'vitest';
import { budgetShare } from '../../bench/live/budget-share.ts';

describe("the bench's share of the portal's HubSpot budget", () => {
  it.each([
    [
      'Starter, 23 at peak, 600 requests in 10 minutes',
      {
        tier: 'starter',
        tierMax: 100,
        dailyLimit: 250_000,
        peakPerTenSeconds: 23,
        requests: 600,
        periodMs: 600_000,
      },
      { peakShare: 0.23, projectedPerDay: 86_400, dailyShare: 86_400 / 250_000 },
    ],
    [
      'Professional',
      {
        tier: 'professional',
        tierMax: 190,
        dailyLimit: 650_000,
        peakPerTenSeconds: 95,
        requests: 0,
        periodMs: 60_000,
      },
      { peakShare: 0.5, projectedPerDay: 0, dailyShare: 0 },
    ],
    [
      'limits off in the sandbox: no shares',
      { tier: null, tierMax: null, dailyLimit: null, peakPerTenSeconds: 0, requests: 10, periodMs: 0 },
      { peakShare: null, projectedPerDay: null, dailyShare: null },
    ],
  ])('%s', (_, input, expected) => {
    expect(budgetShare(input)).toMatchObject(expected);
  });
});
