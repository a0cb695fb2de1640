import type { Report } from '../../domain/reports/index.ts';
import { figurePath } from '../../domain/reports/index.ts';
import { type Translator, translator } from '../../i18n/translate.ts';
import { figureRows } from './figure-rows.ts';
import { reportValues } from './localized.ts';

const cell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * One row per figure: `figure` is its path in the JSON (`speed/byTeam/benelux/compliance`), `unit`
 * says how to read `value` (ms, percent, count, mean), and `ids` lists the instances behind it.
 * In `t`'s language the header row and the row labels are translated; the columns keep their order
 * and `figure`, `value` (a plain number, `.` for decimals), `unit` and `ids` stay machine values, so
 * a script reads them by position in every language.
 */
export function renderCsv(report: Report, t: Translator = translator()): string {
  const v = reportValues(t);
  const lines = [[t.t('csv.figure'), t.t('csv.label'), t.t('csv.value'), t.t('csv.unit'), t.t('csv.ids')]];
  for (const row of figureRows(report, v.rowLabel))
    lines.push([
      figurePath(row.path),
      row.label,
      row.figure.value === null ? '' : String(row.figure.value),
      row.unit,
      row.figure.ids.join(' '),
    ]);
  return `${lines.map((l) => l.map(cell).join(',')).join('\n')}\n`;
}
