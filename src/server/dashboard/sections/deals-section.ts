import type { DealFigures, Deals, Keyed } from '../../../domain/reports/index.ts';
import { figurePath } from '../../../domain/reports/index.ts';
import { count, DASH, money, pct } from '../../../reports/format/values.ts';
import { tile } from '../render/figure-table.ts';
import { html, type SafeHtml } from '../render/html.ts';
import { figureLink, type Links } from '../render/links.ts';
import { type Bar, hbars } from '../render/svg-charts.ts';

type Row = Keyed & DealFigures;

const BASE = ['delivery', 'deals'] as const;

/** Each currency's average on its own (never summed across currencies), linked to its SQLs. */
function averages(l: Links, base: readonly string[], row: DealFigures): SafeHtml {
  if (row.averageValue.length === 0) return html`${DASH}`;
  return html`${row.averageValue.map(
    (a, i) =>
      html`${i === 0 ? '' : html`<br>`}${figureLink(l, [...base, 'averageValue', a.key, 'average'], a.average, `${money(a.average)} ${a.label}`)} (${a.deals} deal${a.deals === 1 ? '' : 's'})`,
  )}`;
}

function table(l: Links, rows: readonly { row: Row; base: readonly string[] }[]): SafeHtml {
  const body = rows.map(
    ({ row, base }) =>
      html`<tr><th scope="row">${row.label}</th><td>${figureLink(l, [...base, 'sqls'], row.sqls, count(row.sqls))}</td><td>${figureLink(l, [...base, 'won'], row.won, count(row.won))}</td><td>${figureLink(l, [...base, 'rate'], row.rate, pct(row.rate))}</td><td>${averages(l, base, row)}</td><td>${figureLink(l, [...base, 'unread'], row.unread, count(row.unread))}</td></tr>`,
  );
  return html`<table class="figs" id="deals-table"><thead><tr><th>team</th><th>SQLs</th><th>won</th><th>SQL → won</th><th>average won deal</th><th>not read yet</th></tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * SQL → won and the average won deal per currency, in all and per team: the report's own figures
 * (`dealFigures`), shown and linked, never recomputed here.
 */
export function dealsSection(d: Deals, l: Links): SafeHtml {
  if (!d.available)
    return html`<div id="deals"><h3>Deals</h3><p class="note">No deals data yet: SQL → won and the average deal value appear once the worker has read HubSpot deals (scope crm.objects.deals.read).</p></div>`;
  const rate = [...BASE, 'rate'];
  const perTeam: Bar[] = d.byTeam.map((t) => {
    const path = [...BASE, 'byTeam', t.key, 'rate'];
    return {
      label: t.label,
      value: t.rate.value,
      display: `${pct(t.rate)} (${count(t.won)} of ${count(t.sqls)})`,
      href: t.rate.ids.length > 0 ? l.leads(path) : null,
      figure: figurePath(path),
      tone: 'neutral',
    };
  });
  const valueTiles = d.averageValue.map((a) =>
    tile(
      `Average won deal, ${a.label}`,
      figureLink(l, [...BASE, 'averageValue', a.key, 'average'], a.average, money(a.average)),
      `${a.deals} deal${a.deals === 1 ? '' : 's'}`,
    ),
  );
  const unread = d.unread.value ?? 0;
  return html`<div id="deals"><h3>Deals</h3>
<p class="note">Of the SQLs that entered in the period, those whose contact won a deal closed at or after the SQL entry. Deal values are averaged per currency, never added across currencies.</p>
<div class="tiles">
${tile('SQL → won', figureLink(l, rate, d.rate, pct(d.rate)), html`${figureLink(l, [...BASE, 'won'], d.won, count(d.won))} of ${figureLink(l, [...BASE, 'sqls'], d.sqls, count(d.sqls))} SQLs`)}
${valueTiles.length === 0 ? tile('Average won deal', html`${DASH}`, 'no won deal with an amount') : valueTiles}
</div>
${unread > 0 ? html`<p class="note">${figureLink(l, [...BASE, 'unread'], d.unread, count(d.unread))} SQL(s) whose deals the worker has not read yet count as not won.</p>` : ''}
<div class="charts"><figure><figcaption>SQL → won per team (%)</figcaption>${perTeam.length === 0 ? html`<p class="note">No SQLs in this period.</p>` : hbars('SQL to won per team', perTeam, { max: 100 })}</figure></div>
${table(l, [
  { row: { key: 'all', label: 'All SQLs', ...d }, base: BASE },
  ...d.byTeam.map((t) => ({ row: t, base: [...BASE, 'byTeam', t.key] })),
])}
</div>`;
}
