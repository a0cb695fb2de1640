import type { Figure, Keyed } from '../../../domain/reports/index.ts';
import { html, type SafeHtml } from './html.ts';
import { figureLink, type Links } from './links.ts';

export interface Column<Row> {
  readonly title: string;
  /** Path of the figure inside a row (`['bands', '0-5m']`). */
  readonly path: readonly string[];
  readonly pick: (row: Row) => Figure;
  readonly show: (f: Figure) => string;
}

/** A table whose every number links to the leads behind it. `base` is the rows' path in the report. */
export function figureTable<Row extends Keyed>(
  l: Links,
  base: readonly string[],
  head: string,
  rows: readonly Row[],
  cols: readonly Column<Row>[],
  rowPath: (row: Row) => readonly string[] = (row) => [...base, row.key],
  rowLabel: (key: string, label: string) => string = (_key, label) => label,
): SafeHtml {
  const body = rows.map(
    (row) =>
      html`<tr><th scope="row">${rowLabel(row.key, row.label)}</th>${cols.map((c) => {
        const f = c.pick(row);
        return html`<td>${figureLink(l, [...rowPath(row), ...c.path], f, c.show(f))}</td>`;
      })}</tr>`,
  );
  return html`<table class="figs"><thead><tr><th>${head}</th>${cols.map((c) => html`<th>${c.title}</th>`)}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A headline number: label, value (linked), and a hint underneath. */
export const tile = (label: string, value: SafeHtml, hint: string | SafeHtml = ''): SafeHtml =>
  html`<div class="tile"><div class="tl">${label}</div><div class="tv">${value}</div><div class="th">${hint}</div></div>`;
