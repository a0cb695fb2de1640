import type { Instant, Millis } from '../domain/time.ts';
import type { BurstReading } from './rate-limit-headers.ts';

/** How much of the portal's burst limit sla-bot may take (`hubspot.budget_share`, `requests_per_ten_seconds`). */
export interface BudgetSettings {
  /** Share of `X-HubSpot-RateLimit-Max`, in (0, 1]. */
  readonly share: number;
  /** Hard cap per rolling 10 s, or `null` for none. */
  readonly capPerTenSeconds: number | null;
}

/** Until HubSpot's headers arrive: a Free/Starter private app, the smallest limit there is (HR-1). */
export const ASSUMED_LIMIT: BurstReading = { max: 100, remaining: 100, intervalMs: 10_000 };

/** Left free for what the estimate cannot see (requests in flight, latency jitter): a tenth of the limit. */
export const HEADROOM_SHARE = 0.1;

/** The portal's burst pool as of one answer: its limit, and how much of it others were using. */
export interface PoolEstimate {
  readonly max: number;
  readonly intervalMs: Millis;
  /** Requests in the window that were not sla-bot's (other integrations of the portal). */
  readonly others: number;
  readonly at: Instant;
}

/** What bounds the budget: the assumed Starter limit, the share, the hard cap, or others' use. */
export type BudgetReason = 'assumed' | 'share' | 'cap' | 'others';

export interface Budget {
  /** Requests sla-bot may start per rolling interval. */
  readonly perInterval: number;
  readonly intervalMs: Millis;
  /** The portal's limit per interval (assumed until HubSpot said). */
  readonly max: number;
  /** Others' requests in the window, as last estimated. */
  readonly others: number;
  readonly reason: BudgetReason;
}

/**
 * The pool as one answer shows it: `max − remaining` requests were in the window, `ownCounted` of
 * them ours (answers HubSpot counted, this one included), so the rest are others'. Our requests still
 * in flight may already be counted too: they show up as others', which errs on the safe side.
 */
export function estimatePool(burst: BurstReading, ownCounted: number, at: Instant): PoolEstimate {
  const used = burst.max - burst.remaining;
  return { max: burst.max, intervalMs: burst.intervalMs, others: Math.max(0, used - ownCounted), at };
}

/**
 * sla-bot's budget per interval: at most `share` of the portal's limit, at most the hard cap, and never
 * more than what others leave free minus the headroom. At least one request per interval, so a fresh
 * answer can tell when others slow down.
 */
export function budgetFor(settings: BudgetSettings, pool: PoolEstimate | null): Budget {
  const max = pool?.max ?? ASSUMED_LIMIT.max;
  const intervalMs = pool?.intervalMs ?? ASSUMED_LIMIT.intervalMs;
  const others = pool?.others ?? 0;
  const byShare = Math.max(1, Math.floor(max * settings.share));
  const byCap =
    settings.capPerTenSeconds === null
      ? Number.POSITIVE_INFINITY
      : Math.max(1, Math.floor((settings.capPerTenSeconds * intervalMs) / 10_000));
  const byOthers = max - others - Math.ceil(max * HEADROOM_SHARE);
  const perInterval = Math.max(1, Math.min(byShare, byCap, byOthers));
  const reason: BudgetReason =
    byOthers < Math.min(byShare, byCap)
      ? 'others'
      : byCap < byShare
        ? 'cap'
        : pool === null
          ? 'assumed'
          : 'share';
  return { perInterval, intervalMs, max, others, reason };
}

/**
 * How long the next request must wait so that HubSpot never counts more than the budget in one
 * rolling interval. HubSpot counts a request when it arrives, some time between its start and its
 * answer, so each of our requests holds a place from its start until one interval after its answer:
 * `ends` are the answer times of our recent requests (`null` while one is in flight). `null` means
 * wait for an answer first.
 */
export function startDelay(budget: Budget, ends: readonly (Instant | null)[], now: Instant): Millis | null {
  const holding = ends.filter((end) => end === null || end > now - budget.intervalMs);
  if (holding.length < budget.perInterval) return 0;
  const answered = holding.filter((end): end is Instant => end !== null).sort((a, b) => a - b);
  const mustLeave = holding.length - budget.perInterval + 1;
  const leaving = answered[mustLeave - 1];
  return leaving === undefined ? null : Math.max(0, leaving + budget.intervalMs - now);
}

/**
 * The budget as HubSpot's answers reveal it. `observe` takes each answer that carried burst headers;
 * `current` is what the limiter paces by. Times come from the limiter's clock.
 */
export class RequestBudget {
  readonly #settings: () => BudgetSettings;
  /** When our answers that HubSpot counted (burst headers, not a 429) arrived, oldest first. */
  #counted: Instant[] = [];
  #pool: PoolEstimate | null = null;

  constructor(settings: () => BudgetSettings) {
    this.#settings = settings;
  }

  observe(burst: BurstReading, status: number, now: Instant): void {
    if (status !== 429) this.#counted.push(now);
    this.#counted = this.#counted.filter((t) => t > now - burst.intervalMs);
    this.#pool = estimatePool(burst, this.#counted.length, now);
  }

  current(): Budget {
    return budgetFor(this.#settings(), this.#pool);
  }
}
