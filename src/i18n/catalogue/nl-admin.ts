import type { enAdmin } from './en-admin.ts';

export const nlAdmin: Record<keyof typeof enAdmin, string> = {
  'alert.outage.start':
    ':rotating_light: {system} faalt sinds {since} ({error}). SLA-deadlines in deze periode worden geëxcuseerd; reps krijgen er niet de schuld van.',
  'alert.outage.end':
    ':white_check_mark: {system} werkt weer (storing {from} – {until}). Gemist werk wordt ingehaald.',
  'alert.downtime':
    ':rotating_light: sla-bot zelf draaide niet van {from} tot {until} ({minutes} min): er gingen geen herinneringen of escalaties uit. SLA-deadlines in deze periode worden geëxcuseerd; gemist werk wordt nu ingehaald.',
  'alert.startup':
    ':rotating_light: sla-bot kan niet starten: {system} faalt sinds {since} ({attempts, plural, one {# poging} other {# pogingen}}; laatste: {reason}). {next}',
  'alert.startup.keepsTrying':
    'sla-bot blijft het proberen (elke minuut) en start zodra {system} antwoordt; tot dan gaan er geen SLA-berichten uit.',
  'alert.startup.givesUp': 'Deze `sla-bot run --once` geeft het nu op.',
  'alert.budgetLow':
    ':warning: Het dagelijkse API-budget van HubSpot raakt op: nog {remaining} van {limit} requests over vandaag ({percent} %), gedeeld door alle integraties van de portal. Is het op, dan weigert HubSpot alle calls tot middernacht (portaltijd) en ziet sla-bot geen overdrachten meer. Kijk bij Settings → Integrations → Private apps → API usage wie het gebruikt.',
  'alert.dailyLimit':
    ':no_entry: De dagelijkse API-limiet van HubSpot is op: HubSpot weigert de calls van sla-bot (429 DAILY), dus nieuwe overdrachten en gesprekken worden pas gezien als er om middernacht portaltijd een nieuwe dag begint, {until}. Wordt de limiet eerder verhoogd (een API limit increase), dan merkt sla-bot dat binnen {every} minuten: het vraagt HubSpot elke {every} minuten opnieuw (volgende keer {next}). SLA-deadlines tijdens de pauze worden geëxcuseerd; reps krijgen er niet de schuld van. Alle integraties van de portal delen de limiet: Settings → Integrations → Private apps → API usage laat zien wie hem gebruikt.',
  'alert.deliveryFailed': ':warning: Een SLA-bericht kon niet worden afgeleverd ({kind}, {key}): {error}',
  'alert.writeBackFailed':
    ':warning: HubSpot weigerde {what} ({code}: {error}). Oplossing: draai `sla-bot hubspot-setup` om de sla_bot_*-properties aan te maken en controleer de scopes van de private app.',
  'alert.reassignScope':
    ':no_entry: sla-bot kan geen leads overdragen: de private app in HubSpot mist de scope {scope}, die het SLA-bestand nodig heeft voor `reassign:` op {lines}. Er wordt niets overgedragen tot die is toegevoegd (Settings → Integrations → Private apps → Scopes) en sla-bot opnieuw is gestart, of tot `reassign:` uit het bestand is gehaald.',
  'alert.reassignFailed':
    ':warning: HubSpot weigerde een overdracht ({code}: {error}); de lead houdt zijn eigenaar. Het SLA-bestand zegt `reassign:` op {lines}.',
  'alert.writeBack.outcome': 'de SLA-uitkomst-properties',
  'alert.writeBack.breach_task': 'de belltaken bij een overschrijding',
  'alert.writeBack.retract_task': 'het afronden van belltaken bij ingetrokken overschrijdingen',
  'alert.configRejected':
    ':x: Het SLA-bestand {path} is gewijzigd maar ongeldig; de vorige versie blijft gelden.',
  'alert.lead': '{name} ({stage}, binnengekomen {entered})',
  'alert.lead.contact': 'contact {id}',
  'alert.owner.hubspotOwner': 'HubSpot-owner {id}',
  'alert.owner.inactive':
    ':bust_in_silhouette: {lead} is van {who}, die in HubSpot gedeactiveerd of gearchiveerd is: niemand werkt deze lead. De SLA-berichten gaan intussen naar het teamkanaal of de manager. Oplossing: wijs de lead opnieuw toe in HubSpot: {url}',
  'alert.owner.unknown':
    ':bust_in_silhouette: {lead} is van HubSpot-owner {ownerId}, die HubSpot niet kent (verwijderde gebruiker?): niemand werkt deze lead. De SLA-berichten gaan intussen naar de vervangers (teamkanaal, manager of admins). Oplossing: wijs de lead opnieuw toe in HubSpot: {url}',
  'alert.unreachable': 'Slack: {who} {why}; berichten voor deze persoon {where}. Oplossing: {fix}.',
  'alert.unreachable.goTo': 'gaan naar {to}',
  'alert.unreachable.nobody': 'bereiken niemand',
  'alert.fix.out_of_office': 'niets: het gaat vanzelf over',
  'alert.fix.users_not_found':
    'nodig de persoon uit in Slack, of koppel het e-mailadres onder slack.user_overrides in het SLA-bestand',
  'alert.fix.user_not_found': 'corrigeer slack.user_overrides in het SLA-bestand',
  'alert.fix.user_deactivated': 'wijs de leads opnieuw toe in HubSpot',
  'alert.fix.account_inactive': 'controleer het bot-token en de gebruiker in Slack',
  'alert.fix.messages_tab_disabled': 'zet het tabblad Messages van de app aan (zie slack-app-manifest.yml)',
  'alert.fix.no_owner': 'wijs in HubSpot een owner toe',
  'alert.fix.owner_inactive': 'wijs de lead opnieuw toe in HubSpot',
  'alert.fix.owner_without_email': 'geef de owner een e-mailadres in HubSpot',
  'alert.fix.no_team': 'zet de owner in een team in het SLA-bestand',
  'alert.fix.no_team_channel': 'stel het teamkanaal in in het SLA-bestand',
  'alert.fix.channel_not_found': 'corrigeer het kanaal in het SLA-bestand, of nodig de bot uit',
  'alert.fix.not_in_channel': 'nodig de bot uit in het kanaal (/invite @sla-bot)',
  'alert.fix.is_archived': 'verwijs in het SLA-bestand naar een actief kanaal',
  'alert.fix.other': 'controleer de ontvanger in Slack',
  'alert.scopes':
    ':warning: Slack: de sla-bot-app is geïnstalleerd zonder een deel van de scopes die slack-app-manifest.yml vraagt:',
  'alert.scopes.line': '• `{scope}`: {effect}',
  'alert.scopes.fix': 'Oplossing: voeg ze toe onder OAuth & Permissions en installeer de app opnieuw.',
  'alert.scope.channels:read':
    'de "#naam"-kanalen uit het SLA-bestand worden bij de start niet gecontroleerd',
  'alert.scope.groups:read': 'privé-"#naam"-kanalen worden bij de start niet gecontroleerd',
  'alert.scope.im:write': 'naar een DM waarvan het posten een time-out gaf, kan niet worden gezocht',
  'alert.scope.im:history':
    'een DM waarvan het posten een time-out gaf, wordt niet opnieuw verstuurd (hooguit één keer)',
  'alert.scope.channels:history':
    'een bericht in een openbaar kanaal waarvan het posten een time-out gaf, wordt niet opnieuw verstuurd (hooguit één keer)',
  'alert.scope.groups:history':
    'een bericht in een privékanaal waarvan het posten een time-out gaf, wordt niet opnieuw verstuurd (hooguit één keer)',
  'alert.channel.renamed':
    ':warning: Slack: het kanaal #{name} uit {where} heet nu #{now}; sla-bot blijft ernaar posten ({id}). Oplossing: schrijf daar "#{now}" of {id}.',
  'alert.channel.unknown':
    ':warning: Slack: het kanaal #{name} uit {where} is niet te vinden: het bestaat niet, is gearchiveerd, of is privé en de bot zit er niet in. Berichten ervoor gaan naar de vervanger (manager, admins). Oplossing: corrigeer de naam (of gebruik het kanaal-id, C0123…), of nodig @sla-bot uit in het privékanaal (/invite @sla-bot).',
  'alert.channel.scopes':
    ':warning: Slack: sla-bot kan geen kanalen opvragen (scope channels:read of groups:read ontbreekt), dus de "#naam"-kanalen uit het SLA-bestand worden niet gecontroleerd en breken bij een nieuwe naam. Oplossing: voeg beide scopes toe aan de app (slack-app-manifest.yml) en installeer hem opnieuw.',
};
