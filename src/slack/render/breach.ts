import type { Instant } from '../../domain/time.ts';
import type { Message } from './blocks.ts';
import { actions, compact, context, fallbackBanner, hubspotButton, section } from './common-blocks.ts';
import { leadPlain, leadTitleLine } from './lead-facts.ts';
import { ownerNote, type RenderContext } from './render-context.ts';
import { fallbackText } from './text.ts';
import { formatDuration, localTime, slackDate } from './time-format.ts';

const EXCUSED = 'The deadline fell in an outage of HubSpot or Slack, so it is not counted against you.';

/** Breach note to the rep: how late, and that contact is still due. */
export function renderBreach(
  rc: RenderContext,
  deadline: Instant,
  excused: boolean,
  extra: string | null,
): Message {
  const { lead } = rc.context.instance;
  const late = formatDuration(Math.max(0, rc.now - deadline));
  const whom = ownerNote(rc);
  const blocks = compact([
    ...fallbackBanner(rc.fallbackNote),
    section(
      `:red_circle: *First-contact deadline missed by ${late}* for ${leadTitleLine(lead)}${whom}. ` +
        `It was ${slackDate(deadline, rc.zone)}. Please contact them now.`,
    ),
    excused || extra !== null
      ? context([...(excused ? [EXCUSED] : []), ...(extra === null ? [] : [extra])])
      : null,
    actions('breach_actions', [hubspotButton(lead)]),
  ]);
  const text = fallbackText(
    `First-contact deadline for ${leadPlain(lead)} missed by ${late} (was ${localTime(deadline, rc.zone)}).`,
  );
  return { text, blocks };
}
