import type { Report, SpeedRow } from '../../../domain/reports/index.ts';
import { SPEED_BANDS } from '../../../domain/reports/index.ts';
import type { ReportValues } from '../../../reports/format/localized.ts';
import { type Column, figureTable, tile } from '../render/figure-table.ts';
import { html, type SafeHtml } from '../render/html.ts';
import { figureLink, type Links } from '../render/links.ts';
import { type Bar, columns, hbars } from '../render/svg-charts.ts';

const speedColumns = (v: ReportValues): readonly Column<SpeedRow>[] => {
  const { t: m } = v.t;
  return [
    { title: m('col.handoffs'), path: ['handoffs'], pick: (r) => r.handoffs, show: v.count },
    { title: m('col.met'), path: ['met'], pick: (r) => r.met, show: v.count },
    { title: m('col.corrected'), path: ['corrected'], pick: (r) => r.corrected, show: v.count },
    { title: m('col.breached'), path: ['breached'], pick: (r) => r.breached, show: v.count },
    { title: m('col.excused'), path: ['excused'], pick: (r) => r.excused, show: v.count },
    { title: m('col.pending'), path: ['pending'], pick: (r) => r.pending, show: v.count },
    { title: m('col.compliance'), path: ['compliance'], pick: (r) => r.compliance, show: v.pct },
    {
      title: m('col.median'),
      path: ['timeToContact', 'median'],
      pick: (r) => r.timeToContact.median,
      show: v.ms,
    },
    { title: m('col.p90'), path: ['timeToContact', 'p90'], pick: (r) => r.timeToContact.p90, show: v.ms },
    { title: m('col.repDelay'), path: ['repDelay', 'median'], pick: (r) => r.repDelay.median, show: v.ms },
    {
      title: m('col.systemDelay'),
      path: ['systemDelay', 'detection', 'median'],
      pick: (r) => r.systemDelay.detection.median,
      show: v.ms,
    },
    {
      title: m('col.silenced'),
      path: ['silencedEscalations'],
      pick: (r) => r.silencedEscalations,
      show: v.count,
    },
  ];
};

const tone = (v: number | null) => (v === null ? 'muted' : v >= 90 ? 'good' : v >= 70 ? 'warn' : 'bad');

export function speedSection(r: Report, l: Links, v: ReportValues): SafeHtml {
  const { t: m } = v.t;
  const cols = speedColumns(v);
  const t = r.speed.total;
  const p = (...rest: string[]) => ['speed', 'total', ...rest];
  const bands: Bar[] = SPEED_BANDS.map((b) => ({
    label: b.label,
    value: t.bands[b.key].value,
    display: v.count(t.bands[b.key]),
    href: t.bands[b.key].ids.length > 0 ? l.leads(p('bands', b.key)) : null,
    figure: p('bands', b.key).join('/'),
    tone: b.key === '0-5m' ? 'good' : b.key === '60m+' ? 'bad' : 'warn',
  }));
  const perPeriod = (
    pick: (row: SpeedRow) => { value: number | null; ids: readonly string[] },
    path: string[],
    show: (f: { value: number | null; ids: readonly string[] }) => string,
    toned: boolean,
  ): Bar[] =>
    r.speed.byPeriod.map((row) => {
      const f = pick(row);
      const fp = ['speed', 'byPeriod', row.key, ...path];
      return {
        label: v.shortPeriod(row.key, row.label),
        value: f.value,
        display: show(f),
        href: f.ids.length > 0 ? l.leads(fp) : null,
        figure: fp.join('/'),
        tone: toned ? tone(f.value) : 'neutral',
      };
    });
  const reps: Bar[] = r.speed.byRep.map((row) => ({
    label: v.rowLabel(row.key, row.label),
    value: row.compliance.value,
    display: v.pct(row.compliance),
    href: row.compliance.ids.length > 0 ? l.leads(['speed', 'byRep', row.key, 'compliance']) : null,
    figure: `speed/byRep/${encodeURIComponent(row.key)}/compliance`,
    tone: tone(row.compliance.value),
  }));
  const period = m(`period.${r.query.period}`);
  const table = (base: string[], head: string, rows: readonly SpeedRow[], total = false) =>
    figureTable(l, base, head, rows, cols, total ? () => base : undefined, v.rowLabel);
  return html`<section id="speed"><h2>${m('dash.speed.title')}</h2>
<p class="note">${m('dash.speed.note')}</p>
<div class="tiles">
${tile(m('dash.speed.handoffs'), figureLink(l, p('handoffs'), t.handoffs, v.count(t.handoffs)))}
${tile(m('dash.speed.compliance'), figureLink(l, p('compliance'), t.compliance, v.pct(t.compliance)), m('dash.speed.complianceHint'))}
${tile(m('dash.speed.median'), figureLink(l, p('timeToContact', 'median'), t.timeToContact.median, v.ms(t.timeToContact.median)), m('dash.speed.p90', { duration: v.ms(t.timeToContact.p90) }))}
${tile(m('dash.speed.breached'), figureLink(l, p('breached'), t.breached, v.count(t.breached)), m('dash.speed.excused', { n: v.count(t.excused) }))}
${tile(m('dash.speed.corrected'), figureLink(l, p('corrected'), t.corrected, v.count(t.corrected)), m('dash.speed.correctedHint'))}
${tile(m('dash.speed.repDelay'), figureLink(l, p('repDelay', 'median'), t.repDelay.median, v.ms(t.repDelay.median)), m('dash.speed.repDelayHint'))}
${tile(m('dash.speed.systemDelay'), figureLink(l, p('systemDelay', 'detection', 'median'), t.systemDelay.detection.median, v.ms(t.systemDelay.detection.median)), m('dash.speed.systemDelayHint', { duration: v.ms(t.systemDelay.delivery.median) }))}
${tile(m('dash.speed.silenced'), figureLink(l, p('silencedEscalations'), t.silencedEscalations, v.count(t.silencedEscalations)))}
</div>
<div class="charts">
<figure><figcaption>${m('dash.speed.bands')}</figcaption>${hbars(m('dash.speed.bandsChart'), bands)}</figure>
<figure><figcaption>${m('dash.speed.perPeriod', { period })}</figcaption>${columns(
    m('dash.speed.perPeriodChart'),
    perPeriod((x) => x.compliance, ['compliance'], v.pct, true),
    { max: 100 },
  )}</figure>
<figure><figcaption>${m('dash.speed.medianPerPeriod', { period })}</figcaption>${columns(
    m('dash.speed.medianPerPeriodChart'),
    perPeriod((x) => x.timeToContact.median, ['timeToContact', 'median'], v.ms, false).map((b) => ({
      ...b,
      value: b.value === null ? null : b.value / 60_000,
    })),
  )}</figure>
<figure><figcaption>${m('dash.speed.perRep')}</figcaption>${hbars(m('dash.speed.perRepChart'), reps, { max: 100 })}</figure>
</div>
${table(['speed', 'total'], m('dash.all'), [t], true)}
${table(['speed', 'byTeam'], m('col.team'), r.speed.byTeam)}
${table(['speed', 'byRep'], m('col.rep'), r.speed.byRep)}
${table(['speed', 'byStage'], m('col.stage'), r.speed.byStage)}
${table(['speed', 'byPeriod'], period, r.speed.byPeriod)}
</section>`;
}
