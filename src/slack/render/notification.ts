import type { NotificationReason } from '../../domain/evaluation.ts';
import type { MessageTruth } from '../../domain/message-truth.ts';
import { renderOverkill, renderShortfall } from './attempts.ts';
import type { Message } from './blocks.ts';
import { renderBreach } from './breach.ts';
import { context } from './common-blocks.ts';
import { renderEscalation } from './escalation.ts';
import { renderPing } from './ping.ts';
import { renderReassigned } from './reassigned.ts';
import { renderReminder } from './reminder.ts';
import type { RenderContext } from './render-context.ts';
import { type NoticeReason, renderSettled } from './settled.ts';

/** Renders a due notification for one reader. `late` is the late-delivery note, if any. */
export function renderNotification(
  rc: RenderContext,
  reason: NotificationReason,
  late: string | null,
): Message {
  switch (reason.kind) {
    case 'handoff': {
      const ping = renderPing(rc, reason.deadline);
      return late === null
        ? ping
        : {
            ...ping,
            blocks: [...ping.blocks, context([late])],
          };
    }
    case 'reminder':
      return renderReminder(rc, reason.deadline, Math.min(reason.left, reason.deadline - rc.now), late);
    case 'breach':
      return renderBreach(rc, reason.deadline, reason.excused, late);
    case 'escalation':
      return renderEscalation(rc, reason, late);
    case 'attempts_shortfall':
      return renderShortfall(rc, reason.made, reason.required, late);
    case 'overkill':
      return renderOverkill(rc, reason.made, reason.atMost, late);
    case 'reassigned':
      return renderReassigned(rc, reason, late);
  }
}

/**
 * A notification other than the ping as it should read now (issue 15): as sent while `truth` is
 * `open` (an attempts shortfall with the attempts counted now), else settled (resolved, corrected,
 * done, closed with why). Used for sends and for updates in place alike.
 */
export function renderAsTrue(
  rc: RenderContext,
  reason: NoticeReason,
  truth: MessageTruth,
  late: string | null,
  plainOwner: string,
): Message {
  if (truth.state !== 'open') return renderSettled(rc, reason, truth, plainOwner);
  const attempts = rc.context.evaluation.attempts;
  const now =
    reason.kind === 'attempts_shortfall' && attempts !== null
      ? { ...reason, made: attempts.made, required: attempts.required }
      : reason;
  return renderNotification(rc, now, late);
}
