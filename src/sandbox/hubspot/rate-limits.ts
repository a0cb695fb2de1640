import { DateTime } from 'luxon';
import type { Instant } from '../../domain/time.ts';
import { RollingWindow } from '../shared/rolling-window.ts';
import type { RateLimitPolicy } from './errors.ts';

export interface HubSpotRateLimitOptions {
  /** Requests per rolling 10 s per app (token). HubSpot: 100 (Free/Starter), 190 (Pro/Enterprise). `null` = off. */
  readonly tenSecondly?: number | null;
  /** Search requests per second per account. HubSpot: 5. `null` = off. */
  readonly searchPerSecond?: number | null;
  /** Requests per day per account (resets at midnight in `timeZone`). HubSpot Pro: 650,000. `null` = off. */
  readonly daily?: number | null;
  readonly timeZone?: string;
}

/** Which budget a request draws on. Search and association batch reads are exempt from the 10 s limit. */
export type RequestClass = 'standard' | 'search' | 'exempt';

export type RateDecision =
  | { readonly ok: true; readonly headers: Record<string, string> }
  | { readonly ok: false; readonly policy: RateLimitPolicy; readonly headers: Record<string, string> };

/** HubSpot's limits as HubSpot answers them, on the sandbox's clock. */
export class HubSpotRateLimiter {
  private readonly options: Required<HubSpotRateLimitOptions>;
  private readonly perApp = new Map<string, RollingWindow>();
  private readonly search = new RollingWindow(1_000);
  private day = '';
  private usedToday = 0;

  constructor(options: HubSpotRateLimitOptions = {}) {
    this.options = {
      tenSecondly: options.tenSecondly === undefined ? 190 : options.tenSecondly,
      searchPerSecond: options.searchPerSecond === undefined ? 5 : options.searchPerSecond,
      daily: options.daily === undefined ? 650_000 : options.daily,
      timeZone: options.timeZone ?? 'UTC',
    };
  }

  check(kind: RequestClass, app: string, now: Instant): RateDecision {
    const { tenSecondly, searchPerSecond, daily } = this.options;
    this.rollDay(now);
    const window = this.windowOf(app);
    const burstHeaders = (remaining: number): Record<string, string> =>
      kind !== 'standard'
        ? {}
        : {
            'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
            'X-HubSpot-RateLimit-Max': String(tenSecondly ?? 0),
            'X-HubSpot-RateLimit-Remaining': String(Math.max(0, remaining)),
            ...(daily === null
              ? {}
              : {
                  'X-HubSpot-RateLimit-Daily': String(daily),
                  'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, daily - this.usedToday)),
                }),
          };
    const inWindow = window.count(now);
    if (daily !== null && this.usedToday >= daily)
      return {
        ok: false,
        policy: 'DAILY',
        headers: burstHeaders(tenSecondly === null ? 0 : tenSecondly - inWindow),
      };
    if (kind === 'search' && searchPerSecond !== null && this.search.count(now) >= searchPerSecond)
      return { ok: false, policy: 'SECONDLY', headers: {} };
    if (kind === 'standard' && tenSecondly !== null && inWindow >= tenSecondly)
      return { ok: false, policy: 'TEN_SECONDLY_ROLLING', headers: burstHeaders(0) };

    this.usedToday += 1;
    if (kind === 'search') this.search.add(now);
    if (kind === 'standard') window.add(now);
    return { ok: true, headers: burstHeaders(tenSecondly === null ? 0 : tenSecondly - inWindow - 1) };
  }

  /** Requests counted today and the daily limit (for the daily usage endpoint). */
  usage(now: Instant): { readonly used: number; readonly limit: number | null } {
    this.rollDay(now);
    return { used: this.usedToday, limit: this.options.daily };
  }

  private windowOf(app: string): RollingWindow {
    let window = this.perApp.get(app);
    if (!window) {
      window = new RollingWindow(10_000);
      this.perApp.set(app, window);
    }
    return window;
  }

  private rollDay(now: Instant): void {
    const day = DateTime.fromMillis(now, { zone: this.options.timeZone }).toISODate() ?? '';
    if (day !== this.day) {
      this.day = day;
      this.usedToday = 0;
    }
  }
}
