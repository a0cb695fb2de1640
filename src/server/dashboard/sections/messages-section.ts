import type { MessageRow, Report } from '../../../domain/reports/index.ts';
import type { ReportValues } from '../../../reports/format/localized.ts';
import { type Column, figureTable } from '../render/figure-table.ts';
import { html, type SafeHtml } from '../render/html.ts';
import type { Links } from '../render/links.ts';

const columns = (v: ReportValues): readonly Column<MessageRow>[] => [
  { title: v.t.t('col.pings'), path: ['sent', 'handoff'], pick: (r) => r.sent.handoff, show: v.count },
  { title: v.t.t('col.reminders'), path: ['sent', 'reminder'], pick: (r) => r.sent.reminder, show: v.count },
  { title: v.t.t('col.breaches'), path: ['sent', 'breach'], pick: (r) => r.sent.breach, show: v.count },
  {
    title: v.t.t('col.escalations'),
    path: ['sent', 'escalation'],
    pick: (r) => r.sent.escalation,
    show: v.count,
  },
  {
    title: v.t.t('col.shortfalls'),
    path: ['sent', 'attempts_shortfall'],
    pick: (r) => r.sent.attempts_shortfall,
    show: v.count,
  },
  { title: v.t.t('col.overkill'), path: ['sent', 'overkill'], pick: (r) => r.sent.overkill, show: v.count },
  { title: v.t.t('col.failed'), path: ['failed'], pick: (r) => r.failed, show: v.count },
  { title: v.t.t('col.pending'), path: ['pending'], pick: (r) => r.pending, show: v.count },
];

export function messagesSection(r: Report, l: Links, v: ReportValues): SafeHtml {
  const { t: m } = v.t;
  const cols = columns(v);
  const worst = r.worstBreaches.map(
    (b) =>
      html`<tr><th scope="row"><a href="${b.url}" rel="noreferrer">${b.name}</a>${b.company ? ` (${b.company})` : ''}</th><td>${b.owner}</td><td>${b.team ?? '—'}</td><td>${b.stage}</td><td>${v.when(b.enteredAt, r.zone)}</td><td>${v.duration(b.lateBy)}</td><td>${b.contactedAt === null ? m('col.notYet') : v.when(b.contactedAt, r.zone)}</td></tr>`,
  );
  const head = (
    ['col.lead', 'col.owner', 'col.team', 'col.stage', 'col.entered', 'col.lateBy', 'col.contacted'] as const
  ).map((k) => html`<th>${m(k)}</th>`);
  return html`<section id="messages"><h2>${m('dash.messages.title')}</h2>
${figureTable(l, ['messages', 'total'], m('dash.messages.sent'), [r.messages.total], cols, () => ['messages', 'total'], v.rowLabel)}
${figureTable(l, ['messages', 'byTeam'], m('col.team'), r.messages.byTeam, cols, undefined, v.rowLabel)}
<h3>${m('dash.messages.worst')}</h3>
${worst.length === 0 ? html`<p class="note">${m('dash.messages.none')}</p>` : html`<table class="figs" id="worst"><thead><tr>${head}</tr></thead><tbody>${worst}</tbody></table>`}
</section>`;
}
