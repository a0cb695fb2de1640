import { type Ending, UNASSIGNED } from '../../domain/message-truth.ts';
import type { CloseReason } from '../../domain/model.ts';
import { mention, safe } from './text.ts';

/** Who did it: a Slack mention for `slack:U…` actors (a well-formed id only), else the e-mail. */
export const actorName = (by: string): string =>
  by.startsWith('slack:') ? mention(by.slice(6), by) : safe(by, 120);

const CLOSED: Record<CloseReason, string> = {
  progressed: 'moved to a later stage',
  regressed: 'moved back to an earlier stage',
  recycled: 'back to marketing (recycled)',
  deleted: 'deleted in HubSpot',
  not_a_fit: 'marked not a fit',
};

/** Why a lead's SLA clock closed, as messages say it (`detail`: see `SlaInstance.closeDetail`). */
export function closedWhy(reason: CloseReason | null, detail: string | null): string {
  if (reason === null) return 'closed';
  if (detail !== null && reason === 'deleted') return `merged into contact ${safe(detail, 40)}`;
  if (detail !== null && reason === 'not_a_fit') return `marked not a fit by ${actorName(detail)}`;
  return CLOSED[reason];
}

/**
 * Why a message's point no longer stands, as a short phrase (`Closed: …`, `No longer needed: …`).
 * `ownerName`: the lead's owner now, as messages name people.
 */
export function endingWhy(ending: Ending, ownerName: string): string {
  if (ending.kind === 'closed') return closedWhy(ending.reason, ending.detail);
  if (ending.to === null) return 'the owner was removed in HubSpot';
  return `${ending.from === UNASSIGNED ? 'assigned' : 'reassigned'} to ${ownerName}`;
}

/** `endingWhy` for the plain-text fallback (no markup; escaped by `fallbackText`). */
export function endingPlain(ending: Ending, ownerPlain: string): string {
  if (ending.kind === 'reassigned')
    return ending.to === null
      ? 'the owner was removed in HubSpot'
      : `${ending.from === UNASSIGNED ? 'assigned' : 'reassigned'} to ${ownerPlain}`;
  if (ending.reason === 'deleted' && ending.detail !== null) return `merged into contact ${ending.detail}`;
  if (ending.reason === 'not_a_fit') return 'marked not a fit';
  return CLOSED[ending.reason];
}
