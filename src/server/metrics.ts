import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RateLimitReading } from '../hubspot/rate-limit-headers.ts';
import type { Budget } from '../hubspot/request-budget.ts';
import type { WorkerEvents } from '../worker/events.ts';

/** Hooks adapters call for what the worker's events do not see (HubSpot requests and 429s). */
export interface MetricsHooks {
  hubspotRequest(status: number | 'network'): void;
  /** For adapters that only count: the running total of HubSpot requests (the delta is added). */
  hubspotRequestTotal(total: number): void;
  slackRequest(method: string, status: 'ok' | 'rate_limited' | 'error'): void;
  /** A Slack post that may or may not have gone through, settled by looking for it (SD-8). */
  slackAmbiguousSend(resolution: 'found' | 'not_found' | 'unverifiable'): void;
  /** HubSpot's rate-limit headers of an answer and sla-bot's budget after it. */
  hubspotRateLimit(reading: RateLimitReading, budget: Budget): void;
}

export interface Metrics extends MetricsHooks {
  readonly registry: Registry;
}

/**
 * The Prometheus metrics of the worker, fed by its lifecycle events: cycle duration, handoffs,
 * verdicts by kind, Slack sends and failures, queue depth, instance role; HubSpot requests and
 * 429s come through `hubspotRequest`. A registry of its own, so tests and several workers in one
 * process do not share counters.
 */
