import type { Report, StageDelivery } from '../../../domain/reports/index.ts';
import { figurePath } from '../../../domain/reports/index.ts';
import { count, pct, signed } from '../../../reports/format/values.ts';
import { html, type SafeHtml } from '../render/html.ts';
import { figureLink, type Links } from '../render/links.ts';
import { type Bar, hbars } from '../render/svg-charts.ts';
import { waterfall } from '../render/waterfall.ts';
import { dealsSection } from './deals-section.ts';

function stageBlock(s: StageDelivery, l: Links): SafeHtml {
  const monthPath = (key: string) => ['delivery', 'stages', s.key, 'months', key, 'delivered'];
  const rows = s.months.map(
    (m) =>
      html`<tr><th scope="row">${m.label}${m.partial ? ' (partial)' : ''}</th><td>${figureLink(l, monthPath(m.key), m.delivered, count(m.delivered))}</td><td>${m.commitment ?? '—'}</td><td>${signed(m.delta)}</td><td>${signed(m.cumulative)}</td></tr>`,
  );
  const chart =
    s.monthlyCommitment === null
      ? html`<p class="note">No monthly commitment for ${s.label} in the SLA file (reports.monthly_commitment).</p>`
      : waterfall(
          `${s.label} delivered against the commitment`,
          s.months.map((m) => {
            const end = m.cumulative ?? 0;
            return {
              label: m.key,
              start: end - (m.delta ?? 0),
              end,
              display: `${count(m.delivered)} (${signed(m.delta)})`,
              href: m.delivered.ids.length > 0 ? l.leads(monthPath(m.key)) : null,
              figure: figurePath(monthPath(m.key)),
            };
          }),
        );
  return html`<figure class="wide"><figcaption>${s.label}: ${count(s.delivered)} handed over${s.monthlyCommitment === null ? '' : `, commitment ${s.monthlyCommitment} a month`}</figcaption>${chart}
<table class="figs"><thead><tr><th>month</th><th>delivered</th><th>commitment</th><th>difference</th><th>running</th></tr></thead><tbody>${rows}</tbody></table></figure>`;
}

export function deliverySection(r: Report, l: Links): SafeHtml {
  const d = r.delivery;
  const conversion: Bar[] = d.conversion.map((c) => {
    const path = ['delivery', 'conversion', c.key, 'converted'];
    return {
      label: c.label,
      value: c.rate.value,
      display: `${pct(c.rate)} (${count(c.converted)} of ${count(c.entered)})`,
      href: c.converted.ids.length > 0 ? l.leads(path) : null,
      figure: figurePath(path),
      tone: 'neutral',
    };
  });
  const reasons: Bar[] = d.notAFit.map((x) => {
    const path = ['delivery', 'notAFit', x.key, 'count'];
    return {
      label: x.label,
      value: x.count.value,
      display: count(x.count),
      href: l.leads(path),
      figure: figurePath(path),
    };
  });
  return html`<section id="delivery"><h2>Marketing delivery</h2>
<div class="charts">${d.stages.map((s) => stageBlock(s, l))}</div>
<div class="charts">
<figure><figcaption>Stage conversion (%)</figcaption>${hbars('Stage conversion', conversion, { max: 100 })}</figure>
<figure><figcaption>Why sales said "not a fit"</figcaption>${reasons.length === 0 ? html`<p class="note">No "not a fit" feedback in this period.</p>` : hbars('Not a fit reasons', reasons)}</figure>
</div>
${dealsSection(d.deals, l)}
</section>`;
}
