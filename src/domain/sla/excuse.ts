import type { Outage, SlaInstance } from '../model.ts';
import { contains, type Instant } from '../time.ts';

/**
 * A breach is excused (reported, but the rep is not blamed) when its deadline fell inside a known
 * HubSpot or Slack outage, or when the bot itself first saw the handoff only at or after the
 * deadline (the rep was never pinged in time: system delay, not rep delay).
 */
export function isExcused(deadline: Instant, instance: SlaInstance, outages: readonly Outage[]): boolean {
  if (instance.firstSeenAt >= deadline) return true;
  for (const outage of outages) if (contains(outage, deadline)) return true;
  return false;
}
