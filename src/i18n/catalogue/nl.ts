import type { en } from './en.ts';

/** Dutch, as a Dutch sales team talks: short, direct, "je". Same keys and arguments as en.ts. */
export const nl: Readonly<Record<keyof typeof en, string>> = {
  'duration.s': '{s} s',
  'duration.m': '{m} min',
  'duration.ms': '{m} min {ss} s',
  'duration.h': '{h} u',
  'duration.hm': '{h} u {mm} min',
  'duration.d': '{d} d',
  'duration.dh': '{d} d {h} u',

  'button.hubspot': 'Open in HubSpot',
  'button.onIt': 'Ik pak hem op',
  'button.notAFit': 'Geen match',
  'button.snooze': 'Escalaties pauzeren',

  'lead.name.lead': 'Lead {id}',
  'lead.name.contact': 'Contact {id}',
  'lead.title.roleCompany': '{name}, {role} bij {company}',
  'lead.title.company': '{name} bij {company}',
  'lead.title.role': '{name}, {role}',
  'lead.field.phone': 'Telefoon',
  'lead.field.email': 'E-mail',
  'lead.field.missing': '_niet in HubSpot_',
  'lead.field.stage': 'Fase',
  'lead.field.score': ' · score {score}',
  'lead.field.contactBy': 'Contact vóór',
  'lead.field.source': 'Bron',
  'lead.field.why': 'Waarom deze lead',
  'lead.field.attempts': 'Belpogingen nodig',
  'lead.field.country': 'Land',

  'note.owner': ' (eigenaar: {owner})',
  'note.late':
    ':snail: Dit bericht had {late} geleden moeten komen; sla-bot, HubSpot of Slack liep vertraging op.',
  'note.fallback': 'Bedoeld voor {who}; jij krijgt het in plaats daarvan.',
  'note.fallbackWhy': 'Bedoeld voor {who}, die {why}; jij krijgt het in plaats daarvan.',

  'ping.header': 'Nieuwe {stage}: {name}',
  'ping.intro.self':
    'Je hebt een nieuwe {stage}-lead. Neem binnen {within} contact op{attempts, plural, =0 {} one { en doe # belpoging} other { en doe # belpogingen}}.',
  'ping.intro.other':
    'Nieuwe {stage}-lead voor {owner}. Neem binnen {within} contact op{attempts, plural, =0 {} one { en doe # belpoging} other { en doe # belpogingen}}.',
  'ping.details': '*Leadgegevens*',
  'ping.text': 'Nieuwe {stage}-lead: {lead}. Contact vóór {time}.',

  'status.closed': ':white_check_mark: Gesloten: {why}.',
  'status.waiting': ':hourglass_flowing_sand: Wacht op eerste contact, deadline {deadline}.',
  'status.met.attempt': ':white_check_mark: Eerste poging binnen {took} ✓',
  'status.met.reached': ':white_check_mark: Contact binnen {took} ✓',
  'status.breached.none':
    ':red_circle: Te laat: deadline {deadline} verstreken, nog geen contact gelogd.{excuse}',
  'status.breached.attempt': ':red_circle: Te laat: eerste poging {late} te laat.{excuse}',
  'status.breached.reached': ':red_circle: Te laat: contact {late} te laat.{excuse}',
  'status.excused': ' De deadline viel in een storing van HubSpot of Slack: telt niet tegen je.',
  'status.onIt': ':wave: Opgepakt: {who} om {at}.',
  'status.attempts.met': ':telephone_receiver: Pogingen {made} van {required} ✓',
  'status.attempts.short':
    ':telephone_receiver: Pogingen {made} van {required}: venster gesloten, {short} te weinig.',
  'status.attempts.open': ':telephone_receiver: Pogingen {made} van {required}, venster sluit {end}.',
  'status.overkill':
    ':warning: Meer dan {atMost, plural, one {# poging} other {# pogingen}}: tijd om te stoppen met deze.',

  'reminder.headline':
    ':alarm_clock: *Nog {left}* om contact op te nemen met {lead}{owner}. Deadline {deadline}.{phone}',
  'reminder.call': ' Bel {phone}.',
  'reminder.text': 'Nog {left} om contact op te nemen met {lead}: deadline {time}.',

  'breach.headline':
    ':red_circle: *Deadline eerste contact {late} gemist* voor {lead}{owner}. Die was {deadline}. Neem nu contact op.',
  'breach.excused': 'De deadline viel in een storing van HubSpot of Slack, dus die telt niet tegen je.',
  'breach.text': 'Deadline eerste contact voor {lead} {late} gemist (was {time}).',

  'escalation.headline':
    ':rotating_light: {owner}{team} {what}: {lead}. De deadline was {deadline}, {late} geleden.',
  'escalation.team': ' (team {team})',
  'escalation.what.none': 'heeft deze lead nog niet benaderd',
  'escalation.what.attempt': 'deed de eerste poging op deze lead te laat',
  'escalation.what.reached': 'nam te laat contact op met deze lead',
  'escalation.lead': '*Lead*',
  'escalation.level':
    'Escalatieniveau {level}{repeat, plural, =0 {} other {, herinnering #}} · beleid {policy}',
  'escalation.excused':
    'De deadline viel in een storing van HubSpot of Slack: dat rekenen we de rep niet aan.',
  'escalation.acked': 'De rep drukte op "Ik pak hem op", maar er staat nog geen contact in HubSpot.',
  'escalation.text': 'SLA-escalatie: {lead} niet benaderd; deadline was {time} ({late} geleden).',

  'attempts.shortfall':
    ':telephone_receiver: *Pogingen {made} van {required}* voor {lead}{owner}: het venster sloot met {short} te weinig.',
  'attempts.shortfall.text': '{lead}: {made} van {required} pogingen toen het venster sloot.',
  'attempts.overkill':
    ':warning: *{made, plural, one {# poging} other {# pogingen}}* op {lead}{owner}; de SLA zegt hooguit {atMost}. Zet de lead liever terug naar nurture dan nog eens te bellen.',
  'attempts.overkill.text':
    '{lead}: {made, plural, one {# poging} other {# pogingen}}, meer dan de {atMost} toegestaan.',

  'reassigned.previousOwner':
    ':arrows_counterclockwise: *Overgedragen aan {to}* na {waited} zonder contact: {lead}. Die belt nu.',
  'reassigned.manager':
    ':arrows_counterclockwise: *Lead van {from} overgedragen aan {to}* na {waited} zonder contact: {lead}.',
  'reassigned.text': '{lead}: overgedragen van {from} aan {to} na {waited} zonder contact.',
  'reassigned.claimed.previousOwner':
    ':raising_hand: *{to} heeft je lead overgenomen* na {waited} zonder contact: {lead}. Die belt nu.',
  'reassigned.claimed.manager':
    ':raising_hand: *{to} heeft een lead van {from} overgenomen* na {waited} zonder contact: {lead}.',
  'reassigned.claimed.text': '{lead}: {to} nam het over van {from} na {waited} zonder contact.',
  'ping.reassignedFrom': ':arrows_counterclockwise: Overgedragen van {from} na {waited} zonder contact',
  'reassigned.escalation':
    ':arrows_counterclockwise: Overgedragen van {from} aan {to} na {waited} zonder contact',

  'closed.none': 'gesloten',
  'closed.progressed': 'naar een latere fase',
  'closed.regressed': 'terug naar een eerdere fase',
  'closed.recycled': 'terug naar marketing (gerecycled)',
  'closed.deleted': 'verwijderd in HubSpot',
  'closed.not_a_fit': 'gemarkeerd als geen match',
  'closed.merged': 'samengevoegd met contact {contact}',
  'closed.notAFitBy': 'gemarkeerd als geen match door {by}',
  'ending.ownerRemoved': 'de eigenaar is weggehaald in HubSpot',
  'ending.assigned': 'toegewezen aan {owner}',
  'ending.reassigned': 'overgedragen aan {owner}',

  'settled.resolved.attempt': 'Eerste poging door {owner} om {at} ({late} te laat)',
  'settled.resolved.reached': 'Contact door {owner} om {at} ({late} te laat)',
  'settled.corrected.attempt':
    'Correctie: eerste poging gelogd om {at} — binnen de deadline; geen overschrijding',
  'settled.corrected.reached': 'Correctie: contact gelogd om {at} — binnen de deadline; geen overschrijding',
  'settled.attemptsMet': 'Correctie: {made} van {required} pogingen gelogd binnen het venster',
  'settled.done.attempt': 'Klaar: eerste poging om {at}',
  'settled.done.reached': 'Klaar: contact om {at}',
  'settled.noLongerNeeded': 'Niet meer nodig: {why}',
  'settled.closed': 'Gesloten: {why}',
  'settled.about.breach': 'deadline eerste contact {deadline} gemist',
  'settled.about.escalation':
    'deadline eerste contact {deadline} · escalatieniveau {level}{repeat, plural, =0 {} other {, herinnering #}} · beleid {policy}',
  'settled.about.reminder': 'herinnering vóór de deadline {deadline}',
  'settled.about.shortfall': 'venster gesloten met {made} van {required} pogingen',
  'settled.about.reassigned': 'overgedragen van {from} aan {to}',
  'settled.about.overkill':
    '{made, plural, one {# poging} other {# pogingen}}, meer dan de {atMost} toegestaan',

  'unreachable.out_of_office': 'afwezig is',
  'unreachable.not_in_slack': 'niet in Slack te vinden is',
  'unreachable.deactivated': 'in Slack gedeactiveerd is',
  'unreachable.account_inactive': 'een inactief Slack-account heeft',
  'unreachable.messages_tab_disabled': 'geen directe berichten van de app kan krijgen',
  'unreachable.no_owner': 'geen eigenaar heeft',
  'unreachable.owner_inactive': 'in HubSpot gedeactiveerd is',
  'unreachable.owner_without_email': 'geen e-mail in HubSpot heeft',
  'unreachable.no_team': 'in geen team zit',
  'unreachable.no_team_channel': 'geen kanaal heeft',
  'unreachable.channel_not_found': 'niet bestaat of privé is',
  'unreachable.not_in_channel': 'de bot niet als lid heeft',
  'unreachable.is_archived': 'gearchiveerd is',
  'unreachable.other': 'niet bereikbaar is ({code})',

  'admin.title': ':gear: *sla-bot-melding voor beheerders*',
  'admin.text': 'sla-bot-melding voor beheerders: {text}',
};
