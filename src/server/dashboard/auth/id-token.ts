import { z } from 'zod';
import type { Instant } from '../../../domain/time.ts';

/** The `iss` of Slack's id_tokens (the openid.connect.token reference's decoded example). */
export const SLACK_ISSUER = 'https://slack.com';

/** Only the claims we check; Slack sends many more (names, pictures, team). */
const IdTokenClaims = z.object({
  iss: z.string(),
  sub: z.string().min(1),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
  nonce: z.string().optional(),
});

export type IdTokenCheck =
  | { readonly ok: true; readonly sub: string }
  | { readonly ok: false; readonly why: string };

/**
 * The id_token of an `openid.connect.token` answer, checked as OpenID Connect Core 3.1.3.7 asks:
 * issuer, audience (our client id), expiry, and the nonce we sent (so a code issued for another
 * sign-in cannot be slipped in). Its signature is not checked: the token came straight from Slack's
 * token endpoint over TLS, which §3.1.3.7 (6) allows "in place of checking the token signature";
 * who signed in is then read from `openid.connect.userInfo` with the access token of that answer.
 */
export function checkIdToken(
  idToken: string,
  expect: { readonly clientId: string; readonly nonce: string; readonly now: Instant },
): IdTokenCheck {
  const payload = idToken.split('.')[1];
  if (payload === undefined) return { ok: false, why: 'the id_token is not a JWT' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, why: 'the id_token payload is not JSON' };
  }
  const parsed = IdTokenClaims.safeParse(json);
  if (!parsed.success) return { ok: false, why: 'the id_token lacks iss, sub, aud or exp' };
  const c = parsed.data;
  if (c.iss !== SLACK_ISSUER) return { ok: false, why: `the id_token was issued by ${c.iss}` };
  const audiences = Array.isArray(c.aud) ? c.aud : [c.aud];
  if (!audiences.includes(expect.clientId)) return { ok: false, why: 'the id_token is for another app' };
  if (c.exp * 1000 <= expect.now) return { ok: false, why: 'the id_token has expired' };
  if (c.nonce !== expect.nonce) return { ok: false, why: 'the id_token nonce does not match this sign-in' };
  return { ok: true, sub: c.sub };
}
