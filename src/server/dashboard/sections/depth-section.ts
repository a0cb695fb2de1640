import type { DepthRow, Report } from '../../../domain/reports/index.ts';
import { figurePath } from '../../../domain/reports/index.ts';
import type { ReportValues } from '../../../reports/format/localized.ts';
import { DASH } from '../../../reports/format/values.ts';
import { type Column, figureTable, tile } from '../render/figure-table.ts';
import { html, type SafeHtml } from '../render/html.ts';
import { figureLink, type Links } from '../render/links.ts';
import { type Bar, hbars } from '../render/svg-charts.ts';

const columns = (v: ReportValues): readonly Column<DepthRow>[] => {
  const { t: m } = v.t;
  return [
    { title: m('col.leads'), path: ['leads'], pick: (r) => r.leads, show: v.count },
    { title: m('col.attempts'), path: ['attempts'], pick: (r) => r.attempts, show: v.count },
    { title: m('col.required'), path: ['required'], pick: (r) => r.required, show: v.count },
    { title: m('col.avg'), path: ['averageAttempts'], pick: (r) => r.averageAttempts, show: v.mean },
    { title: m('col.met'), path: ['attemptsMet'], pick: (r) => r.attemptsMet, show: v.count },
    { title: m('col.short'), path: ['attemptsShort'], pick: (r) => r.attemptsShort, show: v.count },
    { title: m('col.open'), path: ['attemptsOpen'], pick: (r) => r.attemptsOpen, show: v.count },
    { title: m('col.overkill'), path: ['overkill'], pick: (r) => r.overkill, show: v.count },
    { title: m('col.calls'), path: ['calls'], pick: (r) => r.calls, show: v.count },
    { title: m('col.talkTime'), path: ['talkTime'], pick: (r) => r.talkTime, show: v.ms },
  ];
};

export function depthSection(r: Report, l: Links, v: ReportValues): SafeHtml {
  const { t: m } = v.t;
  const cols = columns(v);
  const one = (n: number | null) => (n === null ? DASH : v.t.decimal(n, 1));
  const t = r.depth.total;
  const p = (...rest: string[]) => ['depth', 'total', ...rest];
  const perLead = t.withRule.value ? (t.required.value ?? 0) / t.withRule.value : null;
  const reps: Bar[] = r.depth.byRep.map((row) => {
    const path = ['depth', 'byRep', row.key, 'averageAttempts'];
    const required = row.withRule.value ? (row.required.value ?? 0) / row.withRule.value : null;
    return {
      label: v.rowLabel(row.key, row.label),
      value: row.averageAttempts.value,
      display: m('dash.depth.ofRequired', { avg: v.mean(row.averageAttempts), required: one(required) }),
      href: row.averageAttempts.ids.length > 0 ? l.leads(path) : null,
      figure: figurePath(path),
      tone: required !== null && (row.averageAttempts.value ?? 0) >= required ? 'good' : 'warn',
    };
  });
  const outcomes: Bar[] = Object.entries(t.outcomes).map(([name, f]) => {
    const path = p('outcomes', name);
    return {
      label: name,
      value: f.value,
      display: v.count(f),
      href: f.ids.length > 0 ? l.leads(path) : null,
      figure: figurePath(path),
    };
  });
  const table = (base: string[], head: string, rows: readonly DepthRow[], total = false) =>
    figureTable(l, base, head, rows, cols, total ? () => base : undefined, v.rowLabel);
  return html`<section id="depth"><h2>${m('dash.depth.title')}</h2>
<div class="tiles">
${tile(m('dash.depth.perLead'), figureLink(l, p('averageAttempts'), t.averageAttempts, v.mean(t.averageAttempts)), m('dash.depth.required', { n: one(perLead) }))}
${tile(m('dash.depth.short'), figureLink(l, p('attemptsShort'), t.attemptsShort, v.count(t.attemptsShort)), m('dash.depth.shortHint'))}
${tile(m('dash.depth.overkill'), figureLink(l, p('overkill'), t.overkill, v.count(t.overkill)), m('dash.depth.overkillHint'))}
${tile(m('dash.depth.calls'), figureLink(l, p('calls'), t.calls, v.count(t.calls)), m('dash.depth.talkTime', { duration: v.ms(t.talkTime) }))}
${tile(m('dash.depth.talkPerLead'), figureLink(l, p('averageTalkTime'), t.averageTalkTime, v.ms(t.averageTalkTime)))}
</div>
<div class="charts">
<figure><figcaption>${m('dash.depth.perRep')}</figcaption>${hbars(m('dash.depth.perRepChart'), reps)}</figure>
<figure><figcaption>${m('dash.depth.outcomes')}</figcaption>${outcomes.length === 0 ? html`<p class="note">${m('dash.depth.noCalls')}</p>` : hbars(m('dash.depth.outcomesChart'), outcomes)}</figure>
</div>
${table(['depth', 'total'], m('dash.all'), [t], true)}
${table(['depth', 'byTeam'], m('col.team'), r.depth.byTeam)}
${table(['depth', 'byRep'], m('col.rep'), r.depth.byRep)}
${table(['depth', 'byStage'], m('col.stage'), r.depth.byStage)}
</section>`;
}
