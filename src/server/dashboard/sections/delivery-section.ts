import type { Report, StageDelivery } from '../../../domain/reports/index.ts';
import { figurePath } from '../../../domain/reports/index.ts';
import type { ReportValues } from '../../../reports/format/localized.ts';
import { html, raw, type SafeHtml } from '../render/html.ts';
import { figureLink, type Links } from '../render/links.ts';
import { type Bar, hbars } from '../render/svg-charts.ts';
import { waterfall } from '../render/waterfall.ts';
import { dealsSection } from './deals-section.ts';

function stageBlock(s: StageDelivery, l: Links, v: ReportValues): SafeHtml {
  const { t: m } = v.t;
  const monthPath = (key: string) => ['delivery', 'stages', s.key, 'months', key, 'delivered'];
  const rows = s.months.map(
    (mo) =>
      html`<tr><th scope="row">${v.rowLabel(mo.key, mo.label)}${mo.partial ? m('report.partial') : ''}</th><td>${figureLink(l, monthPath(mo.key), mo.delivered, v.count(mo.delivered))}</td><td>${mo.commitment ?? '—'}</td><td>${v.signed(mo.delta)}</td><td>${v.signed(mo.cumulative)}</td></tr>`,
  );
  const chart =
    s.monthlyCommitment === null
      ? html`<p class="note">${m('dash.delivery.noCommitment', { stage: s.label })}</p>`
      : waterfall(
          m('dash.delivery.waterfall', { stage: s.label }),
          s.months.map((mo) => {
            const end = mo.cumulative ?? 0;
            return {
              label: mo.key,
              start: end - (mo.delta ?? 0),
              end,
              display: `${v.count(mo.delivered)} (${v.signed(mo.delta)})`,
              href: mo.delivered.ids.length > 0 ? l.leads(monthPath(mo.key)) : null,
              figure: figurePath(monthPath(mo.key)),
            };
          }),
        );
  const caption = `${m('dash.delivery.handedOver', { stage: s.label, n: v.count(s.delivered) })}${
    s.monthlyCommitment === null
      ? ''
      : m('dash.delivery.commitmentPerMonth', { n: String(s.monthlyCommitment) })
  }`;
  const head = (
    ['col.month', 'col.delivered', 'col.commitment', 'col.difference', 'col.running'] as const
  ).map((k) => html`<th>${m(k)}</th>`);
  return html`<figure class="wide"><figcaption>${caption}</figcaption>${chart}
<table class="figs"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></figure>`;
}

export function deliverySection(r: Report, l: Links, v: ReportValues): SafeHtml {
  const { t: m } = v.t;
  const d = r.delivery;
  const conversion: Bar[] = d.conversion.map((c) => {
    const path = ['delivery', 'conversion', c.key, 'converted'];
    return {
      label: c.label,
      value: c.rate.value,
      display: m('dash.delivery.converted', {
        pct: v.pct(c.rate),
        converted: v.count(c.converted),
        entered: v.count(c.entered),
      }),
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
      display: v.count(x.count),
      href: l.leads(path),
      figure: figurePath(path),
    };
  });
  return html`<section id="delivery"><h2>${m('dash.delivery.title')}</h2>
<div class="charts">${d.stages.map((s) => stageBlock(s, l, v))}</div>
<div class="charts">
<figure><figcaption>${m('dash.delivery.conversion')}</figcaption>${hbars(m('dash.delivery.conversionChart'), conversion, { max: 100 })}</figure>
<figure><figcaption>${raw(m('dash.delivery.notAFit'))}</figcaption>${reasons.length === 0 ? html`<p class="note">${raw(m('dash.delivery.notAFitNone'))}</p>` : hbars(m('dash.delivery.notAFitChart'), reasons)}</figure>
</div>
${dealsSection(d.deals, l, v)}
</section>`;
}
