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

/** Who clicked, for the record: `actorOf`'s answer, and their Slack name when Slack says it. */
export interface Clicker {
  readonly by: string;
  readonly name: string | null;
}

/**
 * `actorOf` and the user's Slack name (users.info, already cached by the e-mail look-up). A
 * `slack:<user id>` actor needs no name: the ping mentions them and Slack shows it. A Slack hiccup
 * costs the name, never the action.
 */
export async function clickerOf(
  userId: string,
  deps: Pick<ListenerDeps, 'directory' | 'logger'>,
): Promise<Clicker> {
  const by = await actorOf(userId, deps);
  if (by.startsWith('slack:')) return { by, name: null };
  try {
    return { by, name: (await deps.directory.user(userId))?.name ?? null };
  } catch (err) {
    if (!(err instanceof SlackCallError)) throw err;
    deps.logger.warn({ err, userId }, 'slack user lookup failed; recording who without their name');
    return { by, name: null };
  }
}
