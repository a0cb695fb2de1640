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
import { slackDate } from './time-format.ts';

/** Reminder before the first-contact deadline. */
export function renderReminder(
  rc: RenderContext,
  deadline: Instant,
  leftAtDue: Millis,
  extra: string | null,
): Message {
  const { t } = rc.t;
  const left = rc.t.duration(Math.max(0, leftAtDue));
  const { lead } = rc.context.instance;
  const phone = lead.phone ? t('reminder.call', { phone: phoneLink(lead.phone) }) : '';
  const acked = rc.context.evaluation.acknowledged !== null;
  const blocks = compact([
    ...fallbackBanner(rc.fallbackNote),
    section(
      t('reminder.headline', {
        left,
        lead: leadTitleLine(lead, rc.t),
        owner: ownerNote(rc),
        deadline: slackDate(deadline, rc.zone, rc.t),
        phone,
      }),
    ),
    extra === null ? null : context([extra]),
    actions('reminder_actions', [
      acked ? null : button(ACTION.onIt, t('button.onIt'), rc.context.instance.id, 'primary'),
      hubspotButton(lead, rc.t),
    ]),
  ]);
  const text = fallbackText(
    t('reminder.text', { left, lead: leadPlain(lead, rc.t), time: rc.t.localTime(deadline, rc.zone) }),
  );
  return { text, blocks };
}
