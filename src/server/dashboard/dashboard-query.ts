import type { SlaConfig } from '../../config/types.ts';
import type { Granularity, ReportQuery } from '../../domain/reports/index.ts';
import type { Instant } from '../../domain/time.ts';
import { ReportArgumentError, reportWindow } from '../../reports/report-window.ts';

const PERIODS: readonly Granularity[] = ['day', 'week', 'month'];

const param = (p: URLSearchParams, name: string): string | null => {
  const v = p.get(name)?.trim();
  return v === undefined || v === '' ? null : v;
};

/**
 * The report a dashboard URL asks for: `since`/`until` (dates in the SLA file's zone, `until`
 * included; default the last 30 days), `team`, `rep`, `stage`, `period`. Throws
 * `ReportArgumentError` (→ 400) for values that name nothing.
 */
export function dashboardQuery(p: URLSearchParams, config: SlaConfig, now: Instant): ReportQuery {
  const window = reportWindow(
    param(p, 'since') ?? undefined,
    param(p, 'until') ?? undefined,
    config.timezone,
    now,
  );
  const period = param(p, 'period') ?? 'week';
  const granularity = PERIODS.find((g) => g === period);
  if (granularity === undefined)
    throw new ReportArgumentError(`period '${period}' is not one of day, week, month`);
  const team = param(p, 'team');
  if (team !== null && team !== 'no-team' && !config.teams.some((t) => t.name === team))
    throw new ReportArgumentError(`team '${team}' is not a team of the SLA file`);
  const stage = param(p, 'stage');
  if (stage !== null && !config.stages.some((s) => s.key === stage))
    throw new ReportArgumentError(`stage '${stage}' is not a stage of the SLA file`);
  return { ...window, period: granularity, team, rep: param(p, 'rep'), stage };
}

/** The cache key of a request's filters, in a fixed order (the caller adds the reader's scope). */
export const filterKey = (p: URLSearchParams): string =>
  ['since', 'until', 'team', 'rep', 'stage', 'period'].map((k) => `${k}=${param(p, k) ?? ''}`).join('&');
