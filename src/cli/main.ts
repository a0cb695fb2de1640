import { readEnvFile, withEnvFile } from '../config/env-file.ts';
import type { CliIo, Command } from './io.ts';

/**
 * The command table. Each command lives in its own module, loaded only when used, so `validate`
 * never pays for the Slack and HubSpot clients.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: () => import('./run-command.ts').then((m) => m.runCommand),
  validate: () => import('./validate-command.ts').then((m) => m.validateCommand),
  schema: () => import('./schema-command.ts').then((m) => m.schemaCommand),
  'hubspot-setup': () => import('./hubspot-setup-command.ts').then((m) => m.hubspotSetupCommand),
  report: () => import('./report-command.ts').then((m) => m.reportCommand),
  backtest: () => import('./backtest-command.ts').then((m) => m.backtestCommand),
  explain: () => import('./explain-command.ts').then((m) => m.explainCommand),
  demo: () => import('./demo-command.ts').then((m) => m.demoCommand),
};

/** Commands that read no environment variable, so a `.env` is neither read nor announced. */
const WITHOUT_ENV = new Set(['demo', 'schema']);

const USAGE = `Usage: sla-bot <command> [options]

Enforces the marketing→sales lead SLA on HubSpot leads through Slack.

Commands:
  run [--once] [--dry-run]     the worker (poll HubSpot, evaluate, notify in Slack)
  validate [FILE]              check an SLA file; one FILE:LINE:COL line per problem
  schema                       print the JSON Schema of the SLA file
  hubspot-setup                create the HubSpot properties used by write-back (once)
  demo                         the whole product offline, with fake HubSpot and Slack
  report [--since] [--until] [--team] [--format table|csv|json]
                               SLA compliance report from the store
  backtest --config FILE [--days N]
                               replay stored handoffs against a proposed SLA file
  explain LEAD [--json]        what happened to a lead (contact id, e-mail or HubSpot URL)

Run 'sla-bot <command> --help' for a command's options.
Environment: see .env.example. A .env file in the working directory is read when it exists;
variables set in the process win over it.`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    const pkg = await import('../../package.json', { with: { type: 'json' } });
    io.stdout(`${pkg.default.version}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`sla-bot: unknown command '${name}'\n\n${USAGE}\n`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  return command.run(rest, WITHOUT_ENV.has(name) ? io : await withDotEnv(io));
}

/** Reads `.env` from the working directory (when there is one) and says so on stderr. */
async function withDotEnv(io: CliIo): Promise<CliIo> {
  let file: Awaited<ReturnType<typeof readEnvFile>>;
  try {
    file = await readEnvFile(io.cwd);
  } catch (error) {
    io.stderr(`sla-bot: could not read .env in ${io.cwd}: ${(error as Error).message}; ignoring it\n`);
    return io;
  }
  if (file === null) return io;
  const count = Object.keys(file.values).length;
  io.stderr(
    `sla-bot: read ${count} variable${count === 1 ? '' : 's'} from ${file.path} (the process environment wins)\n`,
  );
  return { ...io, env: withEnvFile(io.env, file) };
}
