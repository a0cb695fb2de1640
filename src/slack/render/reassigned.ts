import type { NotificationReason } from '../../domain/evaluation.ts';
import type { Message } from './blocks.ts';
import { actions, compact, context, fallbackBanner, hubspotButton, section } from './common-blocks.ts';
import { leadPlain, leadTitleLine } from './lead-facts.ts';
import type { RenderContext } from './render-context.ts';
import { fallbackText, safe } from './text.ts';

type Reassigned = Extract<NotificationReason, { kind: 'reassigned' }>;

/**
 * sla-bot moved a lead to another rep (issue 18): told to the rep it was taken from ("Reassigned to
 * Eva after 5m without contact"; a "Take it" claim: "Eva took over your lead") and to the manager
 * (whose lead, to whom, why).
 */
export function renderReassigned(rc: RenderContext, reason: Reassigned, extra: string | null): Message {
  const { lead } = rc.context.instance;
  const { t } = rc.t;
  const values = {
    lead: leadTitleLine(lead, rc.t),
    from: safe(reason.fromName, 80),
    to: safe(reason.toName, 80),
    waited: rc.t.duration(reason.waited),
  };
  const claimed = reason.claimed === true;
  const headline =
    reason.told === 'manager'
      ? t(claimed ? 'reassigned.claimed.manager' : 'reassigned.manager', values)
      : t(claimed ? 'reassigned.claimed.previousOwner' : 'reassigned.previousOwner', values);
  const blocks = compact([
    ...fallbackBanner(rc.fallbackNote),
    section(headline),
    extra === null ? null : context([extra]),
    actions('reassigned_actions', [hubspotButton(lead, rc.t)]),
  ]);
  const text = fallbackText(
    t(claimed ? 'reassigned.claimed.text' : 'reassigned.text', { ...values, lead: leadPlain(lead, rc.t) }),
  );
  return { text, blocks };
}
