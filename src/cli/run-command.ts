import { systemClock } from '../clock/system-clock.ts';
import { type Env, EnvError, loadEnv } from '../config/env.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { buildApp, StartupError } from '../main.ts';
import type { CliIo, Command } from './io.ts';
import { listenForStop } from './stop-signal.ts';

const USAGE = `Usage: sla-bot run [--once] [--dry-run]

Runs the worker: polls HubSpot, judges every open lead against the SLA file, notifies in Slack.

Options:
  --once      one full cycle (poll, evaluate, deliver), then exit (0 if the cycle succeeded)
  --dry-run   log messages instead of sending them (state goes to a throw-away store)

At start-up an unreachable or failing HubSpot or Slack (network, 5xx, 429) is tried again, 1 s
doubling to once a minute, until it answers; after 5 minutes the admins are told in Slack. With
--once, start-up gives up after those 5 minutes (exit 1). A rejected token, a missing scope or an
SLA file that does not match the portal stops at once (exit 1, the reason on stderr).

Environment: see .env.example (SLA_CONFIG, DATABASE_URL, HUBSPOT_*, SLACK_*, HOST, PORT, LOG_LEVEL).
Stops cleanly on SIGTERM/SIGINT.`;

/** Every variable `run` needs and lacks, each with why, so one try names them all. */
function missingVariables(env: Env, dryRun: boolean): string[] {
  const missing: string[] = [];
  if (env.HUBSPOT_ACCESS_TOKEN === undefined)
    missing.push(
      'HUBSPOT_ACCESS_TOKEN is not set: the worker reads leads from HubSpot (private app token, pat-…)',
    );
  if (!dryRun && env.SLACK_BOT_TOKEN === undefined)
    missing.push('SLACK_BOT_TOKEN is not set: the worker sends to Slack (bot token, xoxb-…)');
  return missing;
}

/** A start-up that ended: stopped by a signal (exit 0), or its reason on stderr (exit 1). */
function startupEnded(err: StartupError, io: CliIo, logger: Logger): number {
  if (err.code === 'sla_startup_stopped') logger.info({ reason: err.message }, 'stopped');
  else io.stderr(`${err.message}\n`);
  logger.flush();
  return err.code === 'sla_startup_stopped' ? 0 : 1;
}

export const runCommand: Command = {
  summary: 'the worker (poll HubSpot, evaluate, notify in Slack)',
  usage: USAGE,
  run: async (args: readonly string[], io: CliIo): Promise<number> => {
    const unknown = args.filter((a) => a !== '--once' && a !== '--dry-run');
    if (unknown.length > 0) {
      io.stderr(`sla-bot run: unknown option ${unknown.join(' ')}\n\n${USAGE}\n`);
      return 2;
    }
    let env: ReturnType<typeof loadEnv>;
    try {
      env = loadEnv(io.env);
    } catch (err) {
      if (err instanceof EnvError) {
        io.stderr(`${err.message}\n`);
        return 1;
      }
      throw err;
    }
    const missing = missingVariables(env, args.includes('--dry-run'));
    if (missing.length > 0) {
      io.stderr(
        `${missing.map((m) => `${m}\n`).join('')}Set ${missing.length === 1 ? 'it' : 'them'} in .env in ${io.cwd} or in the process environment (see .env.example).\n`,
      );
      return 1;
    }
    const logger = createLogger(env.LOG_LEVEL);
    const once = args.includes('--once');
    let app: Awaited<ReturnType<typeof buildApp>>;
    const stop = listenForStop();
    try {
      app = await buildApp({
        env,
        clock: systemClock,
        logger,
        cwd: io.cwd,
        once,
        dryRun: args.includes('--dry-run'),
        signal: stop.signal,
      });
    } catch (err) {
      stop.cancel();
      if (!(err instanceof StartupError)) throw err;
      return startupEnded(err, io, logger);
    }
    if (once) {
      stop.cancel();
      const report = await app.runOnce();
      await app.close();
      logger.flush();
      return report === 'ok' ? 0 : 1;
    }
    try {
      await app.start(); // Bolt's start: tried again like the checks in buildApp
    } catch (err) {
      stop.cancel();
      await app.close();
      if (!(err instanceof StartupError)) throw err;
      return startupEnded(err, io, logger);
    }
    const signal = await stop.received;
    logger.info({ signal }, 'stopping');
    await app.close();
    logger.info({}, 'stopped');
    logger.flush();
    return 0;
  },
};
