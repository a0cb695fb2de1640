import type { Figure, InstanceSummary, Report } from '../../../domain/reports/index.ts';
import { DASH, duration, verdictText, when } from '../../../reports/format/values.ts';
import { html } from './html.ts';
import type { Links } from './links.ts';
import { layout } from './page.ts';

/** The click-through: the leads behind one figure, with a link to each record in HubSpot. */
export function leadsPage(r: Report, figurePath: string, f: Figure, l: Links): string {
  const byId = new Map(r.leads.map((lead) => [lead.id, lead]));
  const rows = f.ids.map((id) => {
    const lead: InstanceSummary | undefined = byId.get(id);
    if (lead === undefined)
      return html`<tr><th scope="row">${id}</th><td colspan="8">not in this report's leads (e.g. "not a fit" on a lead no longer stored)</td></tr>`;
    return html`<tr data-id="${lead.id}"><th scope="row"><a href="${lead.url}" rel="noreferrer">${lead.name}</a>${lead.company ? ` (${lead.company})` : ''}</th><td>${lead.owner}</td><td>${lead.team ?? DASH}</td><td>${lead.stage}</td><td>${when(lead.enteredAt, r.zone)}</td><td>${verdictText(lead)}</td><td>${duration(lead.timeToContact)}</td><td>${duration(lead.lateBy)}</td><td>${lead.attempts === null ? DASH : `${lead.attempts.made}/${lead.attempts.required}`}</td></tr>`;
  });
  const body = html`<header><h1>Leads behind a figure</h1><nav><a href="${l.page()}">back to the dashboard</a></nav></header>
<main><section><h2>${figurePath.split('/').map(decodeURIComponent).join(' › ')}</h2>
<p class="note">Value: <strong id="value">${f.value ?? DASH}</strong> · ${f.ids.length} lead(s)</p>
<table class="figs" id="leads"><thead><tr><th>lead</th><th>owner</th><th>team</th><th>stage</th><th>entered</th><th>verdict</th><th>to contact</th><th>late by</th><th>attempts</th></tr></thead><tbody>${rows}</tbody></table>
</section></main>`;
  return layout('Leads behind a figure', body);
}
