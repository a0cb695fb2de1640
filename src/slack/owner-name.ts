import type { Logger } from '../log/logger.ts';
import type { Owner } from '../ports/crm-source.ts';
import { SlackCallError } from './errors.ts';
import { mention } from './render/text.ts';
import type { UserDirectory } from './user-directory.ts';

/** The owner's first and last name as HubSpot has them; `null` when HubSpot has neither. */
export const ownerFullName = (owner: Owner): string | null =>
  [owner.firstName, owner.lastName].filter((p) => p !== null && p.trim() !== '').join(' ') || null;

export const ownerPlainName = (owner: Owner | null): string => {
  if (owner === null) return 'nobody (unassigned)';
  return ownerFullName(owner) || owner.email || `HubSpot owner ${owner.id}`;
};

/**
 * How messages name the owner: a Slack mention when their account is known, otherwise their name.
 * A Slack failure here only costs the mention, never the message (it is logged).
 */
export function createOwnerNamer(directory: UserDirectory, logger: Logger) {
  return async function ownerName(owner: Owner | null): Promise<string> {
    const plain = ownerPlainName(owner);
    if (!owner?.email) return mention(null, plain);
    try {
      const found = await directory.byEmail(owner.email);
      return mention(found.kind === 'found' ? found.user.id : null, plain);
    } catch (err) {
      if (!(err instanceof SlackCallError)) throw err;
      logger.warn({ err, ownerId: owner.id }, 'slack lookup failed; naming the owner without a mention');
      return mention(null, plain);
    }
  };
}
