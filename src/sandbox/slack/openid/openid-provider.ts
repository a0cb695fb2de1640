import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import type { Instant } from '../../../domain/time.ts';
import type { SlackUser } from '../directory.ts';

/** A Slack app that may use Sign in with Slack here: its credentials and Redirect URLs. */
export interface OpenIdClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Exactly as configured under OAuth & Permissions → Redirect URLs (stricter: exact match only). */
  readonly redirectUris: readonly string[];
}

/** What a code was issued for, until it is exchanged. */
interface Grant {
  readonly clientId: string;
  readonly userId: string;
  readonly redirectUri: string | null;
  readonly nonce: string | null;
  readonly scopes: readonly string[];
  readonly expiresAt: Instant;
  used: boolean;
  /** The access token issued for it (revoked when the code is used again, RFC 6749 §4.1.2). */
  accessToken: string | null;
}

interface AccessGrant {
  readonly userId: string;
  readonly scopes: readonly string[];
  revoked: boolean;
}

/** RFC 6749 §4.1.2: "A maximum authorization code lifetime of 10 minutes is RECOMMENDED". */
export const CODE_TTL = 10 * 60_000;
/** The id_token's `exp`: 5 minutes after `iat`, as in Slack's decoded example. */
export const ID_TOKEN_TTL = 300;
export const ISSUER = 'https://slack.com';

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * The Sign in with Slack side of the sandbox workspace: registered apps, codes (single use, 10
 * minutes, bound to the app, the redirect URI and the nonce), access tokens for
 * `openid.connect.userInfo`, and RS256 id_tokens whose key `/openid/connect/keys` publishes.
 */
export class OpenIdProvider {
  private readonly clients = new Map<string, OpenIdClient>();
  private readonly codes = new Map<string, Grant>();
  private readonly tokens = new Map<string, AccessGrant>();
  private keys: {
    readonly kid: string;
    readonly privateKey: KeyObject;
    readonly publicKey: KeyObject;
  } | null = null;

  register(client: OpenIdClient): void {
    this.clients.set(client.clientId, client);
  }

  client(clientId: string | null): OpenIdClient | null {
    return clientId === null ? null : (this.clients.get(clientId) ?? null);
  }

  issueCode(g: Omit<Grant, 'used' | 'accessToken' | 'expiresAt'>, now: Instant): string {
    const code = `${Math.floor(now / 1000)}.${randomBytes(24).toString('hex')}`;
    this.codes.set(code, { ...g, expiresAt: now + CODE_TTL, used: false, accessToken: null });
    return code;
  }

  /** Takes a code once: `null` when unknown, used, expired or another app's. A second use revokes the first token. */
  takeCode(code: string, clientId: string, now: Instant): Grant | null {
    const grant = this.codes.get(code);
    if (!grant || grant.clientId !== clientId) return null;
    if (grant.used) {
      const token = grant.accessToken === null ? undefined : this.tokens.get(grant.accessToken);
      if (token) token.revoked = true;
      return null;
    }
    if (now >= grant.expiresAt) return null;
    grant.used = true;
    return grant;
  }

  issueAccessToken(grant: Grant): string {
    const token = `xoxp-sandbox-${randomBytes(16).toString('hex')}`;
    grant.accessToken = token;
    this.tokens.set(token, { userId: grant.userId, scopes: grant.scopes, revoked: false });
    return token;
  }

  accessGrant(token: string): AccessGrant | null {
    return this.tokens.get(token) ?? null;
  }

  /** An RS256 JWT with the OpenID claims of `user` (OpenID Connect Core §2). */
  idToken(
    o: {
      readonly user: SlackUser;
      readonly clientId: string;
      readonly nonce: string | null;
      readonly accessToken: string;
    },
    claims: Readonly<Record<string, unknown>>,
    now: Instant,
  ): string {
    const { kid, privateKey } = this.signingKey();
    const iat = Math.floor(now / 1000);
    const half = createHash('sha256').update(o.accessToken).digest().subarray(0, 16);
    const payload = {
      iss: ISSUER,
      sub: o.user.id,
      aud: o.clientId,
      exp: iat + ID_TOKEN_TTL,
      iat,
      auth_time: iat,
      ...(o.nonce === null ? {} : { nonce: o.nonce }),
      at_hash: b64url(half),
      ...claims,
    };
    const head = `${b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid }))}.${b64url(JSON.stringify(payload))}`;
    return `${head}.${b64url(sign('sha256', Buffer.from(head), privateKey))}`;
  }

  /** The public key set of the id_tokens (as `https://slack.com/openid/connect/keys` serves Slack's). */
  jwks(): { keys: Record<string, unknown>[] } {
    const { kid, publicKey } = this.signingKey();
    return { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] };
  }

  private signingKey() {
    if (this.keys === null) {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      this.keys = { kid: `sandbox-${randomBytes(4).toString('hex')}`, privateKey, publicKey };
    }
    return this.keys;
  }
}
