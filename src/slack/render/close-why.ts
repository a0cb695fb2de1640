import { type Ending, UNASSIGNED } from '../../domain/message-truth.ts';
import type { CloseReason } from '../../domain/model.ts';
import type { MessageKey, Translator } from '../../i18n/translate.ts';
import { mention, safe } from './text.ts';

/** Who did it: a Slack mention for `slack:U…` actors (a well-formed id only), else the e-mail. */
export const actorName = (by: string): string =>
  by.startsWith('slack:') ? mention(by.slice(6), by) : safe(by, 120);

const CLOSED: Record<CloseReason, MessageKey> = {
  progressed: 'closed.progressed',
  regressed: 'closed.regressed',
  recycled: 'closed.recycled',
  deleted: 'closed.deleted',
  not_a_fit: 'closed.not_a_fit',
};

/** Why a lead's SLA clock closed, as messages say it (`detail`: see `SlaInstance.closeDetail`). */
export function closedWhy(reason: CloseReason | null, detail: string | null, t: Translator): string {
  if (reason === null) return t.t('closed.none');
  if (detail !== null && reason === 'deleted') return t.t('closed.merged', { contact: safe(detail, 40) });
  if (detail !== null && reason === 'not_a_fit') return t.t('closed.notAFitBy', { by: actorName(detail) });
  return t.t(CLOSED[reason]);
}

const handedTo = (ending: Extract<Ending, { kind: 'reassigned' }>, owner: string, t: Translator) =>
  ending.to === null
    ? t.t('ending.ownerRemoved')
    : t.t(ending.from === UNASSIGNED ? 'ending.assigned' : 'ending.reassigned', { owner });

/**
 * Why a message's point no longer stands, as a short phrase (`Closed: …`, `No longer needed: …`).
 * `ownerName`: the lead's owner now, as messages name people.
 */
export function endingWhy(ending: Ending, ownerName: string, t: Translator): string {
  if (ending.kind === 'closed') return closedWhy(ending.reason, ending.detail, t);
  return handedTo(ending, ownerName, t);
}

/** `endingWhy` for the plain-text fallback (no markup; escaped by `fallbackText`). */
export function endingPlain(ending: Ending, ownerPlain: string, t: Translator): string {
  if (ending.kind === 'reassigned') return handedTo(ending, ownerPlain, t);
  if (ending.reason === 'deleted' && ending.detail !== null)
    return t.t('closed.merged', { contact: ending.detail });
  if (ending.reason === 'not_a_fit') return t.t('closed.not_a_fit');
  return t.t(CLOSED[ending.reason]);
}
