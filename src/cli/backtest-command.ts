import { parseArgs } from 'node:util';
import { systemClock } from '../clock/system-clock.ts';
import { summarizeConfigChange } from '../config/summarize-config-change.ts';
import type { SlaConfig } from '../config/types.ts';
import { LANGS, type Lang } from '../i18n/language.ts';
import { translator } from '../i18n/translate.ts';
import { backtest } from '../reports/backtest/load-backtest.ts';
import { reassignNotes, renderBacktest } from '../reports/backtest/render-backtest.ts';
import { renderBacktestCsv } from '../reports/backtest/render-backtest-csv.ts';
import {
  loadConfigOrThrow,
  lookupOwners,
  openReportContext,
  ReportSetupError,
} from '../reports/cli-context.ts';
import type { CliIo, Command } from './io.ts';

const USAGE = `Usage: sla-bot backtest --config FILE [--days N] [--format table|csv|json] [--details]
                       [--lang en|nl|de]

Replays the stored handoffs and touches of the last N days (default 30) against a proposed SLA
file and prints what would have changed - pings, reminders, breaches, escalations, per team - next
to what actually happened under the current file (SLA_CONFIG). Review an SLA change like a pull
request before you deploy it. Nothing is sent and the store is only read. With a reassign: on an
escalation level it counts the reassignments each file would have made, replaying the worker's own
decisions; what the store does not know (Slack reachability then, the round-robin position then) is
assumed and said.

Options:
  --config FILE   the proposed SLA file (checked like 'sla-bot validate')
  --days N        how far back to replay (1-365, default 30)
  --format F      table (default), csv (one row per team and figure) or json (every figure with
                  the instance ids behind it)
  --details       list every lead whose verdict changes (default: the first five per change)
  --lang L        en, nl or de: the table, the csv header and labels, and the assumptions in JSON;
                  default: the SLA file's language:, else en. JSON keys and the csv's team, figure
                  and numbers stay the same in every language`;

class UsageError extends Error {}

function options(args: readonly string[]) {
  let values: { config?: string; days?: string; format?: string; details?: boolean; lang?: string };
  try {
    values = parseArgs({
      args: [...args],
      strict: true,
      options: {
        config: { type: 'string' },
        days: { type: 'string' },
        format: { type: 'string' },
        details: { type: 'boolean' },
        lang: { type: 'string' },
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
  if (format !== 'table' && format !== 'csv' && format !== 'json')
    throw new UsageError(`--format '${format}' is not one of table, csv, json`);
  const lang = values.lang === undefined ? null : (LANGS.find((l) => l === values.lang) ?? undefined);
  if (lang === undefined) throw new UsageError(`--lang '${values.lang}' is not one of ${LANGS.join(', ')}`);
  return { file: values.config, days, format, details: values.details ?? false, lang: lang as Lang | null };
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
    const t = translator({ code: o.lang ?? ctx.config.language?.code ?? 'en', informal: false });
    const reassigns = reassigning(ctx.config) || reassigning(proposed);
    if (o.format === 'json') {
      const assumptions = reassigns ? { reassignAssumptions: reassignNotes(t) } : {};
      io.stdout(
        `${JSON.stringify({ format: 'sla-bot-backtest/1', current: ctx.env.SLA_CONFIG, proposed: o.file, configChange: change, ...assumptions, ...result })}\n`,
      );
    } else if (o.format === 'csv') {
      io.stdout(renderBacktestCsv(result, t));
    } else {
      const labels = {
        currentFile: ctx.env.SLA_CONFIG,
        proposedFile: o.file,
        zone: ctx.config.timezone,
        configChange: change === 'no changes' ? null : change,
        reassigns,
      };
      io.stdout(renderBacktest(result, labels, o.details, t));
    }
    return 0;
  } finally {
    await ctx.store.close();
  }
}

const reassigning = (config: SlaConfig): boolean =>
  config.policies.some((p) => p.escalate.some((level) => level.reassign != null));

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
