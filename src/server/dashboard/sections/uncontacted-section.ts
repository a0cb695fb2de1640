import type { Report, UncontactedRow } from '../../../domain/reports/index.ts';
import { AGE_BUCKETS, figurePath } from '../../../domain/reports/index.ts';
import type { ReportValues } from '../../../reports/format/localized.ts';
import { type Column, figureTable } from '../render/figure-table.ts';
import { html, type SafeHtml } from '../render/html.ts';
import type { Links } from '../render/links.ts';
import { type Segment, stacked, type Tone } from '../render/svg-charts.ts';

const TONES: readonly Tone[] = ['neutral', 'warn', 'bad', 'bad'];

const columns = (v: ReportValues): readonly Column<UncontactedRow>[] => [
  { title: v.t.t('col.open'), path: ['total'], pick: (r) => r.total, show: v.count },
  ...AGE_BUCKETS.map((b) => ({
    title: v.t.t(`dash.age.${b.key}`),
    path: ['ages', b.key],
    pick: (r: UncontactedRow) => r.ages[b.key],
    show: v.count,
  })),
  { title: v.t.t('col.oldest'), path: ['oldest'], pick: (r) => r.oldest, show: v.ms },
];

export function uncontactedSection(r: Report, l: Links, v: ReportValues): SafeHtml {
  const { t: m } = v.t;
  const age = (key: (typeof AGE_BUCKETS)[number]['key']) => m(`dash.age.${key}`);
  const u = r.uncontacted;
  const rows = u.byOwner.slice(0, 25).map((row) => {
    const label = v.rowLabel(row.key, row.label);
    return {
      label: row.team === null ? label : `${label} (${row.team})`,
      segments: AGE_BUCKETS.map((b, i): Segment => {
        const path = ['uncontacted', 'byOwner', row.key, 'ages', b.key];
        const f = row.ages[b.key];
        return {
          value: f.value ?? 0,
          display: `${age(b.key)}: ${v.count(f)}`,
          href: f.ids.length > 0 ? l.leads(path) : null,
          figure: figurePath(path),
          tone: TONES[i] ?? 'bad',
        };
      }),
    };
  });
  const cols = columns(v);
  return html`<section id="uncontacted"><h2>${m('dash.uncontacted.title')}</h2>
<p class="note">${m('dash.uncontacted.note')}</p>
${
  rows.length === 0
    ? html`<p class="note">${m('dash.uncontacted.none')}</p>`
    : html`<figure><figcaption>${m('dash.uncontacted.perOwner')}</figcaption>${stacked(
        m('dash.uncontacted.chart'),
        rows,
        AGE_BUCKETS.map((b, i) => ({ label: age(b.key), tone: TONES[i] ?? 'bad' })),
      )}</figure>`
}
${figureTable(l, ['uncontacted', 'total'], m('col.owner'), [u.total], cols, () => ['uncontacted', 'total'], v.rowLabel)}
${figureTable(l, ['uncontacted', 'byOwner'], m('col.owner'), u.byOwner, cols, undefined, v.rowLabel)}
</section>`;
}
