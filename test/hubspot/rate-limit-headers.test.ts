import { describe, expect, it } from 'vitest';
import { readRateLimitHeaders } from '../../src/hubspot/rate-limit-headers.ts';

const FULL = {
  'x-hubspot-ratelimit-max': '100',
  'x-hubspot-ratelimit-remaining': '37',
  'x-hubspot-ratelimit-interval-milliseconds': '10000',
  'x-hubspot-ratelimit-daily': '250000',
  'x-hubspot-ratelimit-daily-remaining': '41000',
};

describe('reading HubSpot rate-limit headers', () => {
  it.each([
    [
      'a private app answer: burst and daily',
      FULL,
      {
        burst: { max: 100, remaining: 37, intervalMs: 10_000 },
        daily: { limit: 250_000, remaining: 41_000 },
      },
    ],
    [
      'names in any case (proxies, tests)',
      {
        'X-HubSpot-RateLimit-Max': '190',
        'X-HubSpot-RateLimit-Remaining': '5',
        'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
      },
      { burst: { max: 190, remaining: 5, intervalMs: 10_000 }, daily: null },
    ],
    ['a search answer: none at all', { 'x-hubspot-correlation-id': 'c0ffee' }, { burst: null, daily: null }],
    [
      'only the legacy secondly pair: nothing to go by',
      { 'x-hubspot-ratelimit-secondly': '10', 'x-hubspot-ratelimit-secondly-remaining': '9' },
      { burst: null, daily: null },
    ],
    [
      'a garbled burst part is dropped, the daily part kept',
      { ...FULL, 'x-hubspot-ratelimit-max': '100abc' },
      { burst: null, daily: { limit: 250_000, remaining: 41_000 } },
    ],
    [
      'a zero interval or limit is no limit to go by',
      { ...FULL, 'x-hubspot-ratelimit-interval-milliseconds': '0', 'x-hubspot-ratelimit-daily': '0' },
      { burst: null, daily: null },
    ],
    [
      'negative or empty remaining counts are garbled',
      { ...FULL, 'x-hubspot-ratelimit-remaining': '-1', 'x-hubspot-ratelimit-daily-remaining': '' },
      { burst: null, daily: null },
    ],
    [
      'remaining above the limit is read as the limit',
      { ...FULL, 'x-hubspot-ratelimit-remaining': '120' },
      {
        burst: { max: 100, remaining: 100, intervalMs: 10_000 },
        daily: { limit: 250_000, remaining: 41_000 },
      },
    ],
  ])('%s', (_, headers, expected) => {
    expect(readRateLimitHeaders(headers)).toEqual(expected);
  });
});
