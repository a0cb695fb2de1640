import type { Instant } from '../../../domain/time.ts';
import { type Args, str } from '../args.ts';
import { fail, type MethodOutcome, ok } from '../methods/method.ts';
import type { SlackState } from '../slack-state.ts';

/** Scopes Sign in with Slack knows; `openid` is required. */
export const OPENID_SCOPES: readonly string[] = ['openid', 'email', 'profile'];

/** Client credentials from the arguments, or HTTP Basic (RFC 6749 §2.3.1). */
function credentials(args: Args, authorization: string | undefined) {
  const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '')?.[1];
  if (basic !== undefined) {
    const [id = '', secret = ''] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    return { id: decodeURIComponent(id), secret: decodeURIComponent(secret) };
  }
  return { id: str(args, 'client_id'), secret: str(args, 'client_secret') };
}

/** The claims of a person, by the scopes granted (email only with `email`, names only with `profile`). */
export function personClaims(state: SlackState, userId: string, scopes: readonly string[]) {
  const user = state.directory.user(userId);
  if (!user) return null;
  const [given = '', ...family] = user.realName.split(' ');
  return {
    user,
    claims: {
      'https://slack.com/user_id': user.id,
      'https://slack.com/team_id': state.team.id,
      ...(scopes.includes('email')
        ? { email: user.email, email_verified: true, date_email_verified: 1622128723 }
        : {}),
      ...(scopes.includes('profile')
        ? {
            name: user.realName,
            given_name: given,
            family_name: family.join(' '),
            locale: user.locale,
            'https://slack.com/team_name': state.team.name,
            'https://slack.com/team_domain': state.team.domain,
          }
        : {}),
    },
  };
}

/**
 * `openid.connect.token`: the code of `/openid/connect/authorize` for an access token and an
 * id_token. Errors as the method reference lists them: `invalid_client_id`, `bad_client_secret`,
 * `invalid_grant_type`, `invalid_code` (unknown, expired, another app's, or used before: a code works
 * once), `bad_redirect_uri` (required, and equal, when the authorize request carried one).
 */
export function openidConnectToken(
  state: SlackState,
  args: Args,
  authorization: string | undefined,
  now: Instant,
): MethodOutcome {
  const openid = state.openid;
  const { id, secret } = credentials(args, authorization);
  const client = openid.client(id);
  if (client === null) return fail('invalid_client_id');
  if (secret !== client.clientSecret) return fail('bad_client_secret');
  const grantType = str(args, 'grant_type') ?? 'authorization_code';
  if (grantType !== 'authorization_code') return fail('invalid_grant_type');
  const grant = openid.takeCode(str(args, 'code') ?? '', client.clientId, now);
  if (grant === null) return fail('invalid_code');
  if (grant.redirectUri !== null && str(args, 'redirect_uri') !== grant.redirectUri)
    return fail('bad_redirect_uri');
  const person = personClaims(state, grant.userId, grant.scopes);
  if (person === null) return fail('invalid_code');
  const accessToken = openid.issueAccessToken(grant);
  const idToken = openid.idToken(
    { user: person.user, clientId: client.clientId, nonce: grant.nonce, accessToken },
    person.claims,
    now,
  );
  return ok({ access_token: accessToken, token_type: 'Bearer', id_token: idToken });
}

/** `openid.connect.userInfo`: who the access token of `openid.connect.token` belongs to. */
export function openidConnectUserInfo(state: SlackState, token: string | null): MethodOutcome {
  if (token === null) return fail('not_authed');
  const grant = state.openid.accessGrant(token);
  if (grant === null) return fail('invalid_auth');
  if (grant.revoked) return fail('token_revoked');
  if (!grant.scopes.includes('openid')) return fail('missing_scope', { needed: 'openid' });
  const person = personClaims(state, grant.userId, grant.scopes);
  if (person === null || person.user.deleted) return fail('token_revoked');
  return ok({ sub: person.user.id, ...person.claims });
}
