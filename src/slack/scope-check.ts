import type { WebClient } from '@slack/web-api';
import type { Clock } from '../clock/clock.ts';
import { adminMessage } from '../i18n/admin-message.ts';
import type { Logger } from '../log/logger.ts';
import type { Store } from '../ports/store.ts';

/**
 * The bot scopes slack-app-manifest.yml asks for (a test keeps the two equal), and what breaks
 * without each. An admin may decline some at install; sla-bot still runs and says what it lost.
 */
export const BOT_SCOPES: Readonly<Record<string, string>> = {
  'chat:write': 'no message can be posted',
  'chat:write.public': 'public team channels get messages only once the bot is invited',
  commands: '/sla does not work',
  'users:read': "reps' time zones and deactivated accounts are not seen",
  'users:read.email': 'reps cannot be found in Slack by their HubSpot e-mail',
  'channels:read': 'the SLA file\'s "#name" channels are not checked at start-up',
  'groups:read': 'private "#name" channels are not checked at start-up',
  'im:write': 'a DM whose post timed out cannot be looked for',
  'im:history': 'a DM whose post timed out is not sent again (at most once)',
  'channels:history': 'a public-channel message whose post timed out is not sent again (at most once)',
  'groups:history': 'a private-channel message whose post timed out is not sent again (at most once)',
};

/**
 * Scopes whose absence would weaken a guarantee without any error showing up later: admins are told
 * at start-up. Without the others a call fails where it is used, and that failure is reported there.
 */
const SILENT: ReadonlySet<string> = new Set([
  'channels:read',
  'groups:read',
  'im:write',
  'im:history',
  'channels:history',
  'groups:history',
]);

/**
 * At start-up: which of `BOT_SCOPES` the token lacks (`auth.test`; Slack lists the token's scopes in
 * the `x-oauth-scopes` header, which the client puts in `response_metadata.scopes`). All are logged;
 * the ones that fail silently are told to admins once. `null` when Slack did not say.
 */
export async function checkSlackScopes(deps: {
  readonly client: WebClient;
  readonly store: Pick<Store, 'enqueue'>;
  readonly clock: Clock;
  readonly logger: Logger;
}): Promise<readonly string[] | null> {
  let granted: readonly string[] | undefined;
  try {
    granted = (await deps.client.auth.test()).response_metadata?.scopes;
  } catch (err) {
    deps.logger.warn({ err }, 'slack scopes could not be checked');
    return null;
  }
  if (!granted) return null;
  const missing = Object.keys(BOT_SCOPES).filter((s) => !granted.includes(s));
  if (missing.length === 0) return missing;
  deps.logger.warn({ missing }, 'slack token lacks scopes the app manifest asks for');
  const silent = missing.filter((s) => SILENT.has(s));
  if (silent.length === 0) return missing;
  const now = deps.clock.now();
  // Each scope's consequence is a catalogue text (`alert.scope.<scope>`), in each admin's language.
  const message = adminMessage('alert.scopes', { scopes: silent });
  const key = `admin:slack-scopes:${silent.join(',')}`;
  try {
    await deps.store.enqueue(
      [{ key, instanceId: null, kind: 'admin_alert', target: null, payload: { key, message }, dueAt: now }],
      now,
    );
  } catch (err) {
    deps.logger.error({ err, key }, 'could not queue the admin alert about slack scopes');
  }
  return missing;
}
