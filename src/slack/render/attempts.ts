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
  const { t } = rc.t;
  return attemptsMessage(
    rc,
    'attempts_actions',
    t('attempts.shortfall', {
      made,
      required,
      lead: leadTitleLine(lead, rc.t),
      owner: ownerNote(rc),
      short: required - made,
    }),
    t('attempts.shortfall.text', { lead: leadPlain(lead, rc.t), made, required }),
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
  const { t } = rc.t;
  return attemptsMessage(
    rc,
    'overkill_actions',
    t('attempts.overkill', { made, lead: leadTitleLine(lead, rc.t), owner: ownerNote(rc), atMost }),
    t('attempts.overkill.text', { lead: leadPlain(lead, rc.t), made, atMost }),
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
    actions(blockId, [hubspotButton(rc.context.instance.lead, rc.t)]),
  ]);
  return { text: fallbackText(text), blocks };
}
