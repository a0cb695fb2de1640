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
import { reassignedLine } from './reassigned-line.ts';
import type { RenderContext } from './render-context.ts';
import { takeItBlocks } from './take-it.ts';
import { fallbackText, safe } from './text.ts';
import { slackDate } from './time-format.ts';
import { timelineButton } from './timeline-button.ts';

export interface EscalationFacts {
  readonly deadline: Instant;
  readonly level: number;
  readonly repeat: number;
  readonly excused: boolean;
}

/** Escalation to a manager or channel: names the rep and the lead, offers a snooze. */
export function renderEscalation(rc: RenderContext, e: EscalationFacts, extra: string | null): Message {
  const { lead } = rc.context.instance;
  const { t } = rc.t;
  const ctx = rc.context;
  const late = rc.t.duration(Math.max(0, rc.now - e.deadline));
  const team = ctx.team ? t('escalation.team', { team: safe(ctx.team.name, 80) }) : '';
  const fc = ctx.evaluation.firstContact;
  const lateContact = fc.state === 'breached' && fc.contactedAt !== null ? (fc.contact ?? 'reached') : null;
  const what =
    lateContact === null
      ? t('escalation.what.none')
      : lateContact === 'attempt'
        ? t('escalation.what.attempt')
        : t('escalation.what.reached');
  // A level moved the lead for this deadline (issue 18): the escalation's reader is told of it here.
  const reassigned = reassignedLine(rc);
  const notes = [
    t('escalation.level', { level: e.level + 1, repeat: e.repeat, policy: safe(ctx.policyName, 80) }),
    ...(e.excused ? [t('escalation.excused')] : []),
    ...(ctx.evaluation.acknowledged ? [t('escalation.acked')] : []),
    ...(reassigned === null ? [] : [reassigned]),
    ...(extra === null ? [] : [extra]),
  ];
  const blocks = compact([
    ...fallbackBanner(rc.fallbackNote),
    section(
      t('escalation.headline', {
        owner: rc.ownerName,
        team,
        what,
        lead: leadTitleLine(lead, rc.t),
        deadline: slackDate(e.deadline, rc.zone, rc.t),
        late,
      }),
    ),
    section(
      t('escalation.lead'),
      leadFacts(
        { lead, stageLabel: rc.stageLabel, deadline: null, zone: rc.zone, attemptsRequired: null },
        rc.t,
      ),
    ),
    context(notes),
    actions('escalation_actions', [
      hubspotButton(lead, rc.t),
      button(ACTION.snooze, t('button.snooze'), ctx.instance.id),
      // The lead's story on the dashboard, when `reports.dashboard_url` is set (issue 18).
      timelineButton(rc),
    ]),
    // "Take it" for teammates in the team channel, or who took it (issue 18): a block of its own.
    ...takeItBlocks(rc, e.deadline),
  ]);
  const text = fallbackText(
    t('escalation.text', { lead: leadPlain(lead, rc.t), time: rc.t.localTime(e.deadline, rc.zone), late }),
  );
  return { text, blocks };
}
