import { mkdtemp } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Clock } from './clock/clock.ts';
import type { Env } from './config/env.ts';
import { loadSlaConfigFile } from './config/load-sla-config.ts';
import { formatProblem } from './config/problems.ts';
import { summarizeConfigChange } from './config/summarize-config-change.ts';
import type { SlaConfig } from './config/types.ts';
import {
  createHubSpotClient,
  createHubSpotLeadWriter,
  createHubSpotSource,
  type HubSpotSource,
  type Timing,
} from './hubspot/index.ts';
import { createLimiters } from './hubspot/limiter.ts';
import type { Logger } from './log/logger.ts';
import type { CrmSource } from './ports/crm-source.ts';
import type { LeadWriter } from './ports/lead-writer.ts';
import type { Notifier } from './ports/notifier.ts';
import type { Store } from './ports/store.ts';
import type { DigestPoster } from './reports/digest/send-digests.ts';
import { slackDigestPoster } from './reports/digest/slack-digest-poster.ts';
import { userIdFrom, workerReports } from './reports/worker-reports.ts';
import { HttpServer } from './server/http-server.ts';
import { createMetrics, type Metrics } from './server/metrics.ts';
import { healthzRoute, readyzRoute } from './server/routes/health.ts';
import { metricsRoute } from './server/routes/metrics.ts';
import { createSlackApp, type SlackApp } from './slack/app.ts';
import { createSlackNotifier } from './slack/notifier.ts';
import { createSendQueue } from './slack/send-queue.ts';
import { createUserDirectory } from './slack/user-directory.ts';
import { createSlackWebClient } from './slack/web-client.ts';
import { openStore } from './store/open-store.ts';
import { ConfigHolder, type ConfigLoader, ConfigReloader } from './worker/config-reloader.ts';
import { createDryRunNotifier } from './worker/dry-run-notifier.ts';
import { describeError } from './worker/errors.ts';
import { type CycleOutcome, WorkerEvents } from './worker/events.ts';
import { observeHubSpotLimiters } from './worker/observe/hubspot-requests.ts';
import { observeSlackFetch } from './worker/observe/slack-requests.ts';
import { announceCloses } from './worker/observe/store-closes.ts';
import { slaEngine } from './worker/sla-engine.ts';
import { DEFAULT_WORKER_OPTIONS, Worker, type WorkerOptions } from './worker/worker.ts';
import { reloadingLeadWriter } from './worker/write-back/reloading-lead-writer.ts';

/** Why the worker could not start; the message is for people (stderr), exit status 1. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  readonly code: 'sla_startup_config' | 'sla_startup_env' | 'sla_startup_store' | 'sla_startup_hubspot';
  constructor(code: StartupError['code'], message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
  }
}

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
  /** Sleep and randomness of the HubSpot client's retries (default: real timers). */
  readonly hubspotTiming?: Timing;
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
  /** Finishes or abandons the cycle under way, releases the lease, closes everything. */
  close(): Promise<void>;
}

/** Loads SLA_CONFIG as `validate` does, so a rejected reload prints the same problems. */
const configLoader =
  (name: string, cwd: string): ConfigLoader =>
  async () => {
    const r = await loadSlaConfigFile(name, { cwd });
    return r.ok ? r : { ok: false, problems: r.problems.map(formatProblem) };
  };

const required = (value: string | undefined, name: string, why: string): string => {
  if (value !== undefined) return value;
  throw new StartupError('sla_startup_env', `${name} is not set: ${why} (see .env.example).`);
};

async function openStoreFor(input: AppInput): Promise<Store> {
  const url = input.dryRun
    ? join(await mkdtemp(join(tmpdir(), 'sla-bot-dry-run-')), 'dry-run.sqlite')
    : input.env.DATABASE_URL;
  if (input.dryRun)
    input.logger.warn({ store: url }, 'dry run: state goes to a throw-away store, nothing is sent');
  try {
    return await openStore(url, { logger: input.logger });
  } catch (err) {
    throw new StartupError(
      'sla_startup_store',
      `The store at DATABASE_URL could not be opened: ${describeError(err)}`,
      err,
    );
  }
}

