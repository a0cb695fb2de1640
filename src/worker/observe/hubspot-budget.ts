import { DateTime } from 'luxon';
import type { Clock } from '../../clock/clock.ts';
import type { Instant } from '../../domain/time.ts';
import { DAILY_PROBE_EVERY } from '../../hubspot/daily-pause.ts';
import { HubSpotDailyLimitError } from '../../hubspot/errors.ts';
import type { DailyReading, RateLimitReading } from '../../hubspot/rate-limit-headers.ts';
import type { Budget } from '../../hubspot/request-budget.ts';
import { adminMessage } from '../../i18n/admin-message.ts';
import type { Logger } from '../../log/logger.ts';
import type { NewOutboxEntry } from '../../ports/store.ts';
import { adminAlert } from '../admin-alert.ts';

/** Below this share of `X-HubSpot-RateLimit-Daily` left, the admins hear of it (once a day). */
export const DAILY_LOW_SHARE = 0.2;

/** Whether less than `share` of the account's daily requests is left. */
export const dailyBudgetLow = (daily: DailyReading, share = DAILY_LOW_SHARE): boolean =>
  daily.remaining < daily.limit * share;

/** The outbox key of the day's warning: one a day, across restarts too. */
export const dailyLowAlertKey = (day: string): string => `admin:hubspot-daily-budget-low:${day}`;

export function dailyLowAlert(daily: DailyReading, day: string, now: Instant): NewOutboxEntry {
  const percent = Math.round((daily.remaining / daily.limit) * 100);
  const message = adminMessage('alert.budgetLow', {
    remaining: daily.remaining,
    limit: daily.limit,
    percent,
  });
  return adminAlert(dailyLowAlertKey(day), message, now);
}

/** HubSpot's daily limit as a cycle sees it: calls paused until `until`, asked again at `nextProbeAt`. */
export interface DailyLimitPause {
  readonly until: Instant;
  readonly zone: string;
  readonly nextProbeAt: Instant;
}

/** The pause a failed cycle ran into, or `null` when its failure was something else. */
export const dailyLimitPauseOf = (err: unknown): DailyLimitPause | null =>
  err instanceof HubSpotDailyLimitError
    ? { until: err.resumeAt, zone: err.zone, nextProbeAt: err.nextProbeAt }
    : null;

/** One alert per pause (its end names the portal day); across restarts too (the outbox key). */
export const dailyLimitAlertKey = (pause: DailyLimitPause): string =>
  `admin:hubspot-daily-limit:${new Date(pause.until).toISOString()}`;

export function dailyLimitAlert(pause: DailyLimitPause, now: Instant): NewOutboxEntry {
  const every = Math.round(DAILY_PROBE_EVERY / 60_000);
  const message = adminMessage('alert.dailyLimit', {
    until: pause.until,
    nextProbeAt: pause.nextProbeAt,
    zone: pause.zone,
    every,
  });
  return adminAlert(dailyLimitAlertKey(pause), message, now);
}

/** What the running app reports about HubSpot's limits (the `/metrics` gauges). */
export interface RateLimitGauges {
  hubspotRateLimit(reading: RateLimitReading, budget: Budget): void;
}

export interface BudgetWatchDeps {
  readonly logger: Logger;
  /** Wall time: which portal day it is. */
  readonly clock: Clock;
  /**
   * The portal's time zone, where HubSpot's daily limit resets; `null` while it is not known yet (the
   * first answers come before the start-up check read it): the warning waits for a later answer, so
   * it is never keyed by another day than the portal's.
   */
  readonly zone: () => string | null;
  /** Queues an admin alert (the store's outbox; the key deduplicates it). */
  readonly alert: (entry: NewOutboxEntry, now: Instant) => Promise<void>;
  readonly gauges?: RateLimitGauges;
}

/**
 * Follows HubSpot's rate-limit headers as answers come in: gauges for `/metrics`, a log line when
 * sla-bot's budget changes (tier learned, others draining the pool), and once a day a warning to
 * the admins when less than a fifth of the account's daily requests is left.
 */
export function watchHubSpotBudget(
  deps: BudgetWatchDeps,
): (reading: RateLimitReading, budget: Budget) => void {
  let last: Budget | null = null;
  let warnedOn: string | null = null;
  return (reading, budget) => {
    deps.gauges?.hubspotRateLimit(reading, budget);
    if (last === null || last.max !== budget.max || last.reason !== budget.reason) {
      deps.logger.info(
        { perInterval: budget.perInterval, max: budget.max, others: budget.others, reason: budget.reason },
        'hubspot request budget set',
      );
    }
    last = budget;
    if (!reading.daily || !dailyBudgetLow(reading.daily)) return;
    const zone = deps.zone();
    if (zone === null) return;
    const now = deps.clock.now();
    const day = DateTime.fromMillis(now, { zone }).toISODate() ?? 'unknown';
    if (warnedOn === day) return;
    warnedOn = day;
    deps.logger.warn(
      { limit: reading.daily.limit, remaining: reading.daily.remaining, day },
      'hubspot daily api budget below 20 percent',
    );
    deps.alert(dailyLowAlert(reading.daily, day, now), now).catch((err: unknown) => {
      warnedOn = null;
      deps.logger.error({ err, day }, 'could not queue the admin alert about the hubspot daily budget');
    });
  };
}
