import type { BacktestRow, Figure, Tally } from '../../domain/reports/index.ts';
import { textTable } from '../format/text-table.ts';
import { day } from '../format/values.ts';
import type { BacktestRun } from './load-backtest.ts';

const LINES: readonly { readonly key: keyof Tally; readonly label: string }[] = [
  { key: 'handoff', label: 'pings' },
  { key: 'reminder', label: 'reminders' },
  { key: 'breach', label: 'breach messages' },
  { key: 'escalation', label: 'escalations' },
  { key: 'attempts_shortfall', label: 'attempt shortfalls' },
  { key: 'overkill', label: 'overkill warnings' },
  { key: 'breachedLeads', label: 'leads breached' },
  { key: 'untracked', label: 'leads not covered' },
];

const n = (f: Figure): string => String(f.value ?? 0);
const change = (a: Figure, b: Figure): string => {
  const d = (b.value ?? 0) - (a.value ?? 0);
  return d === 0 ? '0' : d > 0 ? `+${d}` : String(d);
};

function rows(r: BacktestRow): string[][] {
  return LINES.map((line, i) => [
    i === 0 ? r.team : '',
    line.label,
    line.key === 'breachedLeads' || line.key === 'untracked' ? '' : n(r.actual[line.key]),
    n(r.current[line.key]),
    n(r.proposed[line.key]),
    change(r.current[line.key], r.proposed[line.key]),
  ]);
}

export interface BacktestLabels {
  readonly currentFile: string;
  readonly proposedFile: string;
  readonly zone: string;
  /** What changed between the files (one line), or null when they are the same. */
  readonly configChange: string | null;
}

/** The backtest as a review: what changes per team, and which leads' verdicts flip. */
export function renderBacktest(run: BacktestRun, labels: BacktestLabels, details: boolean): string {
  const r = run.result;
  const head = [
    `Backtest of ${labels.proposedFile} against ${labels.currentFile} (current)`,
    `${r.replayed.value} handoffs from ${day(run.since, labels.zone)} to ${day(run.until, labels.zone)} (${labels.zone}) replayed under both files.`,
    `Changes in the file: ${labels.configChange ?? 'none (the same rules)'}.`,
    "'actual' is what the outbox says was sent; 'current' and 'proposed' replay the stored handoffs and touches with hindsight",
    '(a call counts from when it happened, even if it was logged later). Notifications count once however many recipients.',
  ].join('\n');
  const table = textTable(
    ['team', 'what', 'actual', 'current', 'proposed', 'change'],
    [r.total, ...r.byTeam].flatMap(rows),
  );
  const flips =
    r.changes.length === 0
      ? 'No lead would get another verdict.'
      : [
          'Leads whose first-contact verdict changes (current → proposed):',
          ...r.changes.map((c) => {
            const shown = details ? c.leads.ids : c.leads.ids.slice(0, 5);
            const more = c.leads.ids.length - shown.length;
            return `  ${c.from} → ${c.to}: ${c.leads.value} lead(s): ${shown.join(', ')}${more > 0 ? `, … ${more} more (--details lists all)` : ''}`;
          }),
        ].join('\n');
  return `${head}\n\n${table}\n\n${flips}\n`;
}
