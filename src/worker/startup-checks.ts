import { isNetworkFailure } from '../hubspot/classify-error.ts';
import { HubSpotError } from '../hubspot/errors.ts';
import { classifySlackError, SlackStartError } from '../slack/errors.ts';
import { describeError } from './errors.ts';
import type { StartupFailure } from './startup-retry.ts';

/**
 * What a failed start-up check means: HubSpot or Slack unreachable, 5xx, 429 → try again; a token
 * they reject, a missing scope, a stage or property the portal does not have → stop with one line
 * (a few for the SLA file's lines) saying what to fix.
 */

const retry = (reason: string): StartupFailure => ({ kind: 'retry', reason });
const fatal = (message: string): StartupFailure => ({ kind: 'fatal', message });

/** HubSpot's verify (portal, properties, owners): its adapter tells passing faults from permanent ones. */
export function hubspotStartupFailure(err: unknown): StartupFailure {
  // The daily limit is not a configuration error: calls resume at the portal's midnight.
  if (err instanceof HubSpotError && (err.retryable || err.code === 'HUBSPOT_DAILY_LIMIT'))
    return retry(describeError(err));
  return fatal(`HubSpot start-up check failed: ${describeError(err)}`);
}

type SlackToken = SlackStartError['token'];

const WHICH: Record<SlackToken, string> = {
  SLACK_BOT_TOKEN: "the app's Bot User OAuth Token (xoxb-…, OAuth & Permissions)",
  SLACK_APP_TOKEN: 'an app-level token with connections:write (xapp-…, Basic Information → App-Level Tokens)',
};

/** Slack's answers that mean the token itself is wrong, and what to do about each. */
const REJECTED: Readonly<Record<string, string>> = {
  invalid_auth: 'it is not a valid token',
  not_authed: 'no token reached Slack',
  token_revoked: 'the token was revoked (the app was uninstalled or the token regenerated)',
  token_expired: 'the token expired',
  account_inactive: 'the token belongs to a deleted user or a disabled workspace',
  team_disabled: 'the workspace is disabled',
  user_removed_from_team: 'the token belongs to a user removed from the workspace',
  not_allowed_token_type: 'it is the wrong kind of token',
  missing_scope: 'the token lacks a scope Slack needs for this',
  no_permission: 'the token lacks a scope Slack needs for this',
  ekm_access_denied: 'the workspace administrators suspended access (Enterprise Key Management)',
};

const SCOPE_CODES: ReadonlySet<string> = new Set(['missing_scope', 'no_permission']);

/** The one line `sla-bot run` prints when Slack rejects `token` with `code`. */
const slackTokenRejected = (token: SlackToken, code: string): string => {
  const fix = SCOPE_CODES.has(code)
    ? 'Add the scopes of slack-app-manifest.yml under OAuth & Permissions, reinstall the app and copy the new token'
    : `Set it to ${WHICH[token]}`;
  return `Slack rejected ${token} (${code}): ${REJECTED[code]}. ${fix}; see docs/slack.md.`;
};

/** Our `auth.test` (the bot token) and Bolt's start (`SlackStartError` names its token). */
export function slackStartupFailure(err: unknown, token: SlackToken = 'SLACK_BOT_TOKEN'): StartupFailure {
  if (err instanceof SlackStartError) return slackStartupFailure(err.cause, err.token);
  const failure = classifySlackError(err);
  if (Object.hasOwn(REJECTED, failure.code)) return fatal(slackTokenRejected(token, failure.code));
  const detail = err instanceof Error ? err.message : String(err);
  if (failure.kind === 'transient' || failure.kind === 'rate_limited' || isNetworkFailure(err))
    return retry(`${failure.code}: ${detail}`);
  return fatal(
    `Slack start-up check failed (${token}, ${failure.code}): ${detail} (is SLACK_API_URL right?)`,
  );
}
