import type { en } from './en.ts';

/**
 * German, as a DACH sales team writes to a colleague it does not say "du" to: "Sie" (the default).
 * A team with `language: { code: de, informal: true }` gets de-du.ts over this.
 */
export const de: Readonly<Record<keyof typeof en, string>> = {
  'duration.s': '{s} Sek.',
  'duration.m': '{m} Min.',
  'duration.ms': '{m} Min. {ss} Sek.',
  'duration.h': '{h} Std.',
  'duration.hm': '{h} Std. {mm} Min.',
  'duration.d': '{d} Tg.',
  'duration.dh': '{d} Tg. {h} Std.',

  'button.hubspot': 'In HubSpot öffnen',
  'button.onIt': 'Übernehme ich',
  'button.notAFit': 'Passt nicht',
  'button.snooze': 'Eskalationen pausieren',

  'lead.name.lead': 'Lead {id}',
  'lead.name.contact': 'Kontakt {id}',
  'lead.title.roleCompany': '{name}, {role} bei {company}',
  'lead.title.company': '{name} bei {company}',
  'lead.title.role': '{name}, {role}',
  'lead.field.phone': 'Telefon',
  'lead.field.email': 'E-Mail',
  'lead.field.missing': '_nicht in HubSpot_',
  'lead.field.stage': 'Phase',
  'lead.field.score': ' · Score {score}',
  'lead.field.contactBy': 'Kontakt bis',
  'lead.field.source': 'Quelle',
  'lead.field.why': 'Warum dieser Lead',
  'lead.field.attempts': 'Erforderliche Anrufversuche',
  'lead.field.country': 'Land',

  'note.owner': ' (Verantwortlich: {owner})',
  'note.late':
    ':snail: Diese Nachricht war vor {late} fällig; sla-bot, HubSpot oder Slack hatte eine Verzögerung.',
  'note.fallback': 'Gedacht für {who}; Sie erhalten sie stattdessen.',
  'note.fallbackWhy': 'Gedacht für {who} ({why}); Sie erhalten sie stattdessen.',

  'ping.header': 'Neuer {stage}: {name}',
  'ping.intro.self':
    'Sie haben einen neuen {stage}-Lead. Bitte nehmen Sie innerhalb von {within} Kontakt auf{attempts, plural, =0 {} one { und machen Sie # Anrufversuch} other { und machen Sie # Anrufversuche}}.',
  'ping.intro.other':
    'Neuer {stage}-Lead für {owner}. Kontakt innerhalb von {within}{attempts, plural, =0 {} one {, dazu # Anrufversuch} other {, dazu # Anrufversuche}}.',
  'ping.details': '*Lead-Details*',
  'ping.text': 'Neuer {stage}-Lead: {lead}. Kontakt bis {time}.',

  'status.closed': ':white_check_mark: Geschlossen: {why}.',
  'status.waiting': ':hourglass_flowing_sand: Wartet auf den Erstkontakt, Frist {deadline}.',
  'status.met.attempt': ':white_check_mark: Erster Versuch nach {took} ✓',
  'status.met.reached': ':white_check_mark: Kontakt nach {took} ✓',
  'status.breached.none':
    ':red_circle: Frist verpasst: {deadline} verstrichen, noch kein Kontakt erfasst.{excuse}',
  'status.breached.attempt': ':red_circle: Frist verpasst: erster Versuch {late} zu spät.{excuse}',
  'status.breached.reached': ':red_circle: Frist verpasst: Kontakt {late} zu spät.{excuse}',
  'status.excused': ' Die Frist fiel in eine Störung von HubSpot oder Slack: Das zählt nicht gegen Sie.',
  'status.onIt': ':wave: Übernommen: {who} um {at}.',
  'status.attempts.met': ':telephone_receiver: Versuche {made} von {required} ✓',
  'status.attempts.short':
    ':telephone_receiver: Versuche {made} von {required}: Zeitfenster geschlossen, {short} zu wenig.',
  'status.attempts.open': ':telephone_receiver: Versuche {made} von {required}, Zeitfenster endet {end}.',
  'status.overkill':
    ':warning: Mehr als {atMost, plural, one {# Versuch} other {# Versuche}}: Zeit, hier aufzuhören.',

  'reminder.headline':
    ':alarm_clock: *Noch {left}*, um {lead}{owner} zu kontaktieren. Frist {deadline}.{phone}',
  'reminder.call': ' Anrufen: {phone}.',
  'reminder.text': 'Noch {left}, um {lead} zu kontaktieren: Frist {time}.',

  'breach.headline':
    ':red_circle: *Frist für den Erstkontakt um {late} verpasst* bei {lead}{owner}. Fällig war {deadline}. Bitte nehmen Sie jetzt Kontakt auf.',
  'breach.excused': 'Die Frist fiel in eine Störung von HubSpot oder Slack und zählt daher nicht gegen Sie.',
  'breach.text': 'Frist für den Erstkontakt bei {lead} um {late} verpasst (war {time}).',

  'escalation.headline':
    ':rotating_light: {owner}{team} {what}: {lead}. Die Frist war {deadline}, vor {late}.',
  'escalation.team': ' (Team {team})',
  'escalation.what.none': 'hat diesen Lead nicht kontaktiert',
  'escalation.what.attempt': 'hat den ersten Versuch bei diesem Lead zu spät gemacht',
  'escalation.what.reached': 'hat diesen Lead zu spät kontaktiert',
  'escalation.lead': '*Lead*',
  'escalation.level':
    'Eskalationsstufe {level}{repeat, plural, =0 {} other {, Erinnerung #}} · Richtlinie {policy}',
  'escalation.excused':
    'Die Frist fiel in eine Störung von HubSpot oder Slack: Das wird dem Vertriebler nicht angelastet.',
  'escalation.acked':
    'Der Vertriebler hat "Übernehme ich" gedrückt, aber in HubSpot ist noch kein Kontakt erfasst.',
  'escalation.text': 'SLA-Eskalation: {lead} nicht kontaktiert; Frist war {time} (vor {late}).',

  'attempts.shortfall':
    ':telephone_receiver: *Versuche {made} von {required}* bei {lead}{owner}: Das Zeitfenster schloss mit {short} zu wenig.',
  'attempts.shortfall.text': '{lead}: {made} von {required} Versuchen, als das Zeitfenster schloss.',
  'attempts.overkill':
    ':warning: *{made, plural, one {# Versuch} other {# Versuche}}* bei {lead}{owner}; laut SLA höchstens {atMost}. Geben Sie den Lead besser ins Nurturing zurück, statt erneut anzurufen.',
  'attempts.overkill.text':
    '{lead}: {made, plural, one {# Versuch} other {# Versuche}}, mehr als die erlaubten {atMost}.',

  'reassigned.previousOwner':
    ':arrows_counterclockwise: *An {to} übertragen* nach {waited} ohne Kontakt: {lead}. Der Anruf liegt jetzt dort.',
  'reassigned.manager':
    ':arrows_counterclockwise: *Lead von {from} an {to} übertragen* nach {waited} ohne Kontakt: {lead}.',
  'reassigned.text': '{lead}: von {from} an {to} übertragen nach {waited} ohne Kontakt.',
  'reassigned.claimed.previousOwner':
    ':raising_hand: *{to} hat den Lead übernommen* nach {waited} ohne Kontakt: {lead}. Der Anruf liegt jetzt dort.',
  'reassigned.claimed.manager':
    ':raising_hand: *{to} hat einen Lead von {from} übernommen* nach {waited} ohne Kontakt: {lead}.',
  'reassigned.claimed.text': '{lead}: {to} hat von {from} übernommen nach {waited} ohne Kontakt.',
  'ping.reassignedFrom': ':arrows_counterclockwise: Von {from} übertragen nach {waited} ohne Kontakt',
  'reassigned.escalation':
    ':arrows_counterclockwise: Von {from} an {to} übertragen nach {waited} ohne Kontakt',

  'closed.none': 'geschlossen',
  'closed.progressed': 'in eine spätere Phase verschoben',
  'closed.regressed': 'in eine frühere Phase zurückgesetzt',
  'closed.recycled': 'zurück an das Marketing (recycelt)',
  'closed.deleted': 'in HubSpot gelöscht',
  'closed.not_a_fit': 'als unpassend markiert',
  'closed.merged': 'mit Kontakt {contact} zusammengeführt',
  'closed.notAFitBy': 'von {by} als unpassend markiert',
  'ending.ownerRemoved': 'der Verantwortliche wurde in HubSpot entfernt',
  'ending.assigned': '{owner} zugewiesen',
  'ending.reassigned': 'an {owner} übergeben',

  'settled.resolved.attempt': 'Erster Versuch von {owner} um {at} ({late} zu spät)',
  'settled.resolved.reached': 'Kontakt durch {owner} um {at} ({late} zu spät)',
  'settled.corrected.attempt':
    'Korrektur: erster Versuch um {at} erfasst — innerhalb der Frist; kein Verstoß',
  'settled.corrected.reached': 'Korrektur: Kontakt um {at} erfasst — innerhalb der Frist; kein Verstoß',
  'settled.attemptsMet': 'Korrektur: {made} von {required} Versuchen im Zeitfenster erfasst',
  'settled.done.attempt': 'Erledigt: erster Versuch um {at}',
  'settled.done.reached': 'Erledigt: Kontakt um {at}',
  'settled.noLongerNeeded': 'Nicht mehr nötig: {why}',
  'settled.closed': 'Geschlossen: {why}',
  'settled.about.breach': 'Frist für den Erstkontakt {deadline} verpasst',
  'settled.about.escalation':
    'Frist für den Erstkontakt {deadline} · Eskalationsstufe {level}{repeat, plural, =0 {} other {, Erinnerung #}} · Richtlinie {policy}',
  'settled.about.reminder': 'Erinnerung vor der Frist {deadline}',
  'settled.about.shortfall': 'Zeitfenster schloss mit {made} von {required} Versuchen',
  'settled.about.reassigned': 'von {from} an {to} übertragen',
  'settled.about.overkill':
    '{made, plural, one {# Versuch} other {# Versuche}}, mehr als die erlaubten {atMost}',

  'unreachable.out_of_office': 'abwesend',
  'unreachable.not_in_slack': 'nicht in Slack gefunden',
  'unreachable.deactivated': 'in Slack deaktiviert',
  'unreachable.account_inactive': 'inaktives Slack-Konto',
  'unreachable.messages_tab_disabled': 'Direktnachrichten der App nicht möglich',
  'unreachable.no_owner': 'ohne Verantwortlichen',
  'unreachable.owner_inactive': 'in HubSpot deaktiviert',
  'unreachable.owner_without_email': 'ohne E-Mail in HubSpot',
  'unreachable.no_team': 'in keinem Team',
  'unreachable.no_team_channel': 'ohne Channel',
  'unreachable.channel_not_found': 'existiert nicht oder ist privat',
  'unreachable.not_in_channel': 'Bot ist nicht Mitglied',
  'unreachable.is_archived': 'archiviert',
  'unreachable.other': 'nicht erreichbar ({code})',

  'admin.title': ':gear: *sla-bot-Hinweis für Admins*',
  'admin.text': 'sla-bot-Hinweis für Admins: {text}',
};
