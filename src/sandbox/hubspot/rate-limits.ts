import { DateTime } from 'luxon';
import type { Instant, Millis } from '../../domain/time.ts';
import { RollingWindow } from '../shared/rolling-window.ts';
import type { RateLimitPolicy } from './errors.ts';
import { OtherIntegration, type OtherIntegrationOptions } from './other-integration.ts';
import { DEFAULT_TIER, HUBSPOT_TIERS, type HubSpotTier } from './rate-tiers.ts';

export interface HubSpotRateLimitOptions {
  /** Subscription tier whose limits apply. Default `starter`: 100 / 10 s per app, 250,000 a day. */
  readonly tier?: HubSpotTier;
  /** Overrides the tier's requests per rolling 10 s per app (token). `null` = off. */
  readonly tenSecondly?: number | null;
  /** Search requests per second per account. HubSpot: 5. `null` = off. */
  readonly searchPerSecond?: number | null;
  /** Overrides the tier's requests per day per account (resets at midnight in `timeZone`). `null` = off. */
  readonly daily?: number | null;
  readonly timeZone?: string;
  /**
   * Another integration of the portal drawing on the same budget: its requests count in every app's
   * 10-second window and in the daily count. Stricter than HubSpot, whose burst limit is per app
   * (the daily limit is shared by all apps of the account).
   */
  readonly otherIntegration?: OtherIntegrationOptions;
}

/** Which budget a request draws on. Search and association batch endpoints are exempt from the 10 s limit. */
export type RequestClass = 'standard' | 'search' | 'exempt';

export type RateDecision =
  | { readonly ok: true; readonly headers: Record<string, string> }
  | { readonly ok: false; readonly policy: RateLimitPolicy; readonly headers: Record<string, string> };

/** What tests and the bench read back: the limits in force and how much of them an app used. */
export interface HubSpotLimitsView {
  readonly tier: HubSpotTier;
  readonly tenSecondly: number | null;
  readonly daily: number | null;
  /** The most requests `app` had in any rolling 10 s (its own, without the other integration's). */
  peakTenSecondly(app: string): number;
  /** Requests counted today: by `app`, or by everyone (the other integration included). */
  requestsToday(app?: string): number;
  /**
   * Changes the daily limit at once, mid-day: an API limit increase bought today (HR-3), or support
   * lifting it. `null` turns it off. Requests already counted today stay counted.
   */
  setDailyLimit(limit: number | null): void;
}

const INTERVAL: Millis = 10_000;

/** HubSpot's limits as HubSpot answers them, on the sandbox's clock. */
export class HubSpotRateLimiter implements HubSpotLimitsView {
  readonly tier: HubSpotTier;
  readonly tenSecondly: number | null;
  private dailyLimit: number | null;
  private readonly searchPerSecond: number | null;
  private readonly timeZone: string;
  private readonly perApp = new Map<string, RollingWindow>();
  private readonly others = new RollingWindow(INTERVAL);
  private readonly other: OtherIntegration | null;
  private readonly othersAtStart: number;
  private readonly search = new RollingWindow(1_000);
  private readonly peaks = new Map<string, number>();
  private readonly appToday = new Map<string, number>();
  private day = '';
  private usedToday = 0;

  constructor(options: HubSpotRateLimitOptions = {}) {
    this.tier = options.tier ?? DEFAULT_TIER;
    const limits = HUBSPOT_TIERS[this.tier];
    this.tenSecondly = options.tenSecondly === undefined ? limits.tenSecondly : options.tenSecondly;
    this.dailyLimit = options.daily === undefined ? limits.daily : options.daily;
    this.searchPerSecond = options.searchPerSecond === undefined ? 5 : options.searchPerSecond;
    this.timeZone = options.timeZone ?? 'UTC';
    this.other = options.otherIntegration ? new OtherIntegration(options.otherIntegration) : null;
    this.othersAtStart = options.otherIntegration?.usedToday ?? 0;
  }

  get daily(): number | null {
    return this.dailyLimit;
  }

  setDailyLimit(limit: number | null): void {
    this.dailyLimit = limit;
  }

  check(kind: RequestClass, app: string, now: Instant): RateDecision {
    this.rollDay(now);
    this.catchUpOthers(now);
    const own = this.windowOf(app);
    const inPool = () => own.count(now) + this.others.count(now);
    const headers = (remaining: number) => (kind === 'standard' ? this.headers(remaining) : {});
    const max = this.tenSecondly ?? 0;
    if (this.daily !== null && this.usedToday >= this.daily)
      return { ok: false, policy: 'DAILY', headers: headers(max - inPool()) };
    if (kind === 'search' && this.searchPerSecond !== null && this.search.count(now) >= this.searchPerSecond)
      return { ok: false, policy: 'SECONDLY', headers: {} };
    if (kind === 'standard' && this.tenSecondly !== null && inPool() >= this.tenSecondly)
      return { ok: false, policy: 'TEN_SECONDLY_ROLLING', headers: headers(0) };

    this.usedToday += 1;
    this.appToday.set(app, (this.appToday.get(app) ?? 0) + 1);
    if (kind === 'search') this.search.add(now);
    if (kind === 'standard') {
      own.add(now);
      this.peaks.set(app, Math.max(this.peaks.get(app) ?? 0, own.count(now)));
    }
    return { ok: true, headers: headers(max - inPool()) };
  }

  /** Requests counted today and the daily limit (for the daily usage endpoint). */
  usage(now: Instant): { readonly used: number; readonly limit: number | null } {
    this.rollDay(now);
    this.catchUpOthers(now);
    return { used: this.usedToday, limit: this.daily };
  }

  peakTenSecondly(app: string): number {
    return this.peaks.get(app) ?? 0;
  }

  requestsToday(app?: string): number {
    return app === undefined ? this.usedToday : (this.appToday.get(app) ?? 0);
  }

  /** The `X-HubSpot-RateLimit-*` headers of a non-search answer (no daily pair when the daily limit is off). */
  private headers(remaining: number): Record<string, string> {
    return {
      ...(this.tenSecondly === null
        ? {}
        : {
            'X-HubSpot-RateLimit-Interval-Milliseconds': String(INTERVAL),
            'X-HubSpot-RateLimit-Max': String(this.tenSecondly),
            'X-HubSpot-RateLimit-Remaining': String(Math.max(0, remaining)),
          }),
      ...(this.daily === null
        ? {}
        : {
            'X-HubSpot-RateLimit-Daily': String(this.daily),
            'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, this.daily - this.usedToday)),
          }),
    };
  }

  private catchUpOthers(now: Instant): void {
    if (!this.other) return;
    const { count, recent } = this.other.requestsUntil(now, now - INTERVAL);
    this.usedToday += count;
    for (const at of recent) this.others.add(at);
  }

  private windowOf(app: string): RollingWindow {
    let window = this.perApp.get(app);
    if (!window) {
      window = new RollingWindow(INTERVAL);
      this.perApp.set(app, window);
    }
    return window;
  }

  private rollDay(now: Instant): void {
    const day = DateTime.fromMillis(now, { zone: this.timeZone }).toISODate() ?? '';
    if (day !== this.day) {
      this.usedToday = this.day === '' ? this.othersAtStart : 0;
      this.day = day;
      this.appToday.clear();
    }
  }
}
