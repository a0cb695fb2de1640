import { SlackCallError } from '../errors.ts';
import type { ListenerDeps } from './deps.ts';

/**
 * Who did something, as recorded in the store: their e-mail when Slack tells it (reports match it
 * with HubSpot owners), else `slack:<user id>`. A Slack hiccup costs the e-mail, never the action.
 */
export async function actorOf(
  userId: string,
  deps: Pick<ListenerDeps, 'directory' | 'logger'>,
): Promise<string> {
  try {
    return (await deps.directory.emailOf(userId)) ?? `slack:${userId}`;
  } catch (err) {
    if (!(err instanceof SlackCallError)) throw err;
    deps.logger.warn(
      { err, userId },
      'slack user lookup failed; recording the user id instead of the e-mail',
    );
    return `slack:${userId}`;
  }
}

/** The Slack user's e-mail, or `null` when Slack does not know it (or cannot say right now). */
export async function emailOf(
  userId: string,
  deps: Pick<ListenerDeps, 'directory' | 'logger'>,
): Promise<string | null> {
  const actor = await actorOf(userId, deps);
  return actor.startsWith('slack:') ? null : actor;
}