/** The composition root: the one place that constructs adapters. */
export async function buildApp(input: AppInput): Promise<App> {
  const { env, clock, logger } = input;
  const load = configLoader(env.SLA_CONFIG, input.cwd);
  const loaded = await load(env.SLA_CONFIG);
  if (!loaded.ok) throw new StartupError('sla_startup_config', loaded.problems.join('\n'));
  const holder = new ConfigHolder(loaded.config);
  const accessToken = required(
    env.HUBSPOT_ACCESS_TOKEN,
    'HUBSPOT_ACCESS_TOKEN',
    'the worker reads leads from HubSpot',
  );
  const botToken = input.dryRun
    ? null
    : required(env.SLACK_BOT_TOKEN, 'SLACK_BOT_TOKEN', 'the worker sends to Slack');
  const store = await openStoreFor(input);
  const events = new WorkerEvents();
  const metrics = createMetrics(events);
  // One client for the source and the writer (one request budget); its limiters see every HTTP
  // attempt, which is where HubSpot's statuses and 429s reach /metrics.
  const client = createHubSpotClient({
    accessToken,
    basePath: env.HUBSPOT_BASE_URL,
    config: loaded.config,
    logger,
    clock,
    limiters: observeHubSpotLimiters(createLimiters(loaded.config.hubspot), metrics.hubspotRequest),
    ...(input.hubspotTiming ? { timing: input.hubspotTiming } : {}),
  });
  const crm = createHubSpotSource({
    accessToken,
    basePath: env.HUBSPOT_BASE_URL,
    config: loaded.config,
    logger,
    clock,
    client,
  });
  try {
    await crm.verify(loaded.config);
  } catch (err) {
    await store.close();
    throw new StartupError(
      'sla_startup_hubspot',
      `HubSpot start-up check failed: ${describeError(err)}`,
      err,
    );
  }
  // A dry run writes nothing to HubSpot either. The writer follows hot reloads of the SLA file.
  const leadWriter = input.dryRun
    ? null
    : reloadingLeadWriter(
        () => holder.current,
        (config) => createHubSpotLeadWriter({ client, config, logger, clock }),
      );
  const { notifier, slackApp, digestPoster } =
    botToken === null
      ? dryRunSlack(logger)
      : slackAdapters(input, botToken, { holder, store, crm, leadWriter, events, metrics });
  return assembleApp({
    input,
    file: resolve(input.cwd, env.SLA_CONFIG),
    load,
    holder,
    store,
    crm,
    notifier,
    slackApp,
    digestPoster,
    leadWriter,
    events,
    metrics,
  });
}

const dryRunSlack = (logger: Logger) => ({
  notifier: createDryRunNotifier(logger),
  slackApp: null,
  digestPoster: null,
});

interface SlackWiring {
  readonly holder: ConfigHolder;
  readonly store: Store;
  readonly crm: HubSpotSource;
  readonly leadWriter: LeadWriter | null;
  readonly events: WorkerEvents;
  readonly metrics: Metrics;
}

/** The notifier and the Bolt app share one WebClient, send queue and user directory. */
function slackAdapters(input: AppInput, botToken: string, w: SlackWiring) {
  const { env, clock, logger } = input;
  const { holder, store, crm } = w;
  const config = () => holder.current;
  const client = createSlackWebClient(botToken, {
    apiUrl: env.SLACK_API_URL,
    logger,
    fetch: observeSlackFetch(globalThis.fetch, w.metrics.slackRequest),
  });
  const queue = createSendQueue({ clock, logger });
  const directory = createUserDirectory({ client, store, queue, clock, config });
  const notifier = createSlackNotifier({ client, config, store, clock, logger, queue, directory });
  const slackApp = input.once
    ? null
    : createSlackApp({
        env,
        client,
        // "Not a fit" closes instances in the store; the worker hears of it and stops judging them.
        store: announceCloses(store, (closed) => w.events.emit('instance:closed', closed)),
        owners: () => crm.owners(),
        leadWriter: w.leadWriter,
        config,
        clock,
        logger,
        queue,
        directory,
      });
  const digestPoster = input.once
    ? null
    : slackDigestPoster({ client, clock, userIdOf: userIdFrom(directory) });
  return { notifier, slackApp, digestPoster };
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
}

/** Wires worker, hot reload, metrics and HTTP around already built adapters. */
export function assembleApp(a: Assembly): App {
  const { env, clock, logger } = a.input;
  const events = a.events ?? new WorkerEvents();
  const metrics = a.metrics ?? createMetrics(events);
  if (a.metrics === undefined && 'requestCount' in a.crm) {
    const crm = a.crm;
    events.on('cycle:done', () => metrics.hubspotRequestTotal(crm.requestCount));
  }
  const worker = new Worker({
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
    digestPoster: a.digestPoster ?? null,
    isLeader: () => worker.health().role === 'leader',
  });
  const server = new HttpServer({ host: env.HOST, port: env.PORT, logger }, [
    healthzRoute(),
    readyzRoute({
      clock,
      health: () => worker.health(),
      maxAge: () => Math.max(3 * worker.pollEvery, 60_000),
    }),
    metricsRoute(metrics.registry),
    ...(a.slackApp?.routes ?? []),
    ...reports.routes,
  ]);
  let port: number | null = null;
  let started = false;
  return {
    events,
    metrics,
    runOnce: async () => (await worker.runOnce())?.outcome ?? 'standby',
    start: async () => {
      started = true;
      port = await server.listen();
      await reloader.start();
      await a.slackApp?.start();
      worker.start();
      reports.start();
    },
    port: () => port,
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
