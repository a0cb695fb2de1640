import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadSlaConfigFile } from './config/load-sla-config.ts';
import { formatProblem, formatWarning } from './config/problems.ts';
import {
  createHubSpotClient,
  createHubSpotLeadWriter,
  createHubSpotSource,
  type HubSpotSource,
} from './hubspot/index.ts';
import { createLimiters } from './hubspot/limiter.ts';
import { realTiming } from './hubspot/retry-policy.ts';
import type { Logger } from './log/logger.ts';
import type { LeadWriter } from './ports/lead-writer.ts';
import type { Store } from './ports/store.ts';
import { slackDigestPoster } from './reports/digest/slack-digest-poster.ts';
import { userIdFrom } from './reports/worker-reports.ts';
import { createMetrics, type Metrics } from './server/metrics.ts';
import { healthWhileStarting } from './server/routes/starting.ts';
import { createSlackApp, type SlackApp } from './slack/app.ts';
import { createChannelDirectory } from './slack/channel-directory.ts';
import { createSlackNotifier } from './slack/notifier.ts';
import { checkSlackScopes } from './slack/scope-check.ts';
import { createSendQueue } from './slack/send-queue.ts';
import { createUserDirectory } from './slack/user-directory.ts';
import { createSlackWebClient } from './slack/web-client.ts';
import { openStore } from './store/open-store.ts';
import { type App, type AppInput, assembleApp } from './worker/assemble-app.ts';
import { ConfigHolder, type ConfigLoader, logConfigWarnings } from './worker/config-reloader.ts';
import { createDryRunNotifier } from './worker/dry-run-notifier.ts';
import { describeError } from './worker/errors.ts';
import { WorkerEvents } from './worker/events.ts';
import { watchHubSpotBudget } from './worker/observe/hubspot-budget.ts';
import { observeHubSpotLimiters } from './worker/observe/hubspot-requests.ts';
import { withChannelChecks } from './worker/observe/slack-channel-checks.ts';
import { observeSlackFetch } from './worker/observe/slack-requests.ts';
import { announceCloses } from './worker/observe/store-closes.ts';
import { PollPace } from './worker/poll/poll-pace.ts';
import { startupAlerter } from './worker/startup-alert.ts';
import { hubspotStartupFailure, slackStartupFailure } from './worker/startup-checks.ts';
import { StartupError } from './worker/startup-error.ts';
import { abortableSleep, type StartupAttempts, startupRetry } from './worker/startup-retry.ts';
import { DEFAULT_WORKER_OPTIONS } from './worker/worker.ts';
import { reloadingLeadWriter } from './worker/write-back/reloading-lead-writer.ts';

export { type App, type AppInput, type Assembly, assembleApp } from './worker/assemble-app.ts';

export { StartupError } from './worker/startup-error.ts';

/** Loads SLA_CONFIG as `validate` does, so a rejected reload prints the same problems. */
const configLoader =
  (name: string, cwd: string): ConfigLoader =>
  async () => {
    const r = await loadSlaConfigFile(name, { cwd });
    return r.ok
      ? { ok: true, config: r.config, warnings: r.warnings.map(formatWarning) }
      : { ok: false, problems: r.problems.map(formatProblem) };
  };

const required = (value: string | undefined, name: string, why: string): string => {
  if (value !== undefined) return value;
  throw new StartupError('sla_startup_env', `${name} is not set: ${why} (see .env.example).`);
};

async function openStoreFor(input: AppInput): Promise<Store> {
  if (!input.dryRun) return openStoreAt(input.env.DATABASE_URL, input);
  // The throw-away store of a dry run goes when it is closed: with the app, or by a failed start-up.
  const dir = await mkdtemp(join(tmpdir(), 'sla-bot-dry-run-'));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  const url = join(dir, 'dry-run.sqlite');
  input.logger.warn({ store: url }, 'dry run: state goes to a throw-away store, nothing is sent');
  let store: Store;
  try {
    store = await openStoreAt(url, input);
  } catch (err) {
    await removeDir();
    throw err;
  }
  const closeStore = store.close.bind(store);
  store.close = async () => {
    try {
      await closeStore();
    } finally {
      await removeDir();
    }
  };
  return store;
}

