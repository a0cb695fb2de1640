import type { enAuth } from './en-auth.ts';

/** Dutch ("je"): the dashboard's sign-in, refusal and signed-out pages. Same keys and arguments as en-auth.ts. */
export const nlAuth: Readonly<Record<keyof typeof enAuth, string>> = {
  'dash.auth.signIn': 'Inloggen met Slack',
  'dash.auth.notConfigured.title': 'Inloggen is niet ingesteld',
  'dash.auth.notConfigured.why':
    'Het dashboard toont namen, bedrijven en telefoonnummers van leads. Het antwoordt daarom alleen mensen die met Slack zijn ingelogd, en scripts die het dashboardtoken meesturen. Dit verzoek had geen van beide.',
  'dash.auth.notConfigured.setup':
    'Om mensen toegang te geven: zet <code>SLACK_CLIENT_ID</code>, <code>SLACK_CLIENT_SECRET</code> en <code>DASHBOARD_URL</code> (het publieke basisadres, bijv. <code>https://sla.example.com</code>), voeg <code>DASHBOARD_URL/dashboard/auth/callback</code> toe aan de Redirect URLs van de Slack-app met de user scopes <code>openid</code>, <code>email</code> en <code>profile</code>, en herstart sla-bot. Wie wat ziet, staat in het SLA-bestand: <code>slack.admins</code> alles, de manager van een team dat team, een verkoper de eigen leads.',
  'dash.auth.notConfigured.scripts':
    'Scripts: zet <code>DASHBOARD_TOKEN</code> en stuur <code>Authorization: Bearer …</code> mee. Zie de README, sectie "Security".',
  'dash.auth.invalidSession.title': 'Log opnieuw in',
  'dash.auth.invalidSession.body':
    'Je inlogcookie komt niet van deze server, of is gewijzigd. Hij is verwijderd.',
  'dash.auth.tokenInUrl.title': 'Het token hoort niet meer in het adres',
  'dash.auth.tokenInUrl.body':
    '<code>?token=</code> werkt niet meer: een adres belandt in de browsergeschiedenis, in logs en in de referrer-gegevens van andere sites. Mensen loggen in met Slack; scripts sturen <code>Authorization: Bearer …</code>.',
  'dash.auth.forbidden.title': 'Geen toegang tot het dashboard',
  'dash.auth.forbidden.who':
    'Je bent met Slack ingelogd als <strong>{email}</strong>, maar het SLA-bestand geeft dit adres geen toegang tot het dashboard. Beheerders (<code>slack.admins</code>) zien alles, de manager van een team de leads van dat team en een verkoper (teamlid of eigenaar in HubSpot) de eigen leads.',
  'dash.auth.forbidden.ask':
    'Vraag een sla-bot-beheerder om je aan het SLA-bestand toe te voegen; dat werkt meteen, opnieuw inloggen hoeft niet.',
  'dash.auth.forbidden.ownersUnknown':
    'De eigenaren in HubSpot zijn nu niet te lezen: heb je leads in HubSpot, probeer het dan over een minuut opnieuw.',
  'dash.auth.failed.title': 'Inloggen is niet gelukt',
  'dash.auth.signedOut.title': 'Uitgelogd',
  'dash.auth.signedOut.body': 'Je bent uitgelogd van het SLA-dashboard.',

  'dash.auth.failed.expired': 'Het inloggen duurde langer dan 10 minuten.',
  'dash.auth.failed.notStartedHere':
    'Dit inloggen is niet in deze browser begonnen (of de cookie ervan werd geblokkeerd).',
  'dash.auth.failed.state':
    'Het antwoord van Slack hoort niet bij het inloggen dat hier begon (state komt niet overeen).',
  'dash.auth.failed.slackError': 'Slack heeft je niet ingelogd ({error}).',
  'dash.auth.failed.noCode': 'Slack stuurde geen code.',
  'dash.auth.failed.crossSite': 'Uitloggen kan alleen vanuit het dashboard zelf.',
  'dash.auth.failed.refused': 'Slack weigerde het inloggen ({method}: {code}). Log opnieuw in.',
  'dash.auth.failed.unreachable': 'Slack is niet bereikbaar ({code}). Probeer het over een minuut opnieuw.',
  'dash.auth.failed.badAnswer': 'Het antwoord van Slack op {method} mist velden die inloggen nodig heeft.',
  'dash.auth.failed.idToken': 'Het inloggen is geweigerd: {why}. Log opnieuw in.',
  'dash.auth.failed.twoPeople': 'Slack noemde twee verschillende personen. Log opnieuw in.',
  'dash.auth.failed.noEmail':
    'Slack heeft geen bevestigd e-mailadres van je, en het dashboard werkt met e-mailadressen.',
  'dash.auth.failed.otherWorkspace':
    'Je bent ingelogd in een andere Slack-workspace dan die waarin sla-bot werkt.',
};
