import { systemClock } from '../clock/system-clock.ts';
import type { ReportQuery } from '../domain/reports/index.ts';
import { translator } from '../i18n/translate.ts';
import { lookupOwners, openReportContext, ReportSetupError } from '../reports/cli-context.ts';
import { renderCsv } from '../reports/format/csv.ts';
import { renderJson } from '../reports/format/json.ts';
import { renderTable } from '../reports/format/table.ts';
import { loadReport } from '../reports/load-report.ts';
import { parseReportOptions, type ReportOptions } from '../reports/report-args.ts';
import { ReportArgumentError, reportWindow } from '../reports/report-window.ts';
import type { CliIo, Command } from './io.ts';

const USAGE = `Usage: sla-bot report [--since WHEN] [--until WHEN] [--team NAME] [--rep OWNER] [--stage KEY]
                      [--period day|week|month] [--format table|csv|json] [--details]
                      [--lang en|nl|de]

SLA compliance from the store (DATABASE_URL) for the SLA meeting: speed and depth of follow-up,
leads not yet contacted, marketing delivery against the monthly commitment, messages sent.

Options:
  --since WHEN     first day (2026-03-01), a date-time (2026-03-01T09:00) or a span back (30d, 2w);
                   default: 30 days before --until
  --until WHEN     last day, included (2026-03-31), a date-time (excluded) or a span back; default: now
  --team NAME      one team of the SLA file ('no-team' for owners in none)
  --rep OWNER      one rep: HubSpot owner id or e-mail
  --stage KEY      one stage (mql, sal, sql, ...)
  --period P       rows per day, week (default) or month
  --format F       table (default), csv (one row per figure, with the instance ids) or json
  --details        table: list every lead behind the figures (csv and json always carry the ids)
  --lang L         en, nl or de: the table, and the csv header row and labels, in that language with
                   its numbers and dates; default: the SLA file's language:, else en. JSON keys and
                   the csv's figure, value, unit and ids columns stay the same in every language

Dates are in the SLA file's timezone. Owner names and teams come from HubSpot when
HUBSPOT_ACCESS_TOKEN is set; otherwise reps show as owner ids.`;

async function run(args: readonly string[], io: CliIo): Promise<number> {
  let options: ReportOptions;
  try {
    options = parseReportOptions(args);
  } catch (err) {
    if (!(err instanceof ReportArgumentError)) throw err;
    io.stderr(`sla-bot report: ${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  const ctx = await openReportContext(io);
  try {
    const now = systemClock.now();
    const window = reportWindow(options.since, options.until, ctx.config.timezone, now);
    const unknown = unknownNames(options, ctx.config);
    if (unknown !== null) throw new ReportArgumentError(unknown);
    const lookup = await lookupOwners(ctx, systemClock);
    if (lookup.warning !== null) io.stderr(`sla-bot report: ${lookup.warning}\n`);
    const query: ReportQuery = {
      ...window,
      period: options.period,
      team: options.team,
      rep: options.rep,
      stage: options.stage,
    };
    const report = await loadReport(
      { store: ctx.store, config: ctx.config, owners: lookup.owners },
      query,
      now,
    );
    // Reports say "Sie" in German whatever the file's `informal:` (that is for messages to a team).
    const t = translator({ code: options.lang ?? ctx.config.language?.code ?? 'en', informal: false });
    io.stdout(
      options.format === 'json'
        ? renderJson(report)
        : options.format === 'csv'
          ? renderCsv(report, t)
          : renderTable(report, { details: options.details }, t),
    );
    return 0;
  } finally {
    await ctx.store.close();
  }
}

function unknownNames(
  o: ReportOptions,
  config: { teams: readonly { name: string }[]; stages: readonly { key: string }[] },
): string | null {
  const teams = config.teams.map((t) => t.name);
  if (o.team !== null && o.team !== 'no-team' && !teams.includes(o.team))
    return `--team '${o.team}' is not a team of the SLA file; teams: ${teams.join(', ') || '(none)'}, no-team`;
  const stages = config.stages.map((s) => s.key);
  if (o.stage !== null && !stages.includes(o.stage))
    return `--stage '${o.stage}' is not a stage of the SLA file; stages: ${stages.join(', ')}`;
  return null;
}

export const reportCommand: Command = {
  summary: 'SLA compliance report from the store',
  usage: USAGE,
  run: async (args, io) => {
    try {
      return await run(args, io);
    } catch (err) {
      if (err instanceof ReportArgumentError) {
        io.stderr(`sla-bot report: ${err.message}\n`);
        return 2;
      }
      if (err instanceof ReportSetupError) {
        io.stderr(`sla-bot report: ${err.message}\n`);
        return 1;
      }
      throw err;
    }
  },
};
