import type { enAuth } from './en-auth.ts';

/**
 * German: the dashboard's sign-in, refusal and signed-out pages. Phrased impersonally, so "Sie" and
 * "du" read the same (no de-du.ts copy). Same keys and arguments as en-auth.ts.
 */
export const deAuth: Readonly<Record<keyof typeof enAuth, string>> = {
  'dash.auth.signIn': 'Mit Slack anmelden',
  'dash.auth.notConfigured.title': 'Die Anmeldung ist nicht eingerichtet',
  'dash.auth.notConfigured.why':
    'Das Dashboard zeigt Namen, Firmen und Telefonnummern von Leads und antwortet daher nur Personen, die mit Slack angemeldet sind, und Skripten, die das Dashboard-Token senden. Diese Anfrage brachte keins von beiden mit.',
  'dash.auth.notConfigured.setup':
    'Für den Zugang: <code>SLACK_CLIENT_ID</code>, <code>SLACK_CLIENT_SECRET</code> und <code>DASHBOARD_URL</code> setzen (die öffentliche Basisadresse, z. B. <code>https://sla.example.com</code>), <code>DASHBOARD_URL/dashboard/auth/callback</code> mit den User-Scopes <code>openid</code>, <code>email</code> und <code>profile</code> zu den Redirect URLs der Slack-App hinzufügen und sla-bot neu starten. Wer was sieht, steht in der SLA-Datei: <code>slack.admins</code> alles, die Leitung eines Teams das Team, Vertriebler ihre eigenen Leads.',
  'dash.auth.notConfigured.scripts':
    'Skripte: <code>DASHBOARD_TOKEN</code> setzen und <code>Authorization: Bearer …</code> senden. Siehe README, Abschnitt "Security".',
  'dash.auth.invalidSession.title': 'Bitte erneut anmelden',
  'dash.auth.invalidSession.body':
    'Das Anmelde-Cookie stammt nicht von diesem Server oder wurde verändert. Es wurde entfernt.',
  'dash.auth.tokenInUrl.title': 'Das Token gehört nicht mehr in die Adresse',
  'dash.auth.tokenInUrl.body':
    '<code>?token=</code> wird nicht mehr angenommen: Eine Adresse landet im Browserverlauf, in Logs und in den Referrer-Daten anderer Websites. Personen melden sich mit Slack an; Skripte senden <code>Authorization: Bearer …</code>.',
  'dash.auth.forbidden.title': 'Kein Zugang zum Dashboard',
  'dash.auth.forbidden.who':
    'Mit Slack angemeldet als <strong>{email}</strong>, doch die SLA-Datei gibt dieser Adresse keinen Zugang zum Dashboard. Admins (<code>slack.admins</code>) sehen alles, die Leitung eines Teams dessen Leads und Vertriebler (Teammitglieder oder Zuständige in HubSpot) ihre eigenen.',
  'dash.auth.forbidden.ask':
    'Ein sla-bot-Admin kann diese Adresse in die SLA-Datei eintragen; das gilt sofort, eine neue Anmeldung ist nicht nötig.',
  'dash.auth.forbidden.ownersUnknown':
    'Die Zuständigen in HubSpot sind gerade nicht lesbar: Wer in HubSpot Leads betreut, versucht es bitte in einer Minute erneut.',
  'dash.auth.failed.title': 'Die Anmeldung wurde nicht abgeschlossen',
  'dash.auth.signedOut.title': 'Abgemeldet',
  'dash.auth.signedOut.body': 'Die Abmeldung vom SLA-Dashboard ist erfolgt.',

  'dash.auth.failed.expired': 'Die Anmeldung dauerte länger als 10 Minuten.',
  'dash.auth.failed.notStartedHere':
    'Diese Anmeldung wurde nicht in diesem Browser begonnen (oder ihr Cookie wurde blockiert).',
  'dash.auth.failed.state':
    'Die Antwort von Slack gehört nicht zu der hier begonnenen Anmeldung (state stimmt nicht überein).',
  'dash.auth.failed.slackError': 'Slack hat die Anmeldung nicht durchgeführt ({error}).',
  'dash.auth.failed.noCode': 'Slack hat keinen Code gesendet.',
  'dash.auth.failed.crossSite': 'Abmelden geht nur aus dem Dashboard selbst.',
  'dash.auth.failed.refused': 'Slack hat die Anmeldung abgelehnt ({method}: {code}). Bitte erneut anmelden.',
  'dash.auth.failed.unreachable':
    'Slack ist nicht erreichbar ({code}). Bitte in einer Minute erneut versuchen.',
  'dash.auth.failed.badAnswer':
    'Der Antwort von Slack auf {method} fehlen Felder, die die Anmeldung braucht.',
  'dash.auth.failed.idToken': 'Die Anmeldung wurde abgelehnt: {why}. Bitte erneut anmelden.',
  'dash.auth.failed.twoPeople': 'Slack hat zwei verschiedene Personen genannt. Bitte erneut anmelden.',
  'dash.auth.failed.noEmail':
    'Slack kennt für dieses Konto keine bestätigte E-Mail-Adresse, und das Dashboard richtet sich nach der E-Mail.',
  'dash.auth.failed.otherWorkspace':
    'Die Anmeldung erfolgte in einem anderen Slack-Workspace als dem, in dem sla-bot arbeitet.',
};
