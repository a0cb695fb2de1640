import { DateTime } from 'luxon';
import type { Instant, Millis } from '../domain/time.ts';

/** How often a daily pause asks HubSpot whether calls are allowed again (HR-16). */
export const DAILY_PROBE_EVERY: Millis = 15 * 60_000;

/**
 * HubSpot answered 429 `DAILY`: the account's requests for the day are spent (HR-7). No call goes
 * out until `until` (the portal's next midnight) except the probe, which ends the pause early when
 * HubSpot serves it (the limit was raised, e.g. an API limit increase bought that day).
 */
export interface DailyPause {
  readonly reason: 'daily_limit';
  /** When HubSpot first refused. */
  readonly since: Instant;
  /** The next midnight in `zone`, when HubSpot counts a new day. */
  readonly until: Instant;
  /** The portal's time zone (IANA). */
  readonly zone: string;
  /** When the probe asks next (never after `until`); `until` when there is no probe. */
  readonly nextProbeAt: Instant;
}

const at = (instant: Instant, zone: string): DateTime => {
  const local = DateTime.fromMillis(instant, { zone });
  return local.isValid ? local : DateTime.fromMillis(instant, { zone: 'utc' });
};

/** The next midnight in `zone` after `now` (UTC for a zone luxon does not know). */
export const nextMidnight = (now: Instant, zone: string): Instant =>
  at(now, zone).plus({ days: 1 }).startOf('day').toMillis();

/** `00:00 Tue 3 Mar 2026 (Europe/Amsterdam)`: a moment as people in the portal read it. */
export const portalTime = (instant: Instant, zone: string): string => {
  const local = at(instant, zone);
  return `${local.toFormat('HH:mm ccc d LLL yyyy')} (${local.zoneName ?? zone})`;
};
