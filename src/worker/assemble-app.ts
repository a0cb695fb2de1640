import { hostname } from 'node:os';
import type { Clock } from '../clock/clock.ts';
import type { Env } from '../config/env.ts';
import { summarizeConfigChange } from '../config/summarize-config-change.ts';
import type { SlaConfig } from '../config/types.ts';
import type { Millis } from '../domain/time.ts';
import type { HubSpotSource, Timing } from '../hubspot/index.ts';
import { watchedProperties } from '../hubspot/webhooks/events.ts';
import type { Logger } from '../log/logger.ts';
import type { CrmSource } from '../ports/crm-source.ts';
import type { LeadWriter } from '../ports/lead-writer.ts';
import type { Notifier } from '../ports/notifier.ts';
import type { Store } from '../ports/store.ts';
import type { DigestPoster } from '../reports/digest/send-digests.ts';
import { workerReports } from '../reports/worker-reports.ts';
import { dashboardSignIn } from '../server/dashboard/auth/dashboard-sign-in.ts';
import { HttpListeners } from '../server/http-listeners.ts';
import { createMetrics, type Metrics } from '../server/metrics.ts';
import { healthzRoute, readyzRoute } from '../server/routes/health.ts';
import { hubspotWebhookRoute } from '../server/routes/hubspot-webhook.ts';
import { metricsRoute } from '../server/routes/metrics.ts';
import type { SlackApp } from '../slack/app.ts';
import { type ConfigHolder, type ConfigLoader, ConfigReloader } from './config-reloader.ts';
import { type CycleOutcome, WorkerEvents } from './events.ts';
import { CrmMirror } from './mirror/crm-mirror.ts';
import { PollPace } from './poll/poll-pace.ts';
import { slaEngine } from './sla-engine.ts';
import { DEFAULT_WORKER_OPTIONS, Worker, type WorkerOptions } from './worker.ts';

/**
 * The running application around already built adapters: the worker, hot reload of the SLA file,
 * metrics, reports and the HTTP server. `buildApp` (src/main.ts) builds the adapters and calls
 * `assembleApp`; tests and the demo may call it with their own adapters.
 */

export interface AppInput {
  readonly env: Env;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly cwd: string;
  /** One cycle and exit: no HTTP server, no file watching. */
  readonly once: boolean;
  /** Log messages instead of sending; state goes to a throw-away SQLite store. */
  readonly dryRun: boolean;
  readonly workerOptions?: Partial<WorkerOptions>;
  /**
   * Sleep and randomness of the HubSpot client's retries, and the waits between start-up attempts
   * (default: real timers).
   */
  readonly hubspotTiming?: Timing;
  /** Aborted on SIGTERM/SIGINT: start-up stops waiting for HubSpot or Slack (`sla_startup_stopped`). */
  readonly signal?: AbortSignal;
}

export interface App {
  readonly events: WorkerEvents;
  readonly metrics: Metrics;
  /** One full cycle; `standby` when another instance holds the lease. */
  runOnce(): Promise<CycleOutcome | 'standby'>;
  /** Starts the schedule, the HTTP server and hot reload. */
  start(): Promise<void>;
  /** The HTTP port once started (useful with PORT=0). */
  port(): number | null;
  /** The PUBLIC_PORT listener's port once started; `null` without PUBLIC_PORT. */
  publicPort(): number | null;
  /** Finishes or abandons the cycle under way, releases the lease, closes everything. */
  close(): Promise<void>;
}

export interface Assembly {
  readonly input: AppInput;
  /** The SLA file, absolute (watched for hot reload). */
  readonly file: string;
  readonly load: ConfigLoader;
  readonly holder: ConfigHolder;
  readonly store: Store;
  readonly crm: CrmSource | HubSpotSource;
  readonly notifier: Notifier;
  /** Buttons, /sla and App Home (Socket Mode or HTTP); `null` for --once and --dry-run. */
  readonly slackApp: SlackApp | null;
  /** Weekly digests to managers (Slack DMs); absent or `null` = no digest. */
  readonly digestPoster?: DigestPoster | null;
  /** HubSpot write-back (outcomes, breach tasks); absent or `null`: none (dry run). */
  readonly leadWriter?: LeadWriter | null;
  /**
   * Events and metrics already fed by the adapters (`buildApp` observes HubSpot and Slack requests).
   * Absent: created here, and HubSpot requests are counted from the source's `requestCount`.
   */
  readonly events?: WorkerEvents;
  readonly metrics?: Metrics;
  /**
   * The poll interval, fed with HubSpot's answers by `buildApp`. Absent: created here, and `auto`
   * paces by what it assumes (a Starter portal, ten requests a poll).
   */
  readonly pace?: PollPace;
}

