import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Clock } from '../../../clock/clock.ts';
import type { SlaConfig } from '../../../config/types.ts';
import type { Translator } from '../../../i18n/translate.ts';
import type { Logger } from '../../../log/logger.ts';
import type { Route } from '../../route.ts';
import { authPageLang, dashboardTranslator } from '../dashboard-language.ts';
import { notConfiguredPage, signedOutPage, signInFailedPage } from './auth-pages.ts';
import { readCookie, setCookie } from './cookies.ts';
import { openSession, openSignIn, safeNext, sealSession, sealSignIn } from './session.ts';
import {
  CALLBACK_PATH,
  COOKIE_PATH,
  SESSION_COOKIE,
  SESSION_TTL,
  SIGN_IN_COOKIE,
  SIGN_IN_PATH,
  SIGN_IN_TTL,
  SIGN_OUT_PATH,
  type SignInSettings,
} from './sign-in-settings.ts';
import { SignInError, type SignInFailure, type SlackSignIn } from './slack-sign-in.ts';

export interface SignInDeps {
  /** `null`: not configured; the routes then explain how to configure it. */
  readonly settings: SignInSettings | null;
  readonly slack: SlackSignIn | null;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The SLA config in force: its `language:` is the pages' language when the request names none. */
  readonly config: () => Pick<SlaConfig, 'language'>;
}

/** What OpenID Connect asks Slack for: who you are, and your e-mail (the dashboard goes by e-mail). */
const SCOPES = 'openid email profile';

export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // Server-rendered, no scripts at all; nothing leaks to HubSpot through the Referer.
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

export function sendPage(res: ServerResponse, status: number, body: string, cookies: string[] = []): void {
  res.writeHead(status, { ...PAGE_HEADERS, ...(cookies.length > 0 ? { 'set-cookie': cookies } : {}) });
  res.end(body);
}

export function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  res.writeHead(302, {
    location,
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    ...(cookies.length > 0 ? { 'set-cookie': cookies } : {}),
  });
  res.end();
}

const random = () => randomBytes(32).toString('base64url');

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The cookie that ends a cookie: same name and path, expired. */
export const clearCookie = (name: string, secure: boolean) =>
  setCookie(name, '', { path: COOKIE_PATH, maxAge: 0, secure });

/**
 * Sign in with Slack (OpenID Connect, authorization code flow): `/dashboard/sign-in` sends the
 * browser to Slack with a fresh `state` (CSRF) and `nonce` kept in a signed 10-minute cookie; Slack
 * sends it back to `/dashboard/auth/callback` with a code, which is exchanged server to server; the
 * person gets a signed session cookie. `POST /dashboard/sign-out` ends it.
 */
export function signInRoutes(deps: SignInDeps): Route[] {
  const logger = deps.logger.child({ component: 'sign-in' });
  /** The pages' language (`?lang=`, the `lang` of where the sign-in returns to, the session, the file). */
  const pageT = (url: URL, next: string | null, locale: string | null = null): Translator =>
    dashboardTranslator(authPageLang(url, next, locale, deps.config()));
  return [
    {
      method: 'GET',
      path: SIGN_IN_PATH,
      handle: (req, res) => {
        const s = deps.settings;
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (s === null) return sendPage(res, 401, notConfiguredPage(pageT(url, null)));
        const state = random();
        const nonce = random();
        const next = safeNext(url.searchParams.get('next'));
        const cookie = sealSignIn(s.key, { state, nonce, next, exp: deps.clock.now() + SIGN_IN_TTL });
        const to = new URL(s.authorizeUrl);
        to.search = new URLSearchParams({
          response_type: 'code',
          scope: SCOPES,
          client_id: s.clientId,
          state,
          nonce,
          redirect_uri: s.redirectUri,
        }).toString();
        redirect(res, to.toString(), [
          setCookie(SIGN_IN_COOKIE, cookie, {
            path: COOKIE_PATH,
            maxAge: SIGN_IN_TTL / 1000,
            secure: s.secure,
          }),
        ]);
      },
    },
    {
      method: 'GET',
      path: CALLBACK_PATH,
      handle: async (req, res) => {
        const s = deps.settings;
        const url = new URL(req.url ?? '/', 'http://localhost');
        if (s === null || deps.slack === null) return sendPage(res, 401, notConfiguredPage(pageT(url, null)));
        const now = deps.clock.now();
        const done = clearCookie(SIGN_IN_COOKIE, s.secure);
        /** Where this browser's sign-in returns to, once its cookie is read: its `lang` is the page's. */
        let back: string | null = null;
        const fail = (status: number, failure: SignInFailure, next?: string) => {
          const t = pageT(url, back);
          const reason = dashboardTranslator('en').t(failure.key, failure.values);
          logger.warn({ status, reason }, 'sign in with slack failed');
          sendPage(res, status, signInFailedPage(t.t(failure.key, failure.values), next, t), [done]);
        };
        const cookie = readCookie(req.headers.cookie, SIGN_IN_COOKIE);
        const opened = cookie === null ? null : openSignIn(s.key, cookie, now);
        if (opened === null || !opened.ok)
          return fail(400, {
            key:
              opened?.ok === false && opened.why === 'expired'
                ? 'dash.auth.failed.expired'
                : 'dash.auth.failed.notStartedHere',
          });
        const expected = opened.value;
        back = expected.next;
        const state = url.searchParams.get('state') ?? '';
        if (!sameText(state, expected.state)) return fail(400, { key: 'dash.auth.failed.state' });
        const error = url.searchParams.get('error');
        if (error !== null)
          return fail(401, { key: 'dash.auth.failed.slackError', values: { error } }, expected.next);
        const code = url.searchParams.get('code');
        if (code === null || code === '') return fail(400, { key: 'dash.auth.failed.noCode' }, expected.next);
        try {
          const who = await deps.slack.identify(code, expected.nonce, now);
          const session = sealSession(
            s.key,
            {
              sub: who.userId,
              team: who.teamId,
              email: who.email,
              name: who.name,
              ...(who.locale === undefined ? {} : { locale: who.locale }),
            },
            now,
          );
          logger.info({ user: who.userId }, 'signed in with slack');
          redirect(res, expected.next, [
            done,
            setCookie(SESSION_COOKIE, session, {
              path: COOKIE_PATH,
              maxAge: SESSION_TTL / 1000,
              secure: s.secure,
            }),
          ]);
        } catch (err) {
          if (!(err instanceof SignInError)) throw err;
          fail(err.status, err.failure, expected.next);
        }
      },
    },
    {
      method: 'POST',
      path: SIGN_OUT_PATH,
      handle: (req, res) => {
        const secure = deps.settings?.secure ?? false;
        const url = new URL(req.url ?? '/', 'http://localhost');
        const t = pageT(url, null, sessionLocale(req.headers.cookie));
        // A sign-out form from another site (SameSite keeps the cookie from it anyway) is refused.
        if (req.headers['sec-fetch-site'] === 'cross-site')
          return sendPage(res, 403, signInFailedPage(t.t('dash.auth.failed.crossSite'), '/dashboard', t));
        sendPage(res, 200, signedOutPage(t), [clearCookie(SESSION_COOKIE, secure)]);
      },
    },
  ];

  /** The Slack locale of the session being ended, when its cookie is still good. */
  function sessionLocale(cookies: string | undefined): string | null {
    const cookie = readCookie(cookies, SESSION_COOKIE);
    if (cookie === null || deps.settings === null) return null;
    const opened = openSession(deps.settings.key, cookie, deps.clock.now());
    return opened.ok ? (opened.value.locale ?? null) : null;
  }
}
