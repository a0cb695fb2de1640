import { DateTime } from 'luxon';
import type { SlaConfig } from '../../config/types.ts';
import { DAY, type Instant, type Millis, SECOND } from '../../domain/time.ts';
import type { DailyReading } from '../../hubspot/rate-limit-headers.ts';

/**
 * `poll.every: auto` (the default): the fastest poll interval at which a whole day of polling stays
 * within `hubspot.budget_share` of the portal's daily HubSpot limit (docs/platform-contract.md
 * HR-1, HR-2, HR-7, HR-14), and within that share of what is left of today. Handoffs are pinged
 * sooner on a big portal and a quiet one; a Starter portal that other integrations drain is polled
 * more slowly instead of running out of requests before midnight.
 */
export const AUTO_FLOOR: Millis = 5 * SECOND;
/**
 * The slowest: one poll every 5 minutes (expensive polls on a small portal, or others having used
 * most of today's requests): late pings until midnight beat none at all after a DAILY 429 (HR-7).
 */
export const AUTO_CEILING: Millis = 5 * 60 * SECOND;
/** With HubSpot webhooks on, polling is the safety net (ADR 0006): not more often than this. */
export const WEBHOOK_FLOOR: Millis = 30 * SECOND;
/** Until HubSpot says (`X-HubSpot-RateLimit-Daily`): a Free/Starter account, the smallest daily limit (HR-1). */
export const ASSUMED_DAILY_LIMIT = 250_000;
/** Until a few polls were counted: a little above the ~8–9 requests a poll measured by the bench. */
export const ASSUMED_REQUESTS_PER_POLL = 10;
/** Weight of the newest poll in the running average of requests per poll. */
const SMOOTHING = 0.2;

export interface PaceInputs {
  /** `hubspot.budget_share`, in (0, 1]. */
  readonly share: number;
  /** HubSpot requests per poll (everything sla-bot asked between two polls), or null until known. */
  readonly requestsPerPoll: number | null;
  /** The latest daily reading, or null until HubSpot sent one. */
  readonly daily: DailyReading | null;
  /** Time left until the portal's midnight, when the daily count starts again. */
  readonly leftToday: Millis;
  /** The shortest interval allowed (default `AUTO_FLOOR`; `WEBHOOK_FLOOR` with webhooks on). */
  readonly floor?: Millis;
}

/**
 * The interval, in whole seconds: slow enough that polling a whole day at this pace uses at most
 * `share` of the daily limit, and that the rest of today uses at most `share` of what is left;
 * between `AUTO_FLOOR` and `AUTO_CEILING`.
 */
export function autoPollEvery(p: PaceInputs): Millis {
  const perPoll = p.requestsPerPoll ?? ASSUMED_REQUESTS_PER_POLL;
  const limit = p.daily?.limit ?? ASSUMED_DAILY_LIMIT;
  const byDay = (perPoll * DAY) / (p.share * limit);
  const byToday =
    p.daily === null ? 0 : (perPoll * Math.max(0, p.leftToday)) / Math.max(1, p.share * p.daily.remaining);
  const every = Math.min(AUTO_CEILING, Math.max(p.floor ?? AUTO_FLOOR, byDay, byToday));
  return Math.ceil(every / SECOND) * SECOND;
}

export interface PollPaceDeps {
  readonly config: () => SlaConfig;
  /** The portal's time zone, where HubSpot's day starts again. */
  readonly zone: () => string;
  /** HubSpot webhooks bring handoffs: polling is the safety net, every `WEBHOOK_FLOOR` at most. */
  readonly webhooks?: boolean;
}

/**
 * The poll interval in force: `poll.every` when the SLA file fixes one, else `autoPollEvery` from
 * what HubSpot's answers say (requests sla-bot made per poll, the daily limit and what is left).
 */
export class PollPace {
  readonly #d: PollPaceDeps;
  #requestsSincePoll = 0;
  #polls = 0;
  #perPoll: number | null = null;
  #daily: DailyReading | null = null;

  constructor(deps: PollPaceDeps) {
    this.#d = deps;
  }

  /** A HubSpot request was answered (any status); `daily` when the answer carried the daily pair. */
  answered(daily: DailyReading | null): void {
    this.#requestsSincePoll += 1;
    if (daily !== null) this.#daily = daily;
  }

  /** A poll started: what was asked since the previous one is one sample of the cost of a poll. */
  pollStarted(): void {
    if (this.#polls > 0) {
      const sample = this.#requestsSincePoll;
      this.#perPoll = this.#perPoll === null ? sample : this.#perPoll + SMOOTHING * (sample - this.#perPoll);
    }
    this.#polls += 1;
    this.#requestsSincePoll = 0;
  }

  /** The interval at `now`. */
  every(now: Instant): Millis {
    const { poll, hubspot } = this.#d.config();
    if (poll.every !== 'auto') return poll.every;
    return autoPollEvery({
      share: hubspot.budgetShare,
      requestsPerPoll: this.#perPoll,
      daily: this.#daily,
      leftToday: untilMidnight(now, this.#d.zone()),
      floor: this.#d.webhooks === true ? WEBHOOK_FLOOR : AUTO_FLOOR,
    });
  }

  /** For logs and `/metrics`: the running average of requests per poll (null until two polls). */
  get requestsPerPoll(): number | null {
    return this.#perPoll;
  }
}

/** Milliseconds from `now` to the next midnight in `zone`. */
export function untilMidnight(now: Instant, zone: string): Millis {
  const here = DateTime.fromMillis(now, { zone });
  const midnight = here.plus({ days: 1 }).startOf('day');
  return midnight.toMillis() - now;
}

/** The fixed interval a config says, or what `auto` comes to with nothing measured yet. */
export const assumedPollEvery = (config: SlaConfig): Millis =>
  config.poll.every === 'auto'
    ? autoPollEvery({ share: config.hubspot.budgetShare, requestsPerPoll: null, daily: null, leftToday: 0 })
    : config.poll.every;
