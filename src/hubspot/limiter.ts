import Bottleneck from 'bottleneck';
import type { SlaConfig } from '../config/types.ts';

/** Runs jobs no faster than a budget allows. */
export interface RateLimiter {
  schedule<T>(job: () => Promise<T>): Promise<T>;
}

export interface LimiterPlan {
  /** Minimum spacing between request starts. */
  readonly minTime: number;
  readonly maxConcurrent: number;
}

/**
 * Client-side budgets from the SLA file. Requests are spaced evenly (`minTime`), so no rolling 10-second
 * window ever holds more than `requestsPerTenSeconds`, and search stays under `searchPerSecond` (HubSpot
 * allows 5/s per account, shared with other integrations). Search is exempt from the 10-second bucket,
 * so it only goes through its own limiter.
 */
export function limiterPlans(hubspot: SlaConfig['hubspot']): { standard: LimiterPlan; search: LimiterPlan } {
  const perTen = Math.max(1, hubspot.requestsPerTenSeconds);
  const perSecond = Math.max(0.1, hubspot.searchPerSecond);
  return {
    standard: { minTime: Math.ceil(10_000 / perTen), maxConcurrent: 4 },
    search: { minTime: Math.ceil(1_000 / perSecond), maxConcurrent: 1 },
  };
}

export function createLimiter(plan: LimiterPlan, id: string): RateLimiter {
  const bottleneck = new Bottleneck({ id, minTime: plan.minTime, maxConcurrent: plan.maxConcurrent });
  return { schedule: (job) => bottleneck.schedule(job) };
}

export interface Limiters {
  readonly standard: RateLimiter;
  readonly search: RateLimiter;
}

export function createLimiters(hubspot: SlaConfig['hubspot']): Limiters {
  const plans = limiterPlans(hubspot);
  return {
    standard: createLimiter(plans.standard, 'sla-bot-hubspot'),
    search: createLimiter(plans.search, 'sla-bot-hubspot-search'),
  };
}
