import type { Instant } from '../../domain/time.ts';
import { RollingWindow } from '../shared/rolling-window.ts';
import { TokenBucket } from '../shared/token-bucket.ts';

/** Slack's rate-limit tiers (per method, per workspace, per app); `special` = chat.postMessage. */
export type Tier = 1 | 2 | 3 | 4 | 'special';

export interface SlackRateLimitOptions {
  /** Messages per second per channel (chat.postMessage). Default 1. `null` = off. */
  readonly messagesPerSecond?: number | null;
  /** Short bursts allowed above the rate: up to `burst` messages at once (a token bucket). Default 1. */
  readonly burst?: number;
  /** Calls per minute per method, by tier (Slack's documented floors: 1, 20, 50, 100). `false` = off. */
  readonly tiers?: Partial<Record<1 | 2 | 3 | 4, number>> | false;
  /**
   * How a limited call is answered: `http429` (HTTP 429, `Retry-After`, `{ok:false,error:'ratelimited'}`)
   * or `body` (HTTP 200 `{ok:false,error:'rate_limited'}`, chat.postMessage's other form). Default `http429`.
   */
  readonly mode?: 'http429' | 'body';
  /**
   * Which app cohort `conversations.history` / `.replies` are limited for. `non_marketplace` (default,
   * the stricter): 1 request per minute and `limit` at most 15 — apps commercially distributed outside
   * the Marketplace since 2025-05-29, their existing installations since 2026-03-03. `internal`: Tier 3
   * and `limit` up to 999 (Marketplace and internal customer-built apps). docs.slack.dev/reference/methods/conversations.history
   */
  readonly historyCohort?: HistoryCohort;
}

export type HistoryCohort = 'non_marketplace' | 'internal';

/** Methods whose limits depend on the app's cohort (see `historyCohort`). */
const HISTORY_METHODS: ReadonlySet<string> = new Set(['conversations.history', 'conversations.replies']);

const TIER_DEFAULTS = { 1: 1, 2: 20, 3: 50, 4: 100 } as const;

/** Slack's limits on the sandbox's clock. Returns seconds to wait, or `null` when the call may go. */
export class SlackRateLimiter {
  readonly mode: 'http429' | 'body';
  readonly historyCohort: HistoryCohort;
  private readonly perChannel = new Map<string, TokenBucket>();
  private readonly perMethod = new Map<string, RollingWindow>();
  private readonly messagesPerSecond: number | null;
  private readonly burst: number;
  private readonly tiers: Record<1 | 2 | 3 | 4, number> | null;

  constructor(options: SlackRateLimitOptions = {}) {
    this.mode = options.mode ?? 'http429';
    this.historyCohort = options.historyCohort ?? 'non_marketplace';
    this.messagesPerSecond = options.messagesPerSecond === undefined ? 1 : options.messagesPerSecond;
    this.burst = Math.max(1, options.burst ?? 1);
    this.tiers = options.tiers === false ? null : { ...TIER_DEFAULTS, ...options.tiers };
  }

  /** Per-method tier limit (rolling minute). */
  method(method: string, tier: Tier, now: Instant): number | null {
    if (tier === 'special' || this.tiers === null) return null;
    const perMinute =
      HISTORY_METHODS.has(method) && this.historyCohort === 'non_marketplace' ? 1 : this.tiers[tier];
    return take(this.windowFor(this.perMethod, method, 60_000), perMinute, now);
  }

  /** The largest `limit` a history page may have for this cohort (a larger one is cut down to it). */
  historyPageLimit(): number {
    return this.historyCohort === 'non_marketplace' ? 15 : 999;
  }

  /** chat.postMessage's ~1 message per second per channel. */
  channelMessage(channel: string, now: Instant): number | null {
    if (this.messagesPerSecond === null) return null;
    let bucket = this.perChannel.get(channel);
    if (!bucket) {
      bucket = new TokenBucket(this.burst, this.messagesPerSecond);
      this.perChannel.set(channel, bucket);
    }
    return bucket.take(now);
  }

  private windowFor(map: Map<string, RollingWindow>, key: string, size: number): RollingWindow {
    let window = map.get(key);
    if (!window) {
      window = new RollingWindow(size);
      map.set(key, window);
    }
    return window;
  }
}

function take(window: RollingWindow, capacity: number, now: Instant): number | null {
  if (window.count(now) < capacity) {
    window.add(now);
    return null;
  }
  return Math.max(1, Math.ceil((window.nextSlotAt(now) - now) / 1000));
}
