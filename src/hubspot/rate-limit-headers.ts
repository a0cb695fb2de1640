/**
 * HubSpot's `X-HubSpot-RateLimit-*` response headers (docs/platform-contract.md HR-4…HR-6): on
 * every answer of a non-search endpoint, the burst limit (`-Max` requests per `-Interval-Milliseconds`,
 * `-Remaining` of them left) and, for private apps, the account's daily limit (`-Daily`,
 * `-Daily-Remaining`). Search answers carry none. The legacy `-Secondly` pair is never read.
 */
export interface BurstReading {
  readonly max: number;
  readonly remaining: number;
  readonly intervalMs: number;
}

export interface DailyReading {
  readonly limit: number;
  readonly remaining: number;
}

export interface RateLimitReading {
  readonly burst: BurstReading | null;
  readonly daily: DailyReading | null;
}

/** Header names as they arrive (fetch lower-cases them; tests and proxies may not). */
export type HeaderMap = Readonly<Record<string, string | undefined>>;

const lowerCased = (headers: HeaderMap): Map<string, string> => {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) out.set(name.toLowerCase(), value);
  return out;
};

/** A whole, non-negative number, or `null` for anything else (absent, empty, `12abc`, `-1`). */
const count = (value: string | undefined): number | null => {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
};

/** Reads the rate-limit headers of one answer; a part whose headers are missing or garbled is `null`. */
export function readRateLimitHeaders(headers: HeaderMap): RateLimitReading {
  const h = lowerCased(headers);
  const max = count(h.get('x-hubspot-ratelimit-max'));
  const remaining = count(h.get('x-hubspot-ratelimit-remaining'));
  const intervalMs = count(h.get('x-hubspot-ratelimit-interval-milliseconds'));
  const limit = count(h.get('x-hubspot-ratelimit-daily'));
  const dailyRemaining = count(h.get('x-hubspot-ratelimit-daily-remaining'));
  return {
    burst:
      max !== null && max > 0 && remaining !== null && intervalMs !== null && intervalMs > 0
        ? { max, remaining: Math.min(remaining, max), intervalMs }
        : null,
    daily:
      limit !== null && limit > 0 && dailyRemaining !== null
        ? { limit, remaining: Math.min(dailyRemaining, limit) }
        : null,
  };
}
