import type { Message } from './blocks.ts';
import { actions, compact, context, fallbackBanner, hubspotButton, section } from './common-blocks.ts';
import { leadPlain, leadTitleLine } from './lead-facts.ts';
import type { RenderContext } from './render-context.ts';
import { clip } from './text.ts';

/** The attempts window closed with too few attempts. */
export function renderShortfall(
  rc: RenderContext,
  made: number,
  required: number,
  extra: string | null,
): Message {
  const { lead } = rc.context.instance;
  const whom = rc.fallbackNote === null ? '' : ` (owner: ${rc.ownerName})`;
  const blocks = compact([
    ...fallbackBanner(rc.fallbackNote),
    section(
      `:telephone_receiver: *Attempts ${made} of ${required}* for ${leadTitleLine(lead)}${whom}: ` +
        `the attempts window closed ${required - made} short.`,
    ),
    extra === null ? null : context([extra]),
    actions('attempts_actions', [hubspotButton(lead)]),
  ]);
  return {
    text: clip(`${leadPlain(lead)}: ${made} of ${required} attempts when the window closed.`, 3000),
    blocks,
  };
}

/** More attempts than the policy's upper bound: stop before it becomes spam. */
export function renderOverkill(
  rc: RenderContext,
  made: number,
  atMost: number,
  extra: string | null,
): Message {
  const { lead } = rc.context.instance;
  const whom = rc.fallbackNote === null ? '' : ` (owner: ${rc.ownerName})`;
  const blocks = compact([
    ...fallbackBanner(rc.fallbackNote),
    section(
      `:warning: *${made} attempts* on ${leadTitleLine(lead)}${whom}; the SLA says at most ${atMost}. ` +
        'Consider recycling the lead to nurture instead of calling again.',
    ),
    extra === null ? null : context([extra]),
    actions('overkill_actions', [hubspotButton(lead)]),
  ]);
  return {
    text: clip(`${leadPlain(lead)}: ${made} attempts, more than the ${atMost} allowed.`, 3000),
    blocks,
  };
}
