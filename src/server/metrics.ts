import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { WorkerEvents } from '../worker/events.ts';

/** Hooks adapters call for what the worker's events do not see (HubSpot requests and 429s). */
export interface MetricsHooks {
  hubspotRequest(status: number | 'network'): void;
  /** For adapters that only count: the running total of HubSpot requests (the delta is added). */
  hubspotRequestTotal(total: number): void;
  slackRequest(method: string, status: 'ok' | 'rate_limited' | 'error'): void;
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
  const r = [registry];
  const cycleDuration = new Histogram({
    name: 'sla_bot_cycle_duration_seconds',
    help: 'Duration of worker cycles (poll, judge, deliver)',
    labelNames: ['outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
    registers: r,
  });
  const cycles = new Counter({
    name: 'sla_bot_cycles_total',
    help: 'Worker cycles by outcome',
    labelNames: ['outcome'],
    registers: r,
  });
  const handoffs = new Counter({
    name: 'sla_bot_handoffs_total',
    help: 'Handoffs read from HubSpot',
    registers: r,
  });
  const recorded = new Counter({
    name: 'sla_bot_notifications_recorded_total',
    help: 'Outbox rows recorded',
    registers: r,
  });
  const verdicts = new Gauge({
    name: 'sla_bot_verdicts',
    help: 'Open instances by first-contact verdict',
    labelNames: ['kind'],
    registers: r,
  });
  const hubspot = new Counter({
    name: 'sla_bot_hubspot_requests_total',
    help: 'HubSpot API requests by status',
    labelNames: ['status'],
    registers: r,
  });
  const hubspot429 = new Counter({
    name: 'sla_bot_hubspot_rate_limited_total',
    help: 'HubSpot 429 responses',
    registers: r,
  });
  const slackApi = new Counter({
    name: 'sla_bot_slack_requests_total',
    help: 'Slack Web API calls by result',
    labelNames: ['method', 'status'],
    registers: r,
  });
  const sends = new Counter({
    name: 'sla_bot_slack_sends_total',
    help: 'Messages delivered to Slack',
    labelNames: ['kind'],
    registers: r,
  });
  const failures = new Counter({
    name: 'sla_bot_slack_send_failures_total',
    help: 'Slack deliveries that failed',
    labelNames: ['result'],
    registers: r,
  });
  const skipped = new Counter({
    name: 'sla_bot_notifications_skipped_total',
    help: 'Notifications no longer relevant at delivery (stale, contacted)',
    registers: r,
  });
  const lateness = new Histogram({
    name: 'sla_bot_delivery_lateness_seconds',
    help: 'Delivery time minus due time',
    buckets: [1, 5, 15, 30, 60, 300, 900, 3600],
    registers: r,
  });
  const queue = new Gauge({
    name: 'sla_bot_outbox_pending',
    help: 'Outbox rows due and still pending after the last delivery',
    registers: r,
  });
  const role = new Gauge({
    name: 'sla_bot_instance_role',
    help: '1 for the role this instance has',
    labelNames: ['role'],
    registers: r,
  });
  const outage = new Gauge({
    name: 'sla_bot_outage',
    help: '1 while an external system is in outage',
    labelNames: ['system'],
    registers: r,
  });
  const lastSuccess = new Gauge({
    name: 'sla_bot_last_success_timestamp_seconds',
    help: 'End of the last successful cycle',
    registers: r,
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
  };
}
