import type { InstanceView } from '../../ports/interactions.ts';
import { HOME_ROWS } from '../../ports/notifier.ts';
import type { HomeView, Message } from './blocks.ts';
import { context, header, section } from './common-blocks.ts';
import { type LeadListOptions, leadRows } from './lead-list.ts';
import { fallbackText, fitEscaped } from './text.ts';

/** `/sla` and `/sla team`: the caller's (or team's) open leads, as an ephemeral message. */
export function renderLeadListMessage(
  title: string,
  leads: readonly InstanceView[],
  o: Omit<LeadListOptions, 'max'>,
): Message {
  const { t } = o.t;
  if (leads.length === 0)
    return {
      text: fallbackText(t('list.empty.text', { title })),
      blocks: [section(t('list.empty', { title: fitEscaped(title, 200) }))],
    };
  // 1 header + 40 rows + 1 footer stays under the 50-block message limit.
  const blocks = [header(title), ...leadRows(leads, { ...o, max: 40 })];
  return { text: fallbackText(t('list.text', { title, n: leads.length })), blocks };
}

/**
 * The App Home tab: the rep's open leads, most urgent first (`more`: open leads not given, less
 * urgent than those given — counted, not listed).
 */
export function renderHome(
  leads: readonly InstanceView[],
  o: Omit<LeadListOptions, 'max' | 'showOwner'>,
): HomeView {
  const { t } = o.t;
  const total = leads.length + (o.more ?? 0);
  return {
    type: 'home',
    blocks: [
      header(t('home.title')),
      context([total === 0 ? t('home.empty') : t('home.intro', { n: total })]),
      // 2 + 95 rows + 1 footer stays under the 100-block view limit.
      ...leadRows(leads, { ...o, showOwner: false, max: HOME_ROWS }),
    ],
  };
}
