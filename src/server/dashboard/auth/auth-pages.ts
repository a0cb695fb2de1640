import { type Translator, translator } from '../../../i18n/translate.ts';
import { escapeHtml, html, raw, type SafeHtml } from '../render/html.ts';
import { layout, signOutForm } from '../render/page.ts';
import { SIGN_IN_PATH } from './sign-in-settings.ts';

/**
 * The pages a person sees when the dashboard does not show them its figures, and why; in the
 * dashboard's language (`t`, English by default). Texts with markup come from the catalogue as
 * trusted HTML; what a request or Slack supplies is escaped.
 */

const page = (t: Translator, title: string, body: SafeHtml): string =>
  layout(
    title,
    html`<header><h1>${t.t('dash.title')}</h1></header><main><section><h2>${title}</h2>${body}</section></main>`,
    t.lang,
  );

const signInLink = (t: Translator, next = '/dashboard') =>
  html`<p><a href="${`${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`}">${t.t('dash.auth.signIn')}</a></p>`;

/** 401: neither Sign in with Slack nor a token opens the dashboard to this request. */
export const notConfiguredPage = (t: Translator = translator()): string =>
  page(
    t,
    t.t('dash.auth.notConfigured.title'),
    html`<p>${t.t('dash.auth.notConfigured.why')}</p>
<p>${raw(t.t('dash.auth.notConfigured.setup'))}</p>
<p>${raw(t.t('dash.auth.notConfigured.scripts'))}</p>`,
  );

/** 401: a session cookie this server did not issue, or one that was changed. */
export const invalidSessionPage = (next: string, t: Translator = translator()): string =>
  page(
    t,
    t.t('dash.auth.invalidSession.title'),
    html`<p>${t.t('dash.auth.invalidSession.body')}</p>${signInLink(t, next)}`,
  );

/** 400: `?token=` in the address. */
export const tokenInUrlPage = (t: Translator = translator()): string =>
  page(
    t,
    t.t('dash.auth.tokenInUrl.title'),
    html`<p>${raw(t.t('dash.auth.tokenInUrl.body'))}</p>${signInLink(t)}`,
  );

/** 401 for the JSON and any other non-page caller (English: a machine reads it). */
export const SIGN_IN_FIRST =
  'sign in with Slack first (open /dashboard in a browser), or send Authorization: Bearer DASHBOARD_TOKEN';

/** 403: signed in, but the SLA file gives this person nothing to see. */
export const forbiddenPage = (email: string, ownersUnknown: boolean, t: Translator = translator()): string =>
  page(
    t,
    t.t('dash.auth.forbidden.title'),
    html`<p>${raw(t.t('dash.auth.forbidden.who', { email: escapeHtml(email) }))}</p>
<p>${t.t('dash.auth.forbidden.ask')}</p>
${ownersUnknown ? html`<p class="warning">${t.t('dash.auth.forbidden.ownersUnknown')}</p>` : ''}
${signOutForm(t)}`,
  );

/** A sign-in that did not complete: stale or foreign state (400), refused by Slack, cancelled. */
export const signInFailedPage = (
  message: string,
  next = '/dashboard',
  t: Translator = translator(),
): string => page(t, t.t('dash.auth.failed.title'), html`<p>${message}</p>${signInLink(t, next)}`);

export const signedOutPage = (t: Translator = translator()): string =>
  page(t, t.t('dash.auth.signedOut.title'), html`<p>${t.t('dash.auth.signedOut.body')}</p>${signInLink(t)}`);