async function openStoreAt(url: string, input: AppInput): Promise<Store> {
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
  logConfigWarnings(logger, env.SLA_CONFIG, loaded.warnings);
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
    zone: () => client.portal.timeZone,
    alert: (entry, now) => store.enqueue([entry], now),
    gauges: metrics,
  });
  const client = createHubSpotClient({
    accessToken,
    basePath: env.HUBSPOT_BASE_URL,
    config: loaded.config,
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
    config: loaded.config,
    logger,
    clock,
    client,
  });
  // A dry run writes nothing to HubSpot either. The writer follows hot reloads of the SLA file.
  const leadWriter = input.dryRun
    ? null
    : reloadingLeadWriter(
        () => holder.current,
        (config) => createHubSpotLeadWriter({ client, config, logger, clock }),
      );
  const { notifier, slackApp, digestPoster, channels, verifySlack } =
    botToken === null
      ? dryRunSlack(logger)
      : slackAdapters(input, botToken, { holder, store, crm, leadWriter, events, metrics });
  // Unreachable or failing platforms are tried again, and the admins told after the outage threshold;
  // a rejected token or a portal that does not match the SLA file ends start-up with one line.
  // From the first failed try (not for --once), PORT answers /healthz (alive) and /readyz (503, what
  // start-up waits for) until the real server takes the port over.
  const health = input.once ? null : healthWhileStarting({ host: env.HOST, port: env.PORT, logger });
  const attempts = startupAttempts(input, startupAlerter({ store, notifier, clock, logger }), (w) =>
    health?.waiting(w),
  );
  try {
    if (verifySlack !== null) await attempts('slack', verifySlack, slackStartupFailure);
    await attempts('hubspot', () => crm.verify(loaded.config), hubspotStartupFailure);
  } catch (err) {
    await health?.stop();
    await store.close();
    throw err;
  }
  await health?.stop();
  const app = assembleApp({
    pace,
    input,
    file: resolve(input.cwd, env.SLA_CONFIG),
    load,
    holder,
    store,
    crm,
    notifier,
    slackApp: slackApp === null ? null : retryingStart(slackApp, attempts),
    digestPoster,
    leadWriter,
    events,
    metrics,
  });
  return channels === null ? app : withChannelChecks(app, channels, events);
}

/** Start-up retries on the injected timing (tests) or real timers that a stop signal cuts short. */
function startupAttempts(
  input: AppInput,
  alert: Parameters<typeof startupRetry>[0]['alert'],
  onRetry: NonNullable<Parameters<typeof startupRetry>[0]['onRetry']>,
) {
  const threshold = { ...DEFAULT_WORKER_OPTIONS, ...input.workerOptions }.outageThreshold;
  const timing = input.hubspotTiming;
  return startupRetry({
    clock: input.clock,
    logger: input.logger,
    sleep: timing ? (ms) => timing.sleep(ms) : abortableSleep(input.signal),
    signal: input.signal,
    alertAfter: threshold,
    // `run --once` gives up when the worker would call it an outage; the worker keeps trying.
    giveUpAfter: input.once ? threshold : null,
    alert,
    onRetry,
  });
}

/** Bolt's start (auth.test, the Socket Mode connection) is tried again like the checks before it. */
const retryingStart = (app: SlackApp, attempts: StartupAttempts): SlackApp => ({
  ...app,
  start: () => attempts('slack', () => app.start(), slackStartupFailure),
});

const dryRunSlack = (logger: Logger) => ({
  notifier: createDryRunNotifier(logger),
  slackApp: null,
  digestPoster: null,
  channels: null,
  verifySlack: null,
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
  // The SLA file's "#name" channels become ids at start-up and on reload (SD-15); the token's scopes
  // are checked once at start-up (SD-12).
  const directoryOfChannels = createChannelDirectory({
    client,
    queue,
    store,
    clock,
    logger,
    refs: () => config().channels ?? [],
  });
  let scopesChecked = false;
  const channels = {
    idFor: directoryOfChannels.idFor,
    check: async () => {
      if (!scopesChecked) await checkSlackScopes({ client, store, clock, logger });
      scopesChecked = true;
      return directoryOfChannels.check();
    },
  };
  const notifier = createSlackNotifier({
    client,
    config,
    store,
    clock,
    logger,
    queue,
    directory,
    channels,
    onAmbiguous: w.metrics.slackAmbiguousSend,
  });
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
  // auth.test: Slack answers, and accepts the bot token.
  const verifySlack = () => client.auth.test();
  return { notifier, slackApp, digestPoster, channels, verifySlack };
}
