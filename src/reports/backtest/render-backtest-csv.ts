import { type Translator, translator } from '../../i18n/translate.ts';
import type { BacktestRun } from './load-backtest.ts';
import { BACKTEST_LINES, change, count } from './render-backtest.ts';

const cell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * One row per team and figure. The header row and `label` are in `t`'s language; `team` (`all` for
 * the totals), `figure` (the JSON's tally key, e.g. `reassignments`) and the numbers stay machine
 * values, so a script reads them by position in every language. `actual` is empty where the outbox
 * cannot say (leads breached, leads not covered, reassignments with nobody eligible).
 */
export function renderBacktestCsv(run: BacktestRun, t: Translator = translator()): string {
  const columns = ['team', 'figure', 'what', 'actual', 'current', 'proposed', 'change'] as const;
  const lines: string[][] = [columns.map((c) => t.t(`backtest.col.${c}`))];
  for (const row of [run.result.total, ...run.result.byTeam])
    for (const line of BACKTEST_LINES)
      lines.push([
        row.team,
        line.key,
        t.t(`backtest.line.${line.key}`),
        line.actualToo ? count(row.actual[line.key]) : '',
        count(row.current[line.key]),
        count(row.proposed[line.key]),
        change(row.current[line.key], row.proposed[line.key]),
      ]);
  return `${lines.map((l) => l.map(cell).join(',')).join('\n')}\n`;
}