export function createMetrics(events: WorkerEvents, options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'sla_bot_' });
  const registers = [registry];
  const counter = <L extends string = string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter<L>({ name, help, labelNames, registers });
  const gauge = <L extends string = string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Gauge<L>({ name, help, labelNames, registers });
  const histogram = <L extends string = string>(
    name: string,
    help: string,
    buckets: number[],
    labelNames: readonly L[] = [],
  ) => new Histogram<L>({ name, help, buckets, labelNames, registers });

  const cycleDuration = histogram(
    'sla_bot_cycle_duration_seconds',
    'Duration of worker cycles (poll, judge, deliver)',
    [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    ['outcome'],
  );
  const cycles = counter('sla_bot_cycles_total', 'Worker cycles by outcome', ['outcome']);
  const handoffs = counter('sla_bot_handoffs_total', 'Handoffs read from HubSpot');
  const recorded = counter('sla_bot_notifications_recorded_total', 'Outbox rows recorded');
  const verdicts = gauge('sla_bot_verdicts', 'Open instances by first-contact verdict', ['kind']);
  const hubspot = counter('sla_bot_hubspot_requests_total', 'HubSpot API requests by status', ['status']);
  const hubspot429 = counter('sla_bot_hubspot_rate_limited_total', 'HubSpot 429 responses');
  const slackApi = counter('sla_bot_slack_requests_total', 'Slack Web API calls by result', [
    'method',
    'status',
  ]);
  const sends = counter('sla_bot_slack_sends_total', 'Messages delivered to Slack', ['kind']);
  const ambiguous = counter(
    'sla_bot_slack_ambiguous_sends_total',
    'Slack posts whose answer was lost, by what looking for them found (unverifiable: sent at most once)',
    ['resolution'],
  );
  const failures = counter('sla_bot_slack_send_failures_total', 'Slack deliveries that failed', ['result']);
  const skipped = counter(
    'sla_bot_notifications_skipped_total',
    'Notifications no longer relevant at delivery (stale, contacted)',
  );
  const lateness = histogram(
    'sla_bot_delivery_lateness_seconds',
    'Delivery time minus due time',
    [1, 5, 15, 30, 60, 300, 900, 3600],
  );
  const queue = gauge('sla_bot_outbox_pending', 'Outbox rows due and still pending after the last delivery');
  const role = gauge('sla_bot_instance_role', '1 for the role this instance has', ['role']);
  const outage = gauge('sla_bot_outage', '1 while an external system is in outage', ['system']);
  const held = gauge(
    'sla_bot_open_instances',
    'Open SLA instances by how the worker holds them: whole in memory, or compact (settled; read from the store when they change)',
    ['form'],
  );
  const lastSuccess = gauge('sla_bot_last_success_timestamp_seconds', 'End of the last successful cycle');
  const rateMax = gauge(
    'sla_bot_hubspot_ratelimit_max',
    "The portal's HubSpot burst limit per interval (X-HubSpot-RateLimit-Max)",
  );
  const rateRemaining = gauge(
    'sla_bot_hubspot_ratelimit_remaining',
    "Requests left in the portal's burst window, all integrations (X-HubSpot-RateLimit-Remaining)",
  );
  const dailyLimit = gauge(
    'sla_bot_hubspot_ratelimit_daily',
    "The account's daily HubSpot limit (X-HubSpot-RateLimit-Daily)",
  );
  const dailyRemaining = gauge(
    'sla_bot_hubspot_ratelimit_daily_remaining',
    'Requests left today, all integrations (X-HubSpot-RateLimit-Daily-Remaining)',
  );
  const budgetGauge = gauge(
    'sla_bot_hubspot_budget_per_interval',
    'Requests sla-bot allows itself per burst interval (its share, less when others drain the pool)',
  );
  const pollInterval = gauge(
    'sla_bot_poll_interval_seconds',
    'The poll interval in force (poll.every, or what auto came to from the day’s HubSpot budget)',
  );
  const requestsPerPoll = gauge(
    'sla_bot_hubspot_requests_per_poll',
    'HubSpot requests sla-bot made per poll, running average (what poll.every auto paces by)',
  );
  events.on('poll:pace', (e) => {
    pollInterval.set(e.everyMs / 1000);
    if (e.requestsPerPoll !== null) requestsPerPoll.set(e.requestsPerPoll);
  });
  role.set({ role: 'leader' }, 0);
  role.set({ role: 'follower' }, 1);

  events.on('cycle:done', (e) => {
    cycleDuration.observe({ outcome: e.outcome }, e.durationMs / 1000);
    cycles.inc({ outcome: e.outcome });
    handoffs.inc(e.handoffs);
    recorded.inc(e.recorded);
    if (e.outcome === 'ok') lastSuccess.set(e.now / 1000);
  });
  events.on('verdicts', (v) => {
    for (const kind of ['pending', 'met', 'breached', 'excused'] as const) verdicts.set({ kind }, v[kind]);
  });
  events.on('open:held', (e) => {
    held.set({ form: 'whole' }, e.whole);
    held.set({ form: 'compact' }, e.compact);
  });
  events.on('notify:sent', (e) => {
    sends.inc({ kind: e.kind });
    lateness.observe(e.lateBy / 1000);
  });
  events.on('notify:retry', () => failures.inc({ result: 'retry' }));
  events.on('notify:failed', () => failures.inc({ result: 'failed' }));
  events.on('notify:skipped', () => skipped.inc());
  events.on('queue:depth', (e) => queue.set(e.pending));
  events.on('role:changed', (e) => {
    role.set({ role: 'leader' }, e.role === 'leader' ? 1 : 0);
    role.set({ role: 'follower' }, e.role === 'follower' ? 1 : 0);
  });
  events.on('outage:start', (e) => outage.set({ system: e.system }, 1));
  events.on('outage:end', (e) => outage.set({ system: e.system }, 0));

  let hubspotSeen = 0;
  return {
    registry,
    hubspotRequestTotal: (total) => {
      if (total > hubspotSeen) hubspot.inc({ status: 'any' }, total - hubspotSeen);
      hubspotSeen = Math.max(hubspotSeen, total);
    },
    hubspotRequest: (status) => {
      hubspot.inc({ status: String(status) });
      if (status === 429) hubspot429.inc();
    },
    slackRequest: (method, status) => slackApi.inc({ method, status }),
    slackAmbiguousSend: (resolution) => ambiguous.inc({ resolution }),
    hubspotRateLimit: (reading, budget) => {
      budgetGauge.set(budget.perInterval);
      if (reading.burst) {
        rateMax.set(reading.burst.max);
        rateRemaining.set(reading.burst.remaining);
      }
      if (reading.daily) {
        dailyLimit.set(reading.daily.limit);
        dailyRemaining.set(reading.daily.remaining);
      }
    },
  };
}
