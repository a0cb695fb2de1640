import { parseArgs } from 'node:util';
import { systemClock } from '../clock/system-clock.ts';
import { summarizeConfigChange } from '../config/summarize-config-change.ts';
import { backtest } from '../reports/backtest/load-backtest.ts';
import { renderBacktest } from '../reports/backtest/render-backtest.ts';
import {
  loadConfigOrThrow,
  lookupOwners,
  openReportContext,
  ReportSetupError,
} from '../reports/cli-context.ts';
import type { CliIo, Command } from './io.ts';

const USAGE = `Usage: sla-bot backtest --config FILE [--days N] [--format table|json] [--details]

Replays the stored handoffs and touches of the last N days (default 30) against a proposed SLA
file and prints what would have changed - pings, reminders, breaches, escalations, per team - next
to what actually happened under the current file (SLA_CONFIG). Review an SLA change like a pull
request before you deploy it. Nothing is sent and the store is only read.

Options:
  --config FILE   the proposed SLA file (checked like 'sla-bot validate')
  --days N        how far back to replay (1-365, default 30)
  --format F      table (default) or json (every figure with the instance ids behind it)
  --details       list every lead whose verdict changes (default: the first five per change)`;

class UsageError extends Error {}

function options(args: readonly string[]) {
  let values: { config?: string; days?: string; format?: string; details?: boolean };
  try {
    values = parseArgs({
      args: [...args],
      strict: true,
      options: {
        config: { type: 'string' },
        days: { type: 'string' },
        format: { type: 'string' },
        details: { type: 'boolean' },
      },
    }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.config === undefined) throw new UsageError('--config FILE is required (the proposed SLA file)');
  const days = values.days === undefined ? 30 : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 365)
    throw new UsageError(`--days '${values.days}' must be a whole number from 1 to 365`);
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json')
    throw new UsageError(`--format '${format}' is not one of table, json`);
  return { file: values.config, days, format, details: values.details ?? false };
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const o = options(args);
  const ctx = await openReportContext(io);
  try {
    const proposed = await loadConfigOrThrow(o.file, io.cwd);
    const lookup = await lookupOwners(ctx, systemClock);
    if (lookup.warning !== null) io.stderr(`sla-bot backtest: ${lookup.warning}\n`);
    const now = systemClock.now();
    const result = await backtest(ctx.store, ctx.config, proposed, lookup.owners, o.days, now);
    const change = summarizeConfigChange(ctx.config, proposed);
    if (o.format === 'json') {
      io.stdout(
        `${JSON.stringify({ format: 'sla-bot-backtest/1', current: ctx.env.SLA_CONFIG, proposed: o.file, configChange: change, ...result })}\n`,
      );
    } else {
      const labels = {
        currentFile: ctx.env.SLA_CONFIG,
        proposedFile: o.file,
        zone: ctx.config.timezone,
        configChange: change === 'no changes' ? null : change,
      };
      io.stdout(renderBacktest(result, labels, o.details));
    }
    return 0;
  } finally {
    await ctx.store.close();
  }
}

export const backtestCommand: Command = {
  summary: 'replay stored handoffs against a proposed SLA file',
  usage: USAGE,
  run: async (args, io) => {
    try {
      return await run(args, io);
    } catch (err) {
      if (err instanceof UsageError) {
        io.stderr(`sla-bot backtest: ${err.message}\n\n${USAGE}\n`);
        return 2;
      }
      if (err instanceof ReportSetupError) {
        io.stderr(`sla-bot backtest: ${err.message}\n`);
        return 1;
      }
      throw err;
    }
  },
};
