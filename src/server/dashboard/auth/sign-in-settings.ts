import { hkdfSync } from 'node:crypto';
import type { Env } from '../../../config/env.ts';
import { HOUR, MINUTE, type Millis } from '../../../domain/time.ts';

export const SIGN_IN_PATH = '/dashboard/sign-in';
export const CALLBACK_PATH = '/dashboard/auth/callback';
export const SIGN_OUT_PATH = '/dashboard/sign-out';
/** Both cookies go to the dashboard's paths only: never to webhooks, Slack events or metrics. */
export const COOKIE_PATH = '/dashboard';
export const SESSION_COOKIE = 'sla_session';
/** The state and nonce of a sign-in under way, between the redirect to Slack and the way back. */
export const SIGN_IN_COOKIE = 'sla_sign_in';

/** How long a dashboard session lasts: a working day; then Slack is asked again (usually one click). */
export const SESSION_TTL: Millis = 12 * HOUR;
/** How long a sign-in may take between leaving for Slack and coming back. */
export const SIGN_IN_TTL: Millis = 10 * MINUTE;

/** Sign in with Slack, when SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and DASHBOARD_URL are set. */
export interface SignInSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  /** `DASHBOARD_URL/dashboard/auth/callback`: must be one of the Slack app's Redirect URLs, exactly. */
  readonly redirectUri: string;
  /** Slack's authorize page, next to `SLACK_API_URL`: https://slack.com/openid/connect/authorize. */
  readonly authorizeUrl: string;
  /** `Secure` cookies when people reach the dashboard over https. */
  readonly secure: boolean;
  /** Signs the session and sign-in cookies (HMAC-SHA256). */
  readonly key: Buffer;
}

/**
 * The key that signs session and sign-in cookies, from SESSION_SECRET or else SLACK_CLIENT_SECRET
 * (HKDF-SHA256: the cookie key tells nothing about the secret). Every instance sharing the secret
 * accepts the others' sessions (HA, restarts); changing it signs everybody out.
 */
export const sessionKey = (secret: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, 'sla-bot', 'dashboard session cookies v1', 32));

export function signInSettings(env: Env): SignInSettings | null {
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, DASHBOARD_URL: base } = env;
  if (clientId === undefined || clientSecret === undefined || base === undefined) return null;
  return {
    clientId,
    clientSecret,
    redirectUri: `${base}${CALLBACK_PATH}`,
    authorizeUrl: new URL('../openid/connect/authorize', env.SLACK_API_URL).toString(),
    secure: base.startsWith('https:'),
    key: sessionKey(env.SESSION_SECRET ?? clientSecret),
  };
}
