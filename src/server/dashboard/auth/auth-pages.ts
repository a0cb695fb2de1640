import { html, type SafeHtml } from '../render/html.ts';
import { layout, signOutForm } from '../render/page.ts';
import { SIGN_IN_PATH } from './sign-in-settings.ts';

/** The pages a person sees when the dashboard does not show them its figures, and why. */

const page = (title: string, body: SafeHtml): string =>
  layout(
    title,
    html`<header><h1>SLA dashboard</h1></header><main><section><h2>${title}</h2>${body}</section></main>`,
  );

const signInLink = (next = '/dashboard') =>
  html`<p><a href="${`${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`}">Sign in with Slack</a></p>`;

/** 401: neither Sign in with Slack nor a token opens the dashboard to this request. */
export const notConfiguredPage = (): string =>
  page(
    'Sign-in is not configured',
    html`<p>The dashboard shows lead names, companies and phone numbers, so it answers only people who signed in with Slack, and scripts that send the dashboard token. Neither came with this request.</p>
<p>To let people in, set <code>SLACK_CLIENT_ID</code>, <code>SLACK_CLIENT_SECRET</code> and <code>DASHBOARD_URL</code> (the public base URL, e.g. <code>https://sla.example.com</code>), add <code>DASHBOARD_URL/dashboard/auth/callback</code> to the Slack app's Redirect URLs with the user scopes <code>openid</code>, <code>email</code> and <code>profile</code>, and restart sla-bot. Who sees what comes from the SLA file: <code>slack.admins</code> everything, a team's manager the team, a rep their own leads.</p>
<p>Scripts: set <code>DASHBOARD_TOKEN</code> and send <code>Authorization: Bearer …</code>. See the README, section "Security".</p>`,
  );

/** 401: a session cookie this server did not issue, or one that was changed. */
export const invalidSessionPage = (next: string): string =>
  page(
    'Please sign in again',
    html`<p>Your sign-in cookie was not issued by this server, or it was changed. It has been removed.</p>${signInLink(next)}`,
  );

/** 400: `?token=` in the address. */
export const tokenInUrlPage = (): string =>
  page(
    'The token no longer goes in the address',
    html`<p><code>?token=</code> is not accepted any more: an address ends up in browser history, logs and other sites' referrer data. People sign in with Slack; scripts send <code>Authorization: Bearer …</code>.</p>${signInLink()}`,
  );

/** 401 for the JSON and any other non-page caller. */
export const SIGN_IN_FIRST =
  'sign in with Slack first (open /dashboard in a browser), or send Authorization: Bearer DASHBOARD_TOKEN';

/** 403: signed in, but the SLA file gives this person nothing to see. */
export const forbiddenPage = (email: string, ownersUnknown: boolean): string =>
  page(
    'No access to the dashboard',
    html`<p>You are signed in with Slack as <strong>${email}</strong>, but the SLA file gives this address no dashboard access. Admins (<code>slack.admins</code>) see everything, a team's manager sees the team's leads and a rep (a team member or a HubSpot owner) their own.</p>
<p>Ask an sla-bot admin to add you to the SLA file; the change applies at once, no need to sign in again.</p>
${ownersUnknown ? html`<p class="warning">HubSpot owners could not be read just now: if you own leads in HubSpot, try again in a minute.</p>` : ''}
${signOutForm()}`,
  );

/** A sign-in that did not complete: stale or foreign state (400), refused by Slack, cancelled. */
export const signInFailedPage = (message: string, next = '/dashboard'): string =>
  page('Sign-in did not complete', html`<p>${message}</p>${signInLink(next)}`);

export const signedOutPage = (): string =>
  page('Signed out', html`<p>You are signed out of the SLA dashboard.</p>${signInLink()}`);
