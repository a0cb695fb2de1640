import type { Clock } from '../clock/clock.ts';
import { MINUTE, type Millis } from '../domain/time.ts';

/**
 * Remembers recently seen delivery keys (e.g. `action_ts` + user) so Slack's retried deliveries
 * do nothing twice. Bounded in time and size; the store's own idempotency is the backstop.
 */
export function createRecentKeys(clock: Clock, ttl: Millis = 10 * MINUTE, maxSize = 10_000) {
  const seenAt = new Map<string, number>();
  return {
    /** True when `key` was already seen within the TTL; records it otherwise. */
    seen(key: string): boolean {
      const now = clock.now();
      const at = seenAt.get(key);
      if (at !== undefined && now - at < ttl) return true;
      seenAt.set(key, now);
      if (seenAt.size > maxSize) {
        for (const [k, t] of seenAt) {
          if (now - t >= ttl || seenAt.size > maxSize) seenAt.delete(k);
          else break;
        }
      }
      return false;
    },
  };
}

export type RecentKeys = ReturnType<typeof createRecentKeys>;
