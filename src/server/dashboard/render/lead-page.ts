import type { Timeline } from '../../../domain/timeline/index.ts';
import { type DescribeContext, describeEvent, when } from '../../../reports/timeline/describe-event.ts';
import { instanceLine, leadName } from '../../../reports/timeline/render-timeline.ts';
import { html } from './html.ts';
import { layout } from './page.ts';

/**
 * One lead's page: each of its handoffs (newest first) with every event in time order, the same
 * lines `sla-bot explain` prints, in the reader's language.
 */
export function leadPage(timelines: readonly Timeline[], back: string, c: DescribeContext): string {
  const { t } = c.t;
  const first = timelines[0];
  const title = first === undefined ? t('timeline.none') : t('timeline.title', { lead: leadName(first) });
  const sections = timelines.map(
    (tl) => html`<section class="timeline" data-instance="${tl.instanceId}"><h2>${instanceLine(tl, c)}</h2>
<p class="note"><a href="${tl.instance.lead.url}" rel="noreferrer">${t('timeline.hubspot')}</a> · <code>${tl.instanceId}</code></p>
${tl.recomputed ? html`<p class="warning">${t('timeline.recomputed')}</p>` : ''}
<table class="figs events"><thead><tr><th>${t('timeline.col.when')}</th><th>${t('timeline.col.what')}</th></tr></thead><tbody>${tl.events.map(
      (e) =>
        html`<tr data-kind="${e.kind}"><th scope="row">${when(e.at, c)}</th><td class="what">${describeEvent(e, c)}</td></tr>`,
    )}</tbody></table></section>`,
  );
  const body = html`<header><h1>${title}</h1><nav><a href="${back}">${t('timeline.back')}</a></nav></header>
<main>${sections}</main>`;
  return layout(title, body, c.t.lang);
}
