import type { enApp } from './en-app.ts';

/** Dutch: App Home, `/sla`, modals and button replies ("je"). Same keys and arguments as en-app.ts. */
export const nlApp: Readonly<Record<keyof typeof enApp, string>> = {
  'list.empty.text': '{title}: geen open leads.',
  'list.empty': '*{title}*\nGeen open leads. :tada:',
  'list.text': '{title}: {n, plural, one {# open lead} other {# open leads}}.',
  'list.more': '…en nog {n}, minder urgent.',
  'list.score': 'score {score}',
  'list.owner': 'eigenaar {owner}',
  'list.new': ':new: net overgedragen',
  'list.left': ':hourglass_flowing_sand: *nog {left}* (vóór {deadline})',
  'list.late': ':red_circle: *{late} te laat*, geen contact gelogd',
  'list.met.attempt': ':white_check_mark: eerste poging binnen {took}',
  'list.met.reached': ':white_check_mark: contact binnen {took}',
  'list.breached.attempt': ':large_orange_circle: eerste poging {late} te laat',
  'list.breached.reached': ':large_orange_circle: contact {late} te laat',
  'list.attempts': ':telephone_receiver: pogingen {made} van {required}',
  'list.attempts.short': ' (te weinig)',
  'list.attempts.overkill': ' :warning: te veel',

  'home.title': 'Jouw open leads',
  'home.empty': 'Nu geen open leads. Nieuwe overdrachten zie je hier en in je berichten.',
  'home.intro': '{n, plural, one {# open lead} other {# open leads}}, meest urgent eerst, dan op leadscore.',

  'sla.help':
    '`/sla` toont je open leads met resterende tijd en pogingen; `/sla team` die van je team (managers).',
  'sla.noEmail':
    'Slack gaf me je e-mail niet, dus ik kan je niet koppelen aan een HubSpot-eigenaar. Vraag een beheerder je toe te voegen onder slack.user_overrides.',
  'sla.teamOnlyManagers': 'Alleen managers kunnen `/sla team` gebruiken. {help}',
  'sla.unknown': '"{arg}" ken ik niet. {help}',
  'sla.teamTitle': 'Open leads van {teams}',
  'sla.mineTitle': 'Jouw open leads',

  'modal.cancel': 'Annuleren',
  'modal.close': 'Sluiten',
  'modal.loading': 'Laden…',
  'modal.failed': 'Er ging bij ons iets mis. Sluit dit en probeer het over een minuut opnieuw.',
  'modal.closedLead': 'Deze lead is al gesloten; niets te doen.',

  'notAFit.title': 'Geen match',
  'notAFit.save': 'Opslaan',
  'notAFit.intro':
    'Waarom is *{lead}* geen match? Marketing ziet de reden als feedback op leadkwaliteit.{loop}',
  'notAFit.loop': ' De lead gaat in HubSpot terug naar nurture.',
  'notAFit.reason': 'Reden',
  'notAFit.note': 'Notitie voor marketing',
  'notAFit.outOfDate': 'Dit formulier is verouderd: sluit het en druk opnieuw op "Geen match".',
  'notAFit.pick': 'Kies een reden.',
  'notAFit.recorded':
    'Gemarkeerd als geen match: "{reason}". De SLA-klok staat stil en marketing ziet de reden.{hubspot}',
  'notAFit.hubspotDone': ' Leadstatus in HubSpot op {status} gezet: de lead is terug in nurture.',
  'notAFit.hubspotFailed': ' HubSpot kon NIET worden bijgewerkt ({error}); zet de leadstatus zelf.',

  'snooze.title': 'Escalaties pauzeren',
  'snooze.submit': 'Pauzeren',
  'snooze.intro':
    'Escalaties over *{lead}* en vergelijkbare leads stoppen voor de periode die je kiest. Herinneringen aan de rep gaan door; de pauze en de reden staan in de rapporten.',
  'snooze.scope': 'Pauzeren voor',
  'snooze.duration': 'Hoe lang',
  'snooze.reason': 'Reden',
  'snooze.placeholder': 'bijv. rep op een beurs',
  'snooze.hours': '{n, plural, one {# uur} other {# uur}}',
  'snooze.days': '{n, plural, one {# dag} other {# dagen}}',
  'snooze.weeks': '{n, plural, one {# week} other {# weken}}',
  'snooze.onlyOwner': 'Alleen {owner}',
  'snooze.wholeTeam': 'Het hele team {team}',
  'snooze.nobody': 'Deze lead heeft geen eigenaar of team om te pauzeren.',
  'snooze.fillIn': 'Vul elk veld in.',
  'snooze.working': 'Escalaties pauzeren…',
  'snooze.refused': 'Alleen de manager van dit team of een sla-bot-beheerder kan escalaties pauzeren.',
  'snooze.done.team': 'Escalaties voor team {team} gepauzeerd tot {until}: {reason}',
  'snooze.done.rep': 'Escalaties voor deze rep gepauzeerd tot {until}: {reason}',

  'onIt.recorded':
    'Top: geen herinneringen meer voor deze lead. De SLA-klok loopt door tot er een call, e-mail of meeting in HubSpot staat.',
  'onIt.duplicate': 'Stond al op "Ik pak hem op"; niets veranderd.',
  'onIt.closed': 'Deze lead is al gesloten; niets te doen.',
  'onIt.notFound': 'sla-bot volgt deze lead niet meer.',
};
