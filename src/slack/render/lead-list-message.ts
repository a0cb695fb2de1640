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
  if (leads.length === 0)
    return {
      text: fallbackText(`${title}: no open leads.`),
      blocks: [section(`*${fitEscaped(title, 200)}*\nNo open leads. :tada:`)],
    };
  // 1 header + 40 rows + 1 footer stays under the 50-block message limit.
  const blocks = [header(title), ...leadRows(leads, { ...o, max: 40 })];
  return {
    text: fallbackText(`${title}: ${leads.length} open lead${leads.length === 1 ? '' : 's'}.`),
    blocks,
  };
}

/**
 * The App Home tab: the rep's open leads, most urgent first (`more`: open leads not given, less
 * urgent than those given — counted, not listed).
 */
export function renderHome(
  leads: readonly InstanceView[],
  o: Omit<LeadListOptions, 'max' | 'showOwner'>,
): HomeView {
  const total = leads.length + (o.more ?? 0);
  const intro =
    total === 0
      ? 'No open leads right now. New handoffs show up here and in your messages.'
      : `${total} open lead${total === 1 ? '' : 's'}, most urgent first, then by lead score.`;
  return {
    type: 'home',
    blocks: [
      header('Your open leads'),
      context([intro]),
      // 2 + 95 rows + 1 footer stays under the 100-block view limit.
      ...leadRows(leads, { ...o, showOwner: false, max: HOME_ROWS }),
    ],
  };
}
