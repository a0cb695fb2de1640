import type { DealFigures, Deals, Keyed } from '../../../domain/reports/index.ts';
import { figurePath } from '../../../domain/reports/index.ts';
import type { ReportValues } from '../../../reports/format/localized.ts';
import { DASH } from '../../../reports/format/values.ts';
import { tile } from '../render/figure-table.ts';
import { html, type SafeHtml } from '../render/html.ts';
import { figureLink, type Links } from '../render/links.ts';
import { type Bar, hbars } from '../render/svg-charts.ts';

type Row = Keyed & DealFigures;

const BASE = ['delivery', 'deals'] as const;

/** Each currency's average on its own (never summed across currencies), linked to its SQLs. */
function averages(l: Links, v: ReportValues, base: readonly string[], row: DealFigures): SafeHtml {
  if (row.averageValue.length === 0) return html`${DASH}`;
  return html`${row.averageValue.map(
    (a, i) =>
      html`${i === 0 ? '' : html`<br>`}${figureLink(l, [...base, 'averageValue', a.key, 'average'], a.average, `${v.money(a.average)} ${a.label}`)} (${v.t.t('dash.deals.count', { n: a.deals })})`,
  )}`;
}

function table(l: Links, v: ReportValues, rows: readonly { row: Row; base: readonly string[] }[]): SafeHtml {
  const { t: m } = v.t;
  const body = rows.map(
    ({ row, base }) =>
      html`<tr><th scope="row">${v.rowLabel(row.key, row.label)}</th><td>${figureLink(l, [...base, 'sqls'], row.sqls, v.count(row.sqls))}</td><td>${figureLink(l, [...base, 'won'], row.won, v.count(row.won))}</td><td>${figureLink(l, [...base, 'rate'], row.rate, v.pct(row.rate))}</td><td>${averages(l, v, base, row)}</td><td>${figureLink(l, [...base, 'unread'], row.unread, v.count(row.unread))}</td></tr>`,
  );
  const head = (
    [
      'col.team',
      'col.sqls',
      'col.won',
      'dash.deals.sqlToWon',
      'col.averageWonDeal',
      'dash.deals.notReadYet',
    ] as const
  ).map((k) => html`<th>${m(k)}</th>`);
  return html`<table class="figs" id="deals-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * SQL → won and the average won deal per currency, in all and per team: the report's own figures
 * (`dealFigures`), shown and linked, never recomputed here.
 */
export function dealsSection(d: Deals, l: Links, v: ReportValues): SafeHtml {
  const { t: m } = v.t;
  if (!d.available)
    return html`<div id="deals"><h3>${m('dash.deals.title')}</h3><p class="note">${m('dash.deals.none')}</p></div>`;
  const rate = [...BASE, 'rate'];
  const perTeam: Bar[] = d.byTeam.map((t) => {
    const path = [...BASE, 'byTeam', t.key, 'rate'];
    return {
      label: v.rowLabel(t.key, t.label),
      value: t.rate.value,
      display: m('dash.deals.rateOf', { pct: v.pct(t.rate), won: v.count(t.won), sqls: v.count(t.sqls) }),
      href: t.rate.ids.length > 0 ? l.leads(path) : null,
      figure: figurePath(path),
      tone: 'neutral',
    };
  });
  const valueTiles = d.averageValue.map((a) =>
    tile(
      m('dash.deals.averageIn', { currency: a.label }),
      figureLink(l, [...BASE, 'averageValue', a.key, 'average'], a.average, v.money(a.average)),
      m('dash.deals.count', { n: a.deals }),
    ),
  );
  const unread = d.unread.value ?? 0;
  const [wonAt, sqlsAt] = splitAround(m('dash.deals.wonOfSqls', { won: '\u0000', sqls: '\u0001' }));
  const wonOf = html`${wonAt[0]}${figureLink(l, [...BASE, 'won'], d.won, v.count(d.won))}${wonAt[1]}${figureLink(l, [...BASE, 'sqls'], d.sqls, v.count(d.sqls))}${sqlsAt}`;
  const [unreadBefore, unreadAfter] = splitOnce(m('dash.deals.unread', { n: '\u0000' }), '\u0000');
  return html`<div id="deals"><h3>${m('dash.deals.title')}</h3>
<p class="note">${m('dash.deals.note')}</p>
<div class="tiles">
${tile(m('dash.deals.sqlToWon'), figureLink(l, rate, d.rate, v.pct(d.rate)), wonOf)}
${valueTiles.length === 0 ? tile(m('dash.deals.average'), html`${DASH}`, m('dash.deals.noAmount')) : valueTiles}
</div>
${unread > 0 ? html`<p class="note">${unreadBefore}${figureLink(l, [...BASE, 'unread'], d.unread, v.count(d.unread))}${unreadAfter}</p>` : ''}
<div class="charts"><figure><figcaption>${m('dash.deals.perTeam')}</figcaption>${perTeam.length === 0 ? html`<p class="note">${m('dash.deals.noSqls')}</p>` : hbars(m('dash.deals.perTeamChart'), perTeam, { max: 100 })}</figure></div>
${table(l, v, [
  { row: { key: 'all', label: m('dash.deals.allSqls'), ...d }, base: BASE },
  ...d.byTeam.map((t) => ({ row: t, base: [...BASE, 'byTeam', t.key] })),
])}
</div>`;
}

/** A text around one marker: what comes before and after it. */
function splitOnce(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + marker.length)];
}

/** `{won} of {sqls} SQLs` with markers for both links: [[before won, between], after sqls]. */
function splitAround(text: string): [[string, string], string] {
  const [before, rest] = splitOnce(text, '\u0000');
  const [between, after] = splitOnce(rest, '\u0001');
  return [[before, between], after];
}
