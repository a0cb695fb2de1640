import type { Style } from './style.ts';
import type { DemoSummary, LeadOutcome } from './summary.ts';

const PINGED: Record<LeadOutcome['pinged'], string> = {
  owner: 'DM',
  fallback: 'fallback',
  no: 'no',
};

const COLUMNS = ['Lead', 'Stage', 'Rep', 'Pinged', 'First contact', 'Reminders', 'Breach', 'Escalations'];
/** Columns right-aligned (counts). */
const NUMERIC = new Set([5, 6, 7]);

const width = (s: string): number => [...s].length;
const pad = (s: string, w: number, right: boolean): string => {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
};

/** The closing summary as the terminal shows it: one row per lead, then the totals. */
export function formatSummary(summary: DemoSummary, style: Style): string {
  const rows = summary.leads.map((l) => [
    l.lead,
    l.stage,
    l.owner,
    PINGED[l.pinged],
    l.detail,
    String(l.reminders),
    String(l.breaches),
    String(l.escalations),
  ]);
  const widths = COLUMNS.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, NUMERIC.has(i)))
      .join('  ')
      .trimEnd();
  const t = summary.totals;
  const n = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const figures = [
    `${t.handedOff} handed off`,
    `${t.pinged} pinged${t.viaFallback > 0 ? ` (${t.viaFallback} via a fallback)` : ''}`,
    `${t.met} met`,
    `${t.breached} breached`,
    `${t.pending} still open`,
    n(t.reminders, 'reminder'),
    n(t.breachNotes, 'breach note'),
    n(t.escalations, 'escalation'),
    n(t.adminAlerts, 'admin alert'),
    ...(t.skipped > 0 ? [`${n(t.skipped, 'message')} skipped as stale`] : []),
    ...(t.failed > 0 ? [`${n(t.failed, 'message')} failed`] : []),
  ];
  return [
    style.bold('Summary'),
    '',
    style.bold(line(COLUMNS)),
    ...rows.map(line),
    '',
    `Totals: ${figures.join(' · ')}`,
  ].join('\n');
}
