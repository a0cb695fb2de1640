import { HubSpotError } from './errors.ts';
import type { HubSpotApi } from './hubspot-api.ts';

/** What HubSpot says the access token may do, or why it could not be told. */
export type TokenScopes =
  | { readonly known: true; readonly kind: 'private_app' | 'oauth'; readonly scopes: ReadonlySet<string> }
  | { readonly known: false; readonly reason: string };

/** A 4xx other than a rate limit: this endpoint does not serve this kind of token. */
const refused = (error: unknown): boolean =>
  error instanceof HubSpotError && !error.retryable && error.code !== 'HUBSPOT_DAILY_LIMIT';

/** Why, without HubSpot's message: an answer about a token may quote the token, which never reaches logs. */
const why = (error: unknown): string =>
  error instanceof HubSpotError ? `${error.operation}: ${error.code}` : 'unexpected error';

/**
 * The token's scopes: a private app's through `POST /oauth/v2/private-apps/get/access-token-info`
 * (HA-1), else, when that endpoint refuses the token, an OAuth token's through
 * `GET /oauth/v1/access-tokens/{token}` (HA-2). Neither needs a scope. Anything else — both refuse
 * (a kind of token neither knows), HubSpot fails, an unexpected answer — is "not known": the caller
 * cannot check scopes in advance and relies on the 403 of the first write (HW-13).
 */
export async function readTokenScopes(
  api: Pick<HubSpotApi, 'privateAppTokenInfo' | 'oauthTokenInfo'>,
): Promise<TokenScopes> {
  try {
    const info = await api.privateAppTokenInfo();
    return { known: true, kind: 'private_app', scopes: new Set(info.scopes) };
  } catch (error) {
    if (!refused(error)) return { known: false, reason: why(error) };
  }
  try {
    const info = await api.oauthTokenInfo();
    return { known: true, kind: 'oauth', scopes: new Set(info.scopes) };
  } catch (error) {
    return { known: false, reason: why(error) };
  }
}
