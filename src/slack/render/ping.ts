import type { Instant } from '../../domain/time.ts';
import type { Message } from './blocks.ts';
import {
  actions,
  button,
  compact,
  context,
  fallbackBanner,
  header,
  hubspotButton,
  section,
} from './common-blocks.ts';
import { ACTION } from './ids.ts';
import { leadFacts, leadName, leadPlain, leadTitleLine } from './lead-facts.ts';
import { pingStatus } from './ping-status.ts';
import type { RenderContext } from './render-context.ts';
import { fallbackText, oneLine, safe } from './text.ts';
import { formatDuration, localTime } from './time-format.ts';

/**
 * The handoff ping: everything needed to call now, the deadline in the reader's zone, the SLA state
 * (updated in place as it changes) and the buttons. Also used for `Notifier.update`; `handedOver`:
 * the lead went to another rep since (why), so this ping reads closed.
 */
export function renderPing(rc: RenderContext, deadline?: Instant, handedOver: string | null = null): Message {
  const { context: ctx, zone } = rc;
  const { lead } = ctx.instance;
  const due = deadline ?? ctx.evaluation.firstContact.deadline;
  const status = pingStatus(ctx, zone, handedOver);
  const within = formatDuration(Math.max(0, due - ctx.evaluation.clockStart));
  const attempts = ctx.attemptsRequired === null ? '' : ` and make ${ctx.attemptsRequired} call attempts`;
  const stage = safe(rc.stageLabel, 60);
  const intro =
    rc.fallbackNote === null
      ? `You have a new ${stage} lead. Contact them within ${within}${attempts}.`
      : `New ${stage} lead for ${rc.ownerName}. Contact them within ${within}${attempts}.`;
  const blocks = compact([
    header(`New ${oneLine(rc.stageLabel)}: ${oneLine(leadName(lead))}`),
    ...fallbackBanner(rc.fallbackNote),
    section(`${leadTitleLine(lead)}\n${intro}`),
    section(
      '*Lead details*',
      leadFacts({
        lead,
        stageLabel: rc.stageLabel,
        deadline: due,
        zone,
        attemptsRequired: ctx.attemptsRequired,
      }),
    ),
    status.lines.length > 0 ? context(status.lines) : null,
    actions('lead_actions', [
      status.showOnIt ? button(ACTION.onIt, 'On it', ctx.instance.id, 'primary') : null,
      status.showNotAFit ? button(ACTION.notAFit, 'Not a fit', ctx.instance.id) : null,
      hubspotButton(lead),
    ]),
  ]);
  const text = fallbackText(
    `New ${oneLine(rc.stageLabel)} lead: ${leadPlain(lead)}. Contact by ${localTime(due, zone)}.`,
  );
  return { text, blocks };
}
