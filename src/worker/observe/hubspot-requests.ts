import { isHttpFailure, isNetworkFailure } from '../../hubspot/classify-error.ts';
import type { Limiters, RateLimiter } from '../../hubspot/limiter.ts';

/** What one HTTP attempt to HubSpot came to: its status, or `network` when no answer arrived. */
export type HubSpotAttempt = number | 'network';

/**
 * The status of an attempt that threw: HubSpot's HTTP status when it answered (429, 5xx, 4xx), else
 * `network` (timeouts, resets). A 2xx answer whose body did not parse still counts as 200.
 */
export function attemptStatus(thrown: unknown): HubSpotAttempt {
  if (isHttpFailure(thrown)) return thrown.code;
  if (isNetworkFailure(thrown)) return 'network';
  const code = typeof thrown === 'object' && thrown !== null && 'code' in thrown ? thrown.code : null;
  return code === 'HUBSPOT_MALFORMED_RESPONSE' ? 200 : 'network';
}

const observed = (inner: RateLimiter, record: (status: HubSpotAttempt) => void): RateLimiter => ({
  schedule: (job) =>
    inner.schedule(async () => {
      try {
        const value = await job();
        // The gateway sees only that the SDK call succeeded: every 2xx is counted as 200.
        record(200);
        return value;
      } catch (thrown) {
        record(attemptStatus(thrown));
        throw thrown;
      }
    }),
});

/**
 * HubSpot's client-side limiters, observed: the gateway runs every HTTP attempt (retries included)
 * through a limiter, so wrapping them sees each attempt and how it ended, without touching the
 * adapter. Feeds `sla_bot_hubspot_requests_total{status}` and the 429 counter.
 */
export function observeHubSpotLimiters(
  limiters: Limiters,
  record: (status: HubSpotAttempt) => void,
): Limiters {
  return { standard: observed(limiters.standard, record), search: observed(limiters.search, record) };
}
