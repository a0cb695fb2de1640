import type { Message } from './blocks.ts';
import { actions, compact, context, fallbackBanner, hubspotButton, section } from './common-blocks.ts';
import { leadPlain, leadTitleLine } from './lead-facts.ts';
import { ownerNote, type RenderContext } from './render-context.ts';
import { fallbackText } from './text.ts';

/** The attempts window closed with too few attempts. */
export function renderShortfall(
  rc: RenderContext,
  made: number,
  required: number,
  extra: string | null,
): Message {
  const { lead } = rc.context.instance;
  return attemptsMessage(
    rc,
    'attempts_actions',
    `:telephone_receiver: *Attempts ${made} of ${required}* for ${leadTitleLine(lead)}${ownerNote(rc)}: ` +
      `the attempts window closed ${required - made} short.`,
    `${leadPlain(lead)}: ${made} of ${required} attempts when the window closed.`,
    extra,
  );
}

/** More attempts than the policy's upper bound: stop before it becomes spam. */
export function renderOverkill(
  rc: RenderContext,
  made: number,
  atMost: number,
  extra: string | null,
): Message {
  const { lead } = rc.context.instance;
  return attemptsMessage(
    rc,
    'overkill_actions',
    `:warning: *${made} attempts* on ${leadTitleLine(lead)}${ownerNote(rc)}; the SLA says at most ${atMost}. ` +
      'Consider recycling the lead to nurture instead of calling again.',
    `${leadPlain(lead)}: ${made} attempts, more than the ${atMost} allowed.`,
    extra,
  );
}

/** Both attempts messages: the headline, an optional note, and the HubSpot button. */
function attemptsMessage(
  rc: RenderContext,
  blockId: string,
  headline: string,
  text: string,
  extra: string | null,
): Message {
  const blocks = compact([
    ...fallbackBanner(rc.fallbackNote),
    section(headline),
    extra === null ? null : context([extra]),
    actions(blockId, [hubspotButton(rc.context.instance.lead)]),
  ]);
  return { text: fallbackText(text), blocks };
}
