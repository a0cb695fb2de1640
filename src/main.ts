import { resolve } from 'node:path';
import { loadSlaConfigFile } from './config/load-sla-config.ts';
import { formatProblem, formatWarning } from './config/problems.ts';
import { createMetrics } from './server/metrics.ts';
import { healthWhileStarting } from './server/routes/starting.ts';
import type { SlackApp } from './slack/app.ts';
import { type App, type AppInput, assembleApp } from './worker/assemble-app.ts';
import { assembleHubSpot } from './worker/assemble-hubspot.ts';
import { assembleSlack } from './worker/assemble-slack.ts';
import { ConfigHolder, type ConfigLoader, logConfigWarnings } from './worker/config-reloader.ts';
import { WorkerEvents } from './worker/events.ts';
import { withChannelChecks } from './worker/observe/slack-channel-checks.ts';
import { openAppStore } from './worker/open-app-store.ts';
import { startupAlerter } from './worker/startup-alert.ts';
import { hubspotStartupFailure, slackStartupFailure } from './worker/startup-checks.ts';
import { StartupError } from './worker/startup-error.ts';
import { abortableSleep, type StartupAttempts, startupRetry } from './worker/startup-retry.ts';
import { DEFAULT_WORKER_OPTIONS } from './worker/worker.ts';

export { type App, type AppInput, type Assembly, assembleApp } from './worker/assemble-app.ts';

export { StartupError } from './worker/startup-error.ts';

/*
 * The composition root of the running bot (`run`, and `demo` through it): it loads the SLA file,
 * checks the tokens, has the adapters built (`openAppStore`, `assembleHubSpot`, `assembleSlack`:
 * only this module calls them), waits at start-up until HubSpot and Slack answer, and hands
 * everything to `assembleApp`. Its one reason to change: what the bot is made of and how it starts.
 */

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

/** The composition root: builds every adapter, through the modules above, and the app around them. */
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
  const store = await openAppStore(input);
  const events = new WorkerEvents();
  const metrics = createMetrics(events);
  const { crm, leadWriter, pace } = assembleHubSpot(input, {
    accessToken,
    config: loaded.config,
    holder,
    store,
    metrics,
  });
  const { notifier, slackApp, digestPoster, channels, verifySlack } = assembleSlack(input, botToken, {
    holder,
    store,
    crm,
    leadWriter,
    events,
    metrics,
  });
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
