import type { MessageRow, Report } from '../../../domain/reports/index.ts';
import { count, duration, when } from '../../../reports/format/values.ts';
import { type Column, figureTable } from '../render/figure-table.ts';
import { html, type SafeHtml } from '../render/html.ts';
import type { Links } from '../render/links.ts';

const COLS: readonly Column<MessageRow>[] = [
  { title: 'pings', path: ['sent', 'handoff'], pick: (r) => r.sent.handoff, show: count },
  { title: 'reminders', path: ['sent', 'reminder'], pick: (r) => r.sent.reminder, show: count },
  { title: 'breaches', path: ['sent', 'breach'], pick: (r) => r.sent.breach, show: count },
  { title: 'escalations', path: ['sent', 'escalation'], pick: (r) => r.sent.escalation, show: count },
  {
    title: 'shortfalls',
    path: ['sent', 'attempts_shortfall'],
    pick: (r) => r.sent.attempts_shortfall,
    show: count,
  },
  { title: 'overkill', path: ['sent', 'overkill'], pick: (r) => r.sent.overkill, show: count },
  { title: 'failed', path: ['failed'], pick: (r) => r.failed, show: count },
  { title: 'pending', path: ['pending'], pick: (r) => r.pending, show: count },
];

export function messagesSection(r: Report, l: Links): SafeHtml {
  const worst = r.worstBreaches.map(
    (b) =>
      html`<tr><th scope="row"><a href="${b.url}" rel="noreferrer">${b.name}</a>${b.company ? ` (${b.company})` : ''}</th><td>${b.owner}</td><td>${b.team ?? '—'}</td><td>${b.stage}</td><td>${when(b.enteredAt, r.zone)}</td><td>${duration(b.lateBy)}</td><td>${b.contactedAt === null ? 'not yet' : when(b.contactedAt, r.zone)}</td></tr>`,
  );
  return html`<section id="messages"><h2>Messages and breaches</h2>
${figureTable(l, ['messages', 'total'], 'sent', [r.messages.total], COLS, () => ['messages', 'total'])}
${figureTable(l, ['messages', 'byTeam'], 'team', r.messages.byTeam, COLS)}
<h3>Worst breaches held against reps</h3>
${worst.length === 0 ? html`<p class="note">None.</p>` : html`<table class="figs" id="worst"><thead><tr><th>lead</th><th>owner</th><th>team</th><th>stage</th><th>entered</th><th>late by</th><th>contacted</th></tr></thead><tbody>${worst}</tbody></table>`}
</section>`;
}
