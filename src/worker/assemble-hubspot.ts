import type { SlaConfig } from '../config/types.ts';
import {
  createHubSpotClient,
  createHubSpotLeadWriter,
  createHubSpotSource,
  type HubSpotSource,
} from '../hubspot/index.ts';
import { createLimiters } from '../hubspot/limiter.ts';
import { realTiming } from '../hubspot/retry-policy.ts';
import type { LeadWriter } from '../ports/lead-writer.ts';
import type { Store } from '../ports/store.ts';
import type { Metrics } from '../server/metrics.ts';
import type { AppInput } from './assemble-app.ts';
import type { ConfigHolder } from './config-reloader.ts';
import { watchHubSpotBudget } from './observe/hubspot-budget.ts';
import { observeHubSpotLimiters } from './observe/hubspot-requests.ts';
import { PollPace } from './poll/poll-pace.ts';
import { reloadingLeadWriter } from './write-back/reloading-lead-writer.ts';

/**
 * The HubSpot adapters of the running bot: one client (one request budget) behind the lead source
 * and the write-back, its rate limiters, the daily-budget watch and the poll pace they feed. Built
 * only by the composition root (`buildApp`, src/main.ts). Its one reason to change: how the HubSpot
 * side is put together.
 */

/** What the HubSpot adapters are built around. */
export interface HubSpotWiring {
  /** HUBSPOT_ACCESS_TOKEN, checked to be set. */
  readonly accessToken: string;
  /** The SLA file as loaded at start-up. */
  readonly config: SlaConfig;
  readonly holder: ConfigHolder;
  /** Where a low daily budget is told to the admins (through the outbox). */
  readonly store: Store;
  readonly metrics: Metrics;
}

export interface HubSpotAdapters {
  readonly crm: HubSpotSource;
  /** HubSpot write-back; `null` for a dry run. */
  readonly leadWriter: LeadWriter | null;
  /** The poll interval, fed with HubSpot's answers. */
  readonly pace: PollPace;
}

export function assembleHubSpot(input: AppInput, w: HubSpotWiring): HubSpotAdapters {
  const { env, clock, logger } = input;
  const { accessToken, config, holder, store, metrics } = w;
  // One client for the source and the writer (one request budget). Its limiters follow HubSpot's
  // rate-limit headers (hubspot.budget_share of the portal's limit) and see every HTTP attempt, which
  // is where HubSpot's statuses and 429s reach /metrics; a low daily budget is told to the admins.
  const limiters = createLimiters(() => holder.current.hubspot, {
    clock,
    sleep: (ms) => (input.hubspotTiming ?? realTiming).sleep(ms),
  });
  // `poll.every: auto` paces polling by what HubSpot's answers say of the day's budget.
  const pace = new PollPace({
    config: () => holder.current,
    zone: () => client.portal.timeZone,
    webhooks: env.HUBSPOT_CLIENT_SECRET !== undefined,
  });
  const watchBudget = watchHubSpotBudget({
    logger,
    clock,
    zone: () => (client.portal.zoneKnown ? client.portal.timeZone : null),
    alert: (entry, now) => store.enqueue([entry], now),
    gauges: metrics,
  });
  const client = createHubSpotClient({
    accessToken,
    basePath: env.HUBSPOT_BASE_URL,
    config,
    logger,
    clock,
    limiters: observeHubSpotLimiters(limiters, metrics.hubspotRequest),
    onResponse: (status, headers) => {
      const { reading, budget } = limiters.observe(status, headers);
      watchBudget(reading, budget);
      pace.answered(reading.daily);
    },
    ...(input.hubspotTiming ? { timing: input.hubspotTiming } : {}),
  });
  const crm = createHubSpotSource({
    accessToken,
    basePath: env.HUBSPOT_BASE_URL,
    config,
    logger,
    clock,
    client,
  });
  // A dry run writes nothing to HubSpot either. The writer follows hot reloads of the SLA file.
  const leadWriter = input.dryRun
    ? null
    : reloadingLeadWriter(
        () => holder.current,
        (current) => createHubSpotLeadWriter({ client, config: current, logger, clock }),
      );
  return { crm, leadWriter, pace };
}
