import { timingSafeEqual } from 'node:crypto';
import type { Instant } from '../../../domain/time.ts';
import { readCookie } from './cookies.ts';
import { openSession, type Session } from './session.ts';
import { SESSION_COOKIE, type SignInSettings } from './sign-in-settings.ts';

/** Who is asking, or why nobody is recognised. The socket address plays no part (issue 16). */
export type Caller =
  | { readonly kind: 'token' }
  | { readonly kind: 'person'; readonly session: Session }
  /** `?token=` in the URL: no longer accepted (browser history, logs, referrers). */
  | { readonly kind: 'token-in-url' }
  /** An `Authorization` header that is not the DASHBOARD_TOKEN (or none is configured). */
  | { readonly kind: 'bad-token' }
  | { readonly kind: 'no-session' }
  | { readonly kind: 'expired' }
  /** A session cookie this server did not issue, or one that was changed. */
  | { readonly kind: 'invalid-session' };

export interface AccessRequest {
  readonly authorization: string | undefined;
  readonly cookie: string | undefined;
}

export interface AccessConfig {
  /** DASHBOARD_TOKEN, for scripts (`Authorization: Bearer …`), or `null`. */
  readonly token: string | null;
  /** Sign in with Slack, or `null` when not configured (then only the token opens the dashboard). */
  readonly signIn: SignInSettings | null;
}

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Recognises the caller: the DASHBOARD_TOKEN in the `Authorization` header, or a signed session cookie. */
export function identifyCaller(req: AccessRequest, url: URL, c: AccessConfig, now: Instant): Caller {
  if (url.searchParams.has('token')) return { kind: 'token-in-url' };
  if (req.authorization !== undefined) {
    const bearer = /^Bearer\s+(.+)$/i.exec(req.authorization)?.[1]?.trim();
    return c.token !== null && bearer !== undefined && same(bearer, c.token)
      ? { kind: 'token' }
      : { kind: 'bad-token' };
  }
  const cookie = readCookie(req.cookie, SESSION_COOKIE);
  if (cookie === null || c.signIn === null) return { kind: 'no-session' };
  const opened = openSession(c.signIn.key, cookie, now);
  if (opened.ok) return { kind: 'person', session: opened.value };
  return opened.why === 'expired' ? { kind: 'expired' } : { kind: 'invalid-session' };
}
