import { describeConfig } from '../config/describe-config.ts';
import { EnvError, loadEnv } from '../config/env.ts';
import { loadSlaConfigFile } from '../config/load-sla-config.ts';
import { type ConfigProblem, formatProblem, formatWarning } from '../config/problems.ts';
import type { CliIo, Command } from './io.ts';

const usage = `Usage: sla-bot validate [FILE]

Checks an SLA file: YAML syntax, every key and value, durations, opening hours, time zones and
references between stages, calendars, teams, segments and policies.

FILE defaults to SLA_CONFIG (config/sla.yaml).
Exit status: 0 valid (a one-line summary on stdout); 1 invalid, one line per problem on stderr:
  FILE:LINE:COL: what is wrong, and how to fix it
2 for a wrong command line. Warnings (valid, but probably not meant) do not change the exit status:
  FILE:LINE:COL: warning: what looks wrong, and how to say it if it is meant`;

/** The file to check: the argument, or SLA_CONFIG from the environment. */
function fileToCheck(args: readonly string[], io: CliIo): string | { readonly exit: number } {
  const [file, ...extra] = args;
  if (extra.length > 0 || file?.startsWith('-')) {
    io.stderr(`sla-bot validate: unexpected argument '${extra[0] ?? file}'\n\n${usage}\n`);
    return { exit: 2 };
  }
  if (file !== undefined) return file;
  try {
    return loadEnv(io.env).SLA_CONFIG;
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    io.stderr(`sla-bot validate: ${error.message}\n`);
    return { exit: 1 };
  }
}

export const validateCommand: Command = {
  summary: 'check an SLA file; one FILE:LINE:COL line per problem',
  usage,
  async run(args, io) {
    const file = fileToCheck(args, io);
    if (typeof file !== 'string') return file.exit;
    const result = await loadSlaConfigFile(file, { cwd: io.cwd });
    const lines = [
      ...(result.ok ? [] : result.problems.map((p) => ({ p, text: formatProblem(p) }))),
      ...result.warnings.map((p) => ({ p, text: formatWarning(p) })),
    ];
    lines.sort((a, b) => byPosition(a.p, b.p));
    if (lines.length > 0) io.stderr(lines.map((l) => `${l.text}\n`).join(''));
    if (!result.ok) return 1;
    io.stdout(`${file}: valid — ${describeConfig(result.config)}\n`);
    return 0;
  },
};

const byPosition = (a: ConfigProblem, b: ConfigProblem): number => a.line - b.line || a.col - b.col;
