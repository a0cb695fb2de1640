import type { Report } from '../../domain/reports/index.ts';
import { figurePath } from '../../domain/reports/index.ts';
import { figureRows } from './figure-rows.ts';

const cell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * One row per figure: `figure` is its path in the JSON (`speed/byTeam/benelux/compliance`), `unit`
 * says how to read `value` (ms, percent, count, mean), and `ids` lists the instances behind it.
 */
export function renderCsv(report: Report): string {
  const lines = [['figure', 'label', 'value', 'unit', 'ids']];
  for (const row of figureRows(report))
    lines.push([
      figurePath(row.path),
      row.label,
      row.figure.value === null ? '' : String(row.figure.value),
      row.unit,
      row.figure.ids.join(' '),
    ]);
  return `${lines.map((l) => l.map(cell).join(',')).join('\n')}\n`;
}
