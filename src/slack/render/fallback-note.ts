import type { Resolved } from '../recipients.ts';
import { recipientLabel } from '../recipients.ts';
import { safe } from './text.ts';

/**
 * The banner on a copy that reaches someone other than the intended recipient: who it was meant for
 * and, when known, why they did not get it.
 */
export const fallbackNote = (who: string, why: string | null): string =>
  `Meant for ${safe(who, 120)}${why === null ? '' : `, who ${safe(why, 200)}`}; you are getting it instead.`;

/**
 * The note a handoff ping outside the owner's DM keeps when it is updated in place: rebuilt from
 * resolving the owner again, so while the reason lasts it is the note the first post carried. When
 * the owner can be reached by now (invited to Slack, back from leave, or the DM itself was refused),
 * the reason is no longer known and only whose lead it is remains.
 */
export const pingFallbackNote = (owner: Resolved): string =>
  owner.ok
    ? fallbackNote(recipientLabel(owner.recipient), null)
    : fallbackNote(owner.unreachable.who, owner.unreachable.why);
