import type { Instant, Millis } from '../../domain/time.ts';
import type { Message } from './blocks.ts';
import {
  actions,
  button,
  compact,
  context,
  fallbackBanner,
  hubspotButton,
  section,
} from './common-blocks.ts';
import { ACTION } from './ids.ts';
import { leadPlain, leadTitleLine } from './lead-facts.ts';
import { ownerNote, type RenderContext } from './render-context.ts';
import { fallbackText, phoneLink } from './text.ts';
import { formatDuration, localTime, slackDate } from './time-format.ts';

/** Reminder before the first-contact deadline. */
export function renderReminder(
  rc: RenderContext,
  deadline: Instant,
  leftAtDue: Millis,
  extra: string | null,
): Message {
  const left = Math.max(0, leftAtDue);
  const { lead } = rc.context.instance;
  const whom = ownerNote(rc);
  const phone = lead.phone ? ` Call ${phoneLink(lead.phone)}.` : '';
  const acked = rc.context.evaluation.acknowledged !== null;
  const blocks = compact([
    ...fallbackBanner(rc.fallbackNote),
    section(
      `:alarm_clock: *${formatDuration(left)} left* to contact ${leadTitleLine(lead)}${whom}. ` +
        `Deadline ${slackDate(deadline, rc.zone)}.${phone}`,
    ),
    extra === null ? null : context([extra]),
    actions('reminder_actions', [
      acked ? null : button(ACTION.onIt, 'On it', rc.context.instance.id, 'primary'),
      hubspotButton(lead),
    ]),
  ]);
  const text = fallbackText(
    `${formatDuration(left)} left to contact ${leadPlain(lead)}: deadline ${localTime(deadline, rc.zone)}.`,
  );
  return { text, blocks };
}
