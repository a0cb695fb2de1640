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

/**
 * The handoff ping: everything needed to call now, the deadline in the reader's zone, the SLA state
 * (updated in place as it changes) and the buttons. Also used for `Notifier.update`; `handedOver`:
 * the lead went to another rep since (why), so this ping reads closed.
 */
export function renderPing(rc: RenderContext, deadline?: Instant, handedOver: string | null = null): Message {
  const { context: ctx, zone } = rc;
  const { t } = rc.t;
  const { lead } = ctx.instance;
  const due = deadline ?? ctx.evaluation.firstContact.deadline;
  const status = pingStatus(ctx, zone, rc.t, handedOver);
  const within = rc.t.duration(Math.max(0, due - ctx.evaluation.clockStart));
  const attempts = ctx.attemptsRequired ?? 0;
  const stage = safe(rc.stageLabel, 60);
  const intro =
    rc.fallbackNote === null
      ? t('ping.intro.self', { stage, within, attempts })
      : t('ping.intro.other', { stage, owner: rc.ownerName, within, attempts });
  const from = ctx.reassignedFrom ?? null;
  const history =
    from === null
      ? null
      : t('ping.reassignedFrom', { from: safe(from.fromName, 80), waited: rc.t.duration(from.waited) });
  const blocks = compact([
    header(t('ping.header', { stage: oneLine(rc.stageLabel), name: oneLine(leadName(lead, rc.t)) })),
    ...fallbackBanner(rc.fallbackNote),
    section(`${leadTitleLine(lead, rc.t)}\n${intro}`),
    section(
      t('ping.details'),
      leadFacts(
        {
          lead,
          stageLabel: rc.stageLabel,
          deadline: due,
          zone,
          attemptsRequired: ctx.attemptsRequired,
        },
        rc.t,
      ),
    ),
    history === null ? null : context([history]),
    status.lines.length > 0 ? context(status.lines) : null,
    actions('lead_actions', [
      status.showOnIt ? button(ACTION.onIt, t('button.onIt'), ctx.instance.id, 'primary') : null,
      status.showNotAFit ? button(ACTION.notAFit, t('button.notAFit'), ctx.instance.id) : null,
      hubspotButton(lead, rc.t),
    ]),
  ]);
  const text = fallbackText(
    t('ping.text', {
      stage: oneLine(rc.stageLabel),
      lead: leadPlain(lead, rc.t),
      time: rc.t.localTime(due, zone),
    }),
  );
  return { text, blocks };
}
