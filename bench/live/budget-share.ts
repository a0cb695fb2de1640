import { DAY, type Millis } from '../../src/domain/time.ts';

/** How much of the portal's HubSpot budget the worker used in one scenario. */
export interface BudgetShare {
  /** The sandbox's tier (`starter` unless a scenario says otherwise) and its limits. */
  readonly tier: string | null;
  readonly tierMax: number | null;
  readonly dailyLimit: number | null;
  /** The worker's most requests in any rolling 10 s, start-up included (HubSpot's burst window). */
  readonly peakPerTenSeconds: number;
  /** `peakPerTenSeconds` ÷ the tier's burst limit. */
  readonly peakShare: number | null;
  /** The worker's requests per day at the rate of the measured period (every request counts for the day). */
  readonly projectedPerDay: number | null;
  /** `projectedPerDay` ÷ the tier's daily limit. */
  readonly dailyShare: number | null;
}

export interface BudgetInput {
  readonly tier: string | null;
  readonly tierMax: number | null;
  readonly dailyLimit: number | null;
  readonly peakPerTenSeconds: number;
  /** Requests the worker made in the measured period, and how long it was. */
  readonly requests: number;
  readonly periodMs: Millis;
}

export function budgetShare(i: BudgetInput): BudgetShare {
  const projectedPerDay = i.periodMs > 0 ? Math.round((i.requests / i.periodMs) * DAY) : null;
  return {
    tier: i.tier,
    tierMax: i.tierMax,
    dailyLimit: i.dailyLimit,
    peakPerTenSeconds: i.peakPerTenSeconds,
    peakShare: i.tierMax ? i.peakPerTenSeconds / i.tierMax : null,
    projectedPerDay,
    dailyShare: projectedPerDay !== null && i.dailyLimit ? projectedPerDay / i.dailyLimit : null,
  };
}
