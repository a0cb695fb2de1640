import type { Instant } from '../../domain/time.ts';

/** A token bucket: `capacity` calls at once, refilled at `perSecond`. Times come from the caller's clock. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: Instant | null = null;
  private readonly capacity: number;
  private readonly perSecond: number;

  constructor(capacity: number, perSecond: number) {
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.tokens = capacity;
  }

  /** Takes a token: `null` when allowed, else the seconds (rounded up, ≥ 1) until one is available. */
  take(now: Instant): number | null {
    if (this.updatedAt !== null) {
      const elapsed = Math.max(0, now - this.updatedAt) / 1000;
      this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.perSecond);
    }
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond));
  }
}
