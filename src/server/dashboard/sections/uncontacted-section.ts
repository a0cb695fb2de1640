import type { Report, UncontactedRow } from '../../../domain/reports/index.ts';
import { AGE_BUCKETS, figurePath } from '../../../domain/reports/index.ts';
import { count, ms } from '../../../reports/format/values.ts';
import { type Column, figureTable } from '../render/figure-table.ts';
import { html, type SafeHtml } from '../render/html.ts';
import type { Links } from '../render/links.ts';
import { type Segment, stacked, type Tone } from '../render/svg-charts.ts';

const TONES: readonly Tone[] = ['neutral', 'warn', 'bad', 'bad'];

const COLS: readonly Column<UncontactedRow>[] = [
  { title: 'open', path: ['total'], pick: (r) => r.total, show: count },
  ...AGE_BUCKETS.map((b) => ({
    title: b.label,
    path: ['ages', b.key],
    pick: (r: UncontactedRow) => r.ages[b.key],
    show: count,
  })),
  { title: 'oldest', path: ['oldest'], pick: (r) => r.oldest, show: ms },
];

export function uncontactedSection(r: Report, l: Links): SafeHtml {
  const u = r.uncontacted;
  const rows = u.byOwner.slice(0, 25).map((row) => ({
    label: row.team === null ? row.label : `${row.label} (${row.team})`,
    segments: AGE_BUCKETS.map((b, i): Segment => {
      const path = ['uncontacted', 'byOwner', row.key, 'ages', b.key];
      const f = row.ages[b.key];
      return {
        value: f.value ?? 0,
        display: `${b.label}: ${count(f)}`,
        href: f.ids.length > 0 ? l.leads(path) : null,
        figure: figurePath(path),
        tone: TONES[i] ?? 'bad',
      };
    }),
  }));
  return html`<section id="uncontacted"><h2>Not yet contacted</h2>
<p class="note">Open leads nobody has contacted, whenever they were handed over, by age since the handoff.</p>
${
  rows.length === 0
    ? html`<p class="note">Every open lead has been contacted.</p>`
    : html`<figure><figcaption>Per owner, by age</figcaption>${stacked(
        'Uncontacted leads per owner by age',
        rows,
        AGE_BUCKETS.map((b, i) => ({ label: b.label, tone: TONES[i] ?? 'bad' })),
      )}</figure>`
}
${figureTable(l, ['uncontacted', 'total'], 'owner', [u.total], COLS, () => ['uncontacted', 'total'])}
${figureTable(l, ['uncontacted', 'byOwner'], 'owner', u.byOwner, COLS)}
</section>`;
}
