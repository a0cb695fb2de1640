import type { Instant } from '../../domain/time.ts';
import type { Message } from './blocks.ts';
import { actions, compact, context, fallbackBanner, hubspotButton, section } from './common-blocks.ts';
import { leadPlain, leadTitleLine } from './lead-facts.ts';
import { ownerNote, type RenderContext } from './render-context.ts';
import { fallbackText } from './text.ts';
import { slackDate } from './time-format.ts';

/** Breach note to the rep: how late, and that contact is still due. */
export function renderBreach(
  rc: RenderContext,
  deadline: Instant,
  excused: boolean,
  extra: string | null,
): Message {
  const { lead } = rc.context.instance;
  const { t } = rc.t;
  const late = rc.t.duration(Math.max(0, rc.now - deadline));
  const blocks = compact([
    ...fallbackBanner(rc.fallbackNote),
    section(
      t('breach.headline', {
        late,
        lead: leadTitleLine(lead, rc.t),
        owner: ownerNote(rc),
        deadline: slackDate(deadline, rc.zone, rc.t),
      }),
    ),
    excused || extra !== null
      ? context([...(excused ? [t('breach.excused')] : []), ...(extra === null ? [] : [extra])])
      : null,
    actions('breach_actions', [hubspotButton(lead, rc.t)]),
  ]);
  const text = fallbackText(
    t('breach.text', { lead: leadPlain(lead, rc.t), late, time: rc.t.localTime(deadline, rc.zone) }),
  );
  return { text, blocks };
}
