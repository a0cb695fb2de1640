import { systemClock } from '../clock/system-clock.ts';
import { EnvError, loadEnv } from '../config/env.ts';
import { createLogger } from '../log/logger.ts';
import { buildApp, StartupError } from '../main.ts';
import type { CliIo, Command } from './io.ts';

const USAGE = `Usage: sla-bot run [--once] [--dry-run]

Runs the worker: polls HubSpot, judges every open lead against the SLA file, notifies in Slack.

Options:
  --once      one full cycle (poll, evaluate, deliver), then exit (0 if the cycle succeeded)
  --dry-run   log messages instead of sending them (state goes to a throw-away store)

Environment: see .env.example (SLA_CONFIG, DATABASE_URL, HUBSPOT_*, SLACK_*, HOST, PORT, LOG_LEVEL).
Stops cleanly on SIGTERM/SIGINT.`;

/** Resolves on the first SIGTERM or SIGINT. */
const untilSignal = (): Promise<NodeJS.Signals> =>
  new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGTERM', on);
      process.off('SIGINT', on);
      resolve(signal);
    };
    process.on('SIGTERM', on);
    process.on('SIGINT', on);
  });

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
    const logger = createLogger(env.LOG_LEVEL);
    const once = args.includes('--once');
    let app: Awaited<ReturnType<typeof buildApp>>;
    try {
      app = await buildApp({
        env,
        clock: systemClock,
        logger,
        cwd: io.cwd,
        once,
        dryRun: args.includes('--dry-run'),
      });
    } catch (err) {
      if (!(err instanceof StartupError)) throw err;
      io.stderr(`${err.message}\n`);
      logger.flush();
      return 1;
    }
    if (once) {
      const report = await app.runOnce();
      await app.close();
      logger.flush();
      return report === 'ok' ? 0 : 1;
    }
    await app.start();
    const signal = await untilSignal();
    logger.info({ signal }, 'stopping');
    await app.close();
    logger.info({}, 'stopped');
    logger.flush();
    return 0;
  },
};
