import type { Figure, InstanceSummary, Report } from '../../../domain/reports/index.ts';
import { type Translator, translator } from '../../../i18n/translate.ts';
import { reportValues } from '../../../reports/format/localized.ts';
import { DASH } from '../../../reports/format/values.ts';
import { html, raw } from './html.ts';
import type { Links } from './links.ts';
import { layout } from './page.ts';

/** The click-through: the leads behind one figure, with a link to each record in HubSpot. */
export function leadsPage(
  r: Report,
  figurePath: string,
  f: Figure,
  l: Links,
  t: Translator = translator(),
): string {
  const v = reportValues(t);
  const { t: m } = t;
  const byId = new Map(r.leads.map((lead) => [lead.id, lead]));
  const rows = f.ids.map((id) => {
    const lead: InstanceSummary | undefined = byId.get(id);
    if (lead === undefined)
      return html`<tr><th scope="row">${id}</th><td colspan="8">${raw(m('dash.leads.missing'))}</td></tr>`;
    return html`<tr data-id="${lead.id}"><th scope="row"><a href="${lead.url}" rel="noreferrer">${lead.name}</a>${lead.company ? ` (${lead.company})` : ''} <a class="timeline" href="${l.lead(lead.id)}">${m('timeline.link')}</a></th><td>${lead.owner}</td><td>${lead.team ?? DASH}</td><td>${lead.stage}</td><td>${v.when(lead.enteredAt, r.zone)}</td><td>${v.verdict(lead)}</td><td>${v.duration(lead.timeToContact)}</td><td>${v.duration(lead.lateBy)}</td><td>${lead.attempts === null ? DASH : `${lead.attempts.made}/${lead.attempts.required}`}</td></tr>`;
  });
  const head = (
    [
      'col.lead',
      'col.owner',
      'col.team',
      'col.stage',
      'col.entered',
      'col.verdict',
      'col.toContact',
      'col.lateBy',
      'col.attempts',
    ] as const
  ).map((k) => html`<th>${m(k)}</th>`);
  const body = html`<header><h1>${m('dash.leads.title')}</h1><nav><a href="${l.page()}">${m('dash.leads.back')}</a></nav></header>
<main><section><h2>${figurePath.split('/').map(decodeURIComponent).join(' › ')}</h2>
<p class="note">${m('dash.leads.value')} <strong id="value">${f.value ?? DASH}</strong> · ${m('dash.leadCount', { n: String(f.ids.length) })}</p>
<table class="figs" id="leads"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>
</section></main>`;
  return layout(m('dash.leads.title'), body, t.lang);
}