/** The cycles that start a scheduled poll: the requests between two of them are what a poll costs. */
const POLLS = new Set(['start', 'poll', 'became-leader', 'once']);

/** HubSpot's daily-limit pause as the source's gateway holds it (`/readyz` explains it). */
const pauseOf = (crm: HubSpotSource) => () => crm.client.api.dailyPause;

/** Wires worker, hot reload, metrics and HTTP around already built adapters. */
export function assembleApp(a: Assembly): App {
  const { env, clock, logger } = a.input;
  const events = a.events ?? new WorkerEvents();
  const metrics = a.metrics ?? createMetrics(events);
  if (a.metrics === undefined && 'requestCount' in a.crm) {
    const crm = a.crm;
    events.on('cycle:done', () => metrics.hubspotRequestTotal(crm.requestCount));
  }
  const pace =
    a.pace ?? new PollPace({ config: () => a.holder.current, zone: () => a.holder.current.timezone });
  let pacedAt: Millis | null = null;
  events.on('cycle:start', ({ reason, now }) => {
    if (!POLLS.has(reason)) return;
    pace.pollStarted();
    const everyMs = pace.every(now);
    events.emit('poll:pace', { everyMs, requestsPerPoll: pace.requestsPerPoll });
    if (everyMs !== pacedAt)
      logger.info(
        { everyMs, requestsPerPoll: pace.requestsPerPoll, auto: a.holder.current.poll.every === 'auto' },
        'poll interval set',
      );
    pacedAt = everyMs;
  });
  const worker = new Worker({
    pace,
    crm: a.crm,
    store: a.store,
    notifier: a.notifier,
    leadWriter: a.leadWriter ?? null,
    engine: slaEngine,
    clock,
    logger,
    events,
    config: a.holder,
    holder: `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
    options: { ...DEFAULT_WORKER_OPTIONS, ...a.input.workerOptions },
    mirror: new CrmMirror(),
  });
  const reloader = new ConfigReloader({
    path: a.file,
    holder: a.holder,
    load: a.load,
    summarize: summarizeConfigChange,
    check: (config: SlaConfig) => a.crm.verify(config),
    store: a.store,
    clock,
    events,
    logger,
  });
  const reports = workerReports({
    store: a.store,
    config: () => a.holder.current,
    owners: () => a.crm.owners(),
    clock,
    logger,
    dashboardToken: env.DASHBOARD_TOKEN ?? null,
    signIn: dashboardSignIn(env, logger),
    digestPoster: a.digestPoster ?? null,
    isLeader: () => worker.health().role === 'leader',
  });
  const server = new HttpListeners(
    { host: env.HOST, port: env.PORT, publicHost: env.PUBLIC_HOST, publicPort: env.PUBLIC_PORT, logger },
    {
      private: [
        healthzRoute(),
        readyzRoute({
          clock,
          health: () => worker.health(),
          maxAge: () => Math.max(3 * worker.pollEvery, 60_000),
          ...('client' in a.crm ? { hubspotPause: pauseOf(a.crm) } : {}),
        }),
        metricsRoute(metrics.registry),
        ...reports.routes,
      ],
      // What the internet must reach; on PUBLIC_PORT when it is set (README "Security").
      public: [
        ...(env.HUBSPOT_CLIENT_SECRET === undefined
          ? []
          : [
              hubspotWebhookRoute({
                secret: env.HUBSPOT_CLIENT_SECRET,
                clock,
                logger,
                watched: () => watchedProperties(a.holder.current),
                accept: (contactIds) => worker.ingestContacts(contactIds),
              }),
            ]),
        ...(a.slackApp?.routes ?? []),
      ],
    },
  );
  let ports: { main: number; public: number | null } | null = null;
  let started = false;
  return {
    events,
    metrics,
    runOnce: async () => (await worker.runOnce())?.outcome ?? 'standby',
    start: async () => {
      started = true;
      ports = await server.listen();
      await reloader.start();
      await a.slackApp?.start();
      worker.start();
      reports.start();
    },
    port: () => ports?.main ?? null,
    publicPort: () => ports?.public ?? null,
    close: async () => {
      reports.stop();
      reloader.stop();
      await worker.stop();
      await a.slackApp?.stop();
      if (started) await server.close();
      await a.store.close();
    },
  };
}
