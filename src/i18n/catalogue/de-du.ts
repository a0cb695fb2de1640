import type { Catalogue } from './index.ts';

/**
 * German "du", for a team with `language: { code: de, informal: true }`: only the texts that address
 * the reader, over de.ts / de-app.ts. Same arguments as the keys they replace.
 */
export const deDu: Partial<Catalogue> = {
  'note.fallback': 'Gedacht für {who}; du bekommst sie stattdessen.',
  'note.fallbackWhy': 'Gedacht für {who} ({why}); du bekommst sie stattdessen.',
  'ping.intro.self':
    'Du hast einen neuen {stage}-Lead. Nimm innerhalb von {within} Kontakt auf{attempts, plural, =0 {} one { und mach # Anrufversuch} other { und mach # Anrufversuche}}.',
  'status.excused': ' Die Frist fiel in eine Störung von HubSpot oder Slack: Das zählt nicht gegen dich.',
  'breach.headline':
    ':red_circle: *Frist für den Erstkontakt um {late} verpasst* bei {lead}{owner}. Fällig war {deadline}. Bitte nimm jetzt Kontakt auf.',
  'breach.excused': 'Die Frist fiel in eine Störung von HubSpot oder Slack und zählt daher nicht gegen dich.',
  'attempts.overkill':
    ':warning: *{made, plural, one {# Versuch} other {# Versuche}}* bei {lead}{owner}; laut SLA höchstens {atMost}. Gib den Lead besser ins Nurturing zurück, statt erneut anzurufen.',
  'home.empty': 'Gerade keine offenen Leads. Neue Übergaben erscheinen hier und in deinen Nachrichten.',
  'sla.help':
    '`/sla` zeigt deine offenen Leads mit Restzeit und Versuchen; `/sla team` die deines Teams (für Manager).',
  'sla.noEmail':
    'Slack hat mir deine E-Mail nicht genannt, daher kann ich dich keinem HubSpot-Verantwortlichen zuordnen. Bitte einen Admin, dich unter slack.user_overrides einzutragen.',
  'sla.unknown': '"{arg}" kenne ich nicht. {help}',
  'sla.mineTitle': 'Deine offenen Leads',
  'home.title': 'Deine offenen Leads',
  'modal.failed':
    'Bei uns ist etwas schiefgelaufen. Schließ das Fenster und versuch es in einer Minute noch einmal.',
  'notAFit.outOfDate': 'Dieses Formular ist veraltet: Schließ es und drück erneut auf "Passt nicht".',
  'notAFit.pick': 'Wähl einen Grund.',
  'notAFit.hubspotFailed':
    ' HubSpot konnte NICHT aktualisiert werden ({error}); bitte setz den Lead-Status von Hand.',
  'snooze.intro':
    'Eskalationen zu *{lead}* und ähnlichen Leads pausieren für den gewählten Zeitraum. Erinnerungen an den Vertriebler laufen weiter; die Pause und ihr Grund erscheinen in Berichten.',
  'snooze.fillIn': 'Füll bitte alle Felder aus.',
  // "Take it" (issue 18)
  'takeIt.claimed':
    'Der Lead gehört dir: sla-bot trägt {lead} innerhalb einer Minute in HubSpot auf dich ein und schickt dir dann die Übergabe-Nachricht.',
  'takeIt.noEmail':
    'Slack hat mir deine E-Mail nicht genannt, daher kann ich weder dein Team prüfen noch dich in HubSpot finden. Bitte einen Admin, dich unter slack.user_overrides einzutragen.',
  'takeIt.notOwner':
    'HubSpot hat keinen aktiven Benutzer mit deiner E-Mail ({email}), daher kann der Lead dir nicht zugewiesen werden. Bitte einen HubSpot-Admin, dich hinzuzufügen.',
  'takeIt.yours': 'Dieser Lead gehört bereits dir; nichts geändert.',
};
