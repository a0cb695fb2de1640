import type { Instant } from '../../domain/time.ts';
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
import { leadFacts, leadPlain, leadTitleLine } from './lead-facts.ts';
import type { RenderContext } from './render-context.ts';
import { fallbackText, safe } from './text.ts';
import { formatDuration, localTime, slackDate } from './time-format.ts';

export interface EscalationFacts {
  readonly deadline: Instant;
  readonly level: number;
  readonly repeat: number;
  readonly excused: boolean;
}

/** Escalation to a manager or channel: names the rep and the lead, offers a snooze. */
export function renderEscalation(rc: RenderContext, e: EscalationFacts, extra: string | null): Message {
  const { lead } = rc.context.instance;
  const ctx = rc.context;
  const late = formatDuration(Math.max(0, rc.now - e.deadline));
  const team = ctx.team ? ` (team ${safe(ctx.team.name, 80)})` : '';
  const fc = ctx.evaluation.firstContact;
  const lateContact = fc.state === 'breached' && fc.contactedAt !== null ? (fc.contact ?? 'reached') : null;
  const what =
    lateContact === null
      ? 'has not contacted this lead'
      : lateContact === 'attempt'
        ? 'made a first attempt on this lead late'
        : 'contacted this lead late';
  const notes = [
    `Escalation level ${e.level + 1}${e.repeat > 0 ? `, reminder ${e.repeat}` : ''} · policy ${safe(ctx.policyName, 80)}`,
    ...(e.excused
      ? ['The deadline fell in an outage of HubSpot or Slack: the rep is not blamed for it.']
      : []),
    ...(ctx.evaluation.acknowledged
      ? ['The rep pressed "On it" but no contact is logged in HubSpot yet.']
      : []),
    ...(extra === null ? [] : [extra]),
  ];
  const blocks = compact([
    ...fallbackBanner(rc.fallbackNote),
    section(
      `:rotating_light: ${rc.ownerName}${team} ${what}: ${leadTitleLine(lead)}. ` +
        `The deadline was ${slackDate(e.deadline, rc.zone)}, ${late} ago.`,
    ),
    section(
      '*Lead*',
      leadFacts({ lead, stageLabel: rc.stageLabel, deadline: null, zone: rc.zone, attemptsRequired: null }),
    ),
    context(notes),
    actions('escalation_actions', [
      hubspotButton(lead),
      button(ACTION.snooze, 'Snooze escalations', ctx.instance.id),
    ]),
  ]);
  const text = fallbackText(
    `SLA escalation: ${leadPlain(lead)} not contacted; deadline was ${localTime(e.deadline, rc.zone)} (${late} ago).`,
  );
  return { text, blocks };
}
