/**
 * English: the dashboard's sign-in, refusal and signed-out pages, and why a sign-in did not complete.
 * Texts with markup (`<code>`, `<strong>`) are trusted HTML: values are escaped by the caller.
 */
export const enAuth = {
  'dash.auth.signIn': 'Sign in with Slack',
  'dash.auth.notConfigured.title': 'Sign-in is not configured',
  'dash.auth.notConfigured.why':
    'The dashboard shows lead names, companies and phone numbers, so it answers only people who signed in with Slack, and scripts that send the dashboard token. Neither came with this request.',
  'dash.auth.notConfigured.setup':
    "To let people in, set <code>SLACK_CLIENT_ID</code>, <code>SLACK_CLIENT_SECRET</code> and <code>DASHBOARD_URL</code> (the public base URL, e.g. <code>https://sla.example.com</code>), add <code>DASHBOARD_URL/dashboard/auth/callback</code> to the Slack app's Redirect URLs with the user scopes <code>openid</code>, <code>email</code> and <code>profile</code>, and restart sla-bot. Who sees what comes from the SLA file: <code>slack.admins</code> everything, a team's manager the team, a rep their own leads.",
  'dash.auth.notConfigured.scripts':
    'Scripts: set <code>DASHBOARD_TOKEN</code> and send <code>Authorization: Bearer …</code>. See the README, section "Security".',
  'dash.auth.invalidSession.title': 'Please sign in again',
  'dash.auth.invalidSession.body':
    'Your sign-in cookie was not issued by this server, or it was changed. It has been removed.',
  'dash.auth.tokenInUrl.title': 'The token no longer goes in the address',
  'dash.auth.tokenInUrl.body':
    "<code>?token=</code> is not accepted any more: an address ends up in browser history, logs and other sites' referrer data. People sign in with Slack; scripts send <code>Authorization: Bearer …</code>.",
  'dash.auth.forbidden.title': 'No access to the dashboard',
  'dash.auth.forbidden.who':
    "You are signed in with Slack as <strong>{email}</strong>, but the SLA file gives this address no dashboard access. Admins (<code>slack.admins</code>) see everything, a team's manager sees the team's leads and a rep (a team member or a HubSpot owner) their own.",
  'dash.auth.forbidden.ask':
    'Ask an sla-bot admin to add you to the SLA file; the change applies at once, no need to sign in again.',
  'dash.auth.forbidden.ownersUnknown':
    'HubSpot owners could not be read just now: if you own leads in HubSpot, try again in a minute.',
  'dash.auth.failed.title': 'Sign-in did not complete',
  'dash.auth.signedOut.title': 'Signed out',
  'dash.auth.signedOut.body': 'You are signed out of the SLA dashboard.',

  // Why a sign-in did not complete (plain text, escaped on the page).
  'dash.auth.failed.expired': 'The sign-in took longer than 10 minutes.',
  'dash.auth.failed.notStartedHere':
    'This sign-in was not started in this browser (or its cookie was blocked).',
  'dash.auth.failed.state':
    'The answer from Slack does not belong to the sign-in started here (state mismatch).',
  'dash.auth.failed.slackError': 'Slack did not sign you in ({error}).',
  'dash.auth.failed.noCode': 'Slack sent no code.',
  'dash.auth.failed.crossSite': 'Sign-out is only accepted from the dashboard itself.',
  'dash.auth.failed.refused': 'Slack refused the sign-in ({method}: {code}). Please sign in again.',
  'dash.auth.failed.unreachable': 'Slack could not be reached ({code}). Please try again in a minute.',
  'dash.auth.failed.badAnswer': "Slack's {method} answer lacks the fields sign-in needs.",
  'dash.auth.failed.idToken': 'The sign-in was refused: {why}. Please sign in again.',
  'dash.auth.failed.twoPeople': 'Slack named two different people. Please sign in again.',
  'dash.auth.failed.noEmail':
    'Slack has no verified e-mail address for you, and the dashboard goes by e-mail.',
  'dash.auth.failed.otherWorkspace':
    'You signed in to another Slack workspace than the one sla-bot works in.',
} as const;
