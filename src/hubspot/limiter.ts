import Bottleneck from 'bottleneck';
import type { SlaConfig } from '../config/types.ts';
import { AdaptiveLimiter, type LimiterTime } from './adaptive-limiter.ts';
import { type HeaderMap, type RateLimitReading, readRateLimitHeaders } from './rate-limit-headers.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { type Budget, RequestBudget } from './request-budget.ts';

export type { RateLimiter } from './rate-limiter.ts';

export interface LimiterPlan {
  /** Minimum spacing between request starts. */
  readonly minTime: number;
  readonly maxConcurrent: number;
}

/**
 * Search spacing from the SLA file: under `searchPerSecond` (HubSpot allows 5/s per account, shared
 * with other integrations; search answers carry no rate-limit headers to adapt to).
 */
export function searchPlan(hubspot: Pick<SlaConfig['hubspot'], 'searchPerSecond'>): LimiterPlan {
  const perSecond = Math.max(0.1, hubspot.searchPerSecond);
  return { minTime: Math.ceil(1_000 / perSecond), maxConcurrent: 1 };
}

export function createLimiter(plan: LimiterPlan, id: string): RateLimiter {
  const bottleneck = new Bottleneck({ id, minTime: plan.minTime, maxConcurrent: plan.maxConcurrent });
  return { schedule: (job) => bottleneck.schedule(job) };
}

export interface Limiters {
  readonly standard: RateLimiter;
  readonly search: RateLimiter;
}

/** The limiters and the budget the standard one follows, fed with every HubSpot answer. */
export interface BudgetedLimiters extends Limiters {
  /** Reads an answer's rate-limit headers into the budget; returns what was read and the budget now. */
  observe(
    status: number,
    headers: HeaderMap,
  ): { readonly reading: RateLimitReading; readonly budget: Budget };
}

/**
 * Client-side budgets. Standard requests (everything but search, which HubSpot exempts from the
 * 10-second limit) follow an adaptive budget: `budgetShare` of the portal's real limit as HubSpot
 * reports it in `X-HubSpot-RateLimit-Max` (Starter's 100 until it has), less when others drain the
 * pool, never above `requestsPerTenSeconds`. Search is spaced to `searchPerSecond`.
 */
export function createLimiters(hubspot: () => SlaConfig['hubspot'], time: LimiterTime): BudgetedLimiters {
  const budget = new RequestBudget(() => ({
    share: hubspot().budgetShare,
    capPerTenSeconds: hubspot().requestsPerTenSeconds,
  }));
  return {
    standard: new AdaptiveLimiter(budget, time),
    search: createLimiter(searchPlan(hubspot()), 'sla-bot-hubspot-search'),
    observe(status, headers) {
      const reading = readRateLimitHeaders(headers);
      if (reading.burst) budget.observe(reading.burst, status, time.clock.now());
      return { reading, budget: budget.current() };
    },
  };
}
