/**
 * HubSpot's request limits for privately distributed (private) apps by subscription tier
 * (docs/platform-contract.md HR-1…HR-3):
 * - Free/Starter: 100 per rolling 10 s per app, 250,000 a day per account
 *   (developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines);
 * - Professional 190 / 650,000, Enterprise 190 / 1,000,000; the API limit increase pack raises the
 *   burst to 250 (it does not stack) and adds 1,000,000 a day per pack
 *   (developers.hubspot.com/changelog/increasing-our-api-limits).
 * `pack` is the cheapest way to get one: Professional with one pack (250 / 1,650,000).
 */
export type HubSpotTier = 'starter' | 'professional' | 'enterprise' | 'pack';

export interface TierLimits {
  /** Requests per rolling 10 s per app. */
  readonly tenSecondly: number;
  /** Requests per day per account (all apps together). */
  readonly daily: number;
}

export const HUBSPOT_TIERS: Readonly<Record<HubSpotTier, TierLimits>> = {
  starter: { tenSecondly: 100, daily: 250_000 },
  professional: { tenSecondly: 190, daily: 650_000 },
  enterprise: { tenSecondly: 190, daily: 1_000_000 },
  pack: { tenSecondly: 250, daily: 1_650_000 },
};

/** The sandbox's default: the smallest limits a customer can have. */
export const DEFAULT_TIER: HubSpotTier = 'starter';
