import { z } from 'zod';
import type { Instant } from '../../../domain/time.ts';
import { SESSION_TTL } from './sign-in-settings.ts';
import { type Opened, seal, unseal } from './signed-value.ts';

/** A signed-in person, as the session cookie carries them (signed, not encrypted: it holds no secret). */
export const Session = z.object({
  /** Slack user id (`sub`). */
  sub: z.string().min(1),
  team: z.string(),
  email: z.string().min(3),
  name: z.string().nullable(),
  /** Slack's `locale` of the person (`nl-NL`), for the dashboard's language; absent in older sessions. */
  locale: z.string().optional(),
  iat: z.number(),
  exp: z.number(),
});
export type Session = z.infer<typeof Session>;

/** The sign-in under way: what the way back from Slack must match. */
export const SignInState = z.object({
  state: z.string().min(32),
  nonce: z.string().min(32),
  /** Where to go once signed in (a dashboard path, checked by `safeNext`). */
  next: z.string(),
  exp: z.number(),
});
export type SignInState = z.infer<typeof SignInState>;

export const sealSession = (key: Buffer, who: Omit<Session, 'iat' | 'exp'>, now: Instant): string =>
  seal<Session>(key, 'session', { ...who, iat: now, exp: now + SESSION_TTL });

export const openSession = (key: Buffer, cookie: string, now: Instant): Opened<Session> =>
  unseal(key, 'session', cookie, Session, now);

export const sealSignIn = (key: Buffer, s: SignInState): string => seal(key, 'sign-in', s);

export const openSignIn = (key: Buffer, cookie: string, now: Instant): Opened<SignInState> =>
  unseal(key, 'sign-in', cookie, SignInState, now);

/** A path under /dashboard to return to after signing in; anything else (other hosts: `//evil`) → /dashboard. */
export function safeNext(next: string | null): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (next === null || !/^\/dashboard(?:[/?]|$)/.test(next) || /[\\\u0000-\u001f\u007f]/.test(next))
    return '/dashboard';
  return next;
}
