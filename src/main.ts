import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadSlaConfigFile } from './config/load-sla-config.ts';
import { formatProblem } from './config/problems.ts';
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
import { createSlackApp } from './slack/app.ts';
import { createChannelDirectory } from './slack/channel-directory.ts';
import { createSlackNotifier } from './slack/notifier.ts';
import { checkSlackScopes } from './slack/scope-check.ts';
import { createSendQueue } from './slack/send-queue.ts';
import { createUserDirectory } from './slack/user-directory.ts';
import { createSlackWebClient } from './slack/web-client.ts';
import { openStore } from './store/open-store.ts';
import { type App, type AppInput, assembleApp } from './worker/assemble-app.ts';
import { ConfigHolder, type ConfigLoader } from './worker/config-reloader.ts';
import { createDryRunNotifier } from './worker/dry-run-notifier.ts';
import { describeError } from './worker/errors.ts';
import { WorkerEvents } from './worker/events.ts';
import { watchHubSpotBudget } from './worker/observe/hubspot-budget.ts';
import { observeHubSpotLimiters } from './worker/observe/hubspot-requests.ts';
import { withChannelChecks } from './worker/observe/slack-channel-checks.ts';
import { observeSlackFetch } from './worker/observe/slack-requests.ts';
import { announceCloses } from './worker/observe/store-closes.ts';
import { reloadingLeadWriter } from './worker/write-back/reloading-lead-writer.ts';

export { type App, type AppInput, type Assembly, assembleApp } from './worker/assemble-app.ts';

/** Why the worker could not start; the message is for people (stderr), exit status 1. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
  readonly code: 'sla_startup_config' | 'sla_startup_env' | 'sla_startup_store' | 'sla_startup_hubspot';
  constructor(code: StartupError['code'], message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.code = code;
  }
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
  // One client for the source and the writer (one request budget). Its limiters follow HubSpot's
  // rate-limit headers (hubspot.budget_share of the portal's limit) and see every HTTP attempt, which
  // is where HubSpot's statuses and 429s reach /metrics; a low daily budget is told to the admins.
  const limiters = createLimiters(() => holder.current.hubspot, {
    clock,
    sleep: (ms) => (input.hubspotTiming ?? realTiming).sleep(ms),
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
  const { notifier, slackApp, digestPoster, channels } =
    botToken === null
      ? dryRunSlack(logger)
      : slackAdapters(input, botToken, { holder, store, crm, leadWriter, events, metrics });
  const app = assembleApp({
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
  return channels === null ? app : withChannelChecks(app, channels, events);
}

const dryRunSlack = (logger: Logger) => ({
  notifier: createDryRunNotifier(logger),
  slackApp: null,
  digestPoster: null,
  channels: null,
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
  return { notifier, slackApp, digestPoster, channels };
}
