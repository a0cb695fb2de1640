import type { BacktestRow, Figure, Outcome, Tally } from '../../domain/reports/index.ts';
import { type Translator, translator } from '../../i18n/translate.ts';
import { reportValues } from '../format/localized.ts';
import { textTable } from '../format/text-table.ts';
import type { BacktestRun } from './load-backtest.ts';

/** The figures the backtest shows, in order; `actualToo: false` ones have no 'actual' (the outbox cannot say). */
export const BACKTEST_LINES: readonly {
  readonly key: Exclude<keyof Tally, 'reassigned'>;
  readonly actualToo: boolean;
}[] = [
  { key: 'handoff', actualToo: true },
  { key: 'reminder', actualToo: true },
  { key: 'breach', actualToo: true },
  { key: 'escalation', actualToo: true },
  { key: 'attempts_shortfall', actualToo: true },
  { key: 'overkill', actualToo: true },
  { key: 'breachedLeads', actualToo: false },
  { key: 'untracked', actualToo: false },
  { key: 'reassignments', actualToo: true },
  { key: 'reassignNobody', actualToo: false },
];

export const count = (f: Figure): string => String(f.value ?? 0);
export const change = (a: Figure, b: Figure): string => {
  const d = (b.value ?? 0) - (a.value ?? 0);
  return d === 0 ? '0' : d > 0 ? `+${d}` : String(d);
};

/** A row's team in the reader's language: the totals and "(no team)" are ours, names are as they are. */
export const teamLabel = (team: string, t: Translator): string =>
  team === 'all' ? t.t('backtest.all') : team === '(no team)' ? t.t('row.noTeam') : team;

function rows(r: BacktestRow, t: Translator): string[][] {
  return BACKTEST_LINES.map((line, i) => [
    i === 0 ? teamLabel(r.team, t) : '',
    t.t(`backtest.line.${line.key}`),
    line.actualToo ? count(r.actual[line.key]) : '',
    count(r.current[line.key]),
    count(r.proposed[line.key]),
    change(r.current[line.key], r.proposed[line.key]),
  ]);
}

export interface BacktestLabels {
  readonly currentFile: string;
  readonly proposedFile: string;
  readonly zone: string;
  /** What changed between the files (one line), or null when they are the same. */
  readonly configChange: string | null;
  /** Either file has a level with `reassign:`: say how reassignments are replayed and what is assumed. */
  readonly reassigns: boolean;
}

/** What the backtest assumes about reassignments, in the reader's language (table and JSON). */
export const reassignNotes = (t: Translator): string[] => [
  t.t('backtest.reassign.replayed'),
  t.t('backtest.reassign.unknown'),
];

const outcome = (o: Outcome, t: Translator): string => t.t(`backtest.outcome.${o}`);

/** The backtest as a review: what changes per team, and which leads' verdicts flip. */
export function renderBacktest(
  run: BacktestRun,
  labels: BacktestLabels,
  details: boolean,
  t: Translator = translator(),
): string {
  const r = run.result;
  const v = reportValues(t);
  const head = [
    t.t('backtest.title', { proposed: labels.proposedFile, current: labels.currentFile }),
    t.t('backtest.replayed', {
      n: String(r.replayed.value),
      since: v.day(run.since, labels.zone),
      until: v.day(run.until, labels.zone),
      zone: labels.zone,
    }),
    t.t('backtest.configChange', { change: labels.configChange ?? t.t('backtest.noConfigChange') }),
    t.t('backtest.hindsight'),
    t.t('backtest.counting'),
    ...(labels.reassigns ? reassignNotes(t) : []),
  ].join('\n');
  const columns = ['team', 'what', 'actual', 'current', 'proposed', 'change'] as const;
  const table = textTable(
    columns.map((c) => t.t(`backtest.col.${c}`)),
    [r.total, ...r.byTeam].flatMap((row) => rows(row, t)),
  );
  const flips =
    r.changes.length === 0
      ? t.t('backtest.noFlips')
      : [
          t.t('backtest.flips'),
          ...r.changes.map((c) => {
            const shown = details ? c.leads.ids : c.leads.ids.slice(0, 5);
            const more = c.leads.ids.length - shown.length;
            const line = t.t('backtest.flip', {
              from: outcome(c.from, t),
              to: outcome(c.to, t),
              n: String(c.leads.value),
              ids: shown.join(', '),
            });
            return more > 0 ? `${line}${t.t('backtest.more', { n: String(more) })}` : line;
          }),
        ].join('\n');
  return `${head}\n\n${table}\n\n${flips}\n`;
}
