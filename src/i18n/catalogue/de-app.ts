import type { enApp } from './en-app.ts';

/** German ("Sie"): App Home, `/sla`, modals and button replies. Same keys and arguments as en-app.ts. */
export const deApp: Readonly<Record<keyof typeof enApp, string>> = {
  'list.empty.text': '{title}: keine offenen Leads.',
  'list.empty': '*{title}*\nKeine offenen Leads. :tada:',
  'list.text': '{title}: {n, plural, one {# offener Lead} other {# offene Leads}}.',
  'list.more': '…und {n} weitere, weniger dringend.',
  'list.score': 'Score {score}',
  'list.owner': 'Verantwortlich {owner}',
  'list.new': ':new: gerade übergeben',
  'list.left': ':hourglass_flowing_sand: *noch {left}* (bis {deadline})',
  'list.late': ':red_circle: *{late} zu spät*, kein Kontakt erfasst',
  'list.met.attempt': ':white_check_mark: erster Versuch nach {took}',
  'list.met.reached': ':white_check_mark: Kontakt nach {took}',
  'list.breached.attempt': ':large_orange_circle: erster Versuch {late} zu spät',
  'list.breached.reached': ':large_orange_circle: Kontakt {late} zu spät',
  'list.attempts': ':telephone_receiver: Versuche {made} von {required}',
  'list.attempts.short': ' (zu wenig)',
  'list.attempts.overkill': ' :warning: zu viele',

  'home.title': 'Ihre offenen Leads',
  'home.empty': 'Gerade keine offenen Leads. Neue Übergaben erscheinen hier und in Ihren Nachrichten.',
  'home.intro':
    '{n, plural, one {# offener Lead} other {# offene Leads}}, die dringendsten zuerst, dann nach Lead-Score.',

  'sla.help':
    '`/sla` zeigt Ihre offenen Leads mit Restzeit und Versuchen; `/sla team` die Ihres Teams (für Manager).',
  'sla.noEmail':
    'Slack hat mir Ihre E-Mail nicht genannt, daher kann ich Sie keinem HubSpot-Verantwortlichen zuordnen. Bitten Sie einen Admin, Sie unter slack.user_overrides einzutragen.',
  'sla.teamOnlyManagers': 'Nur Manager können `/sla team` verwenden. {help}',
  'sla.unknown': '"{arg}" kenne ich nicht. {help}',
  'sla.teamTitle': 'Offene Leads von {teams}',
  'sla.mineTitle': 'Ihre offenen Leads',

  'modal.cancel': 'Abbrechen',
  'modal.close': 'Schließen',
  'modal.loading': 'Wird geladen…',
  'modal.failed':
    'Bei uns ist etwas schiefgelaufen. Schließen Sie das Fenster und versuchen Sie es in einer Minute erneut.',
  'modal.closedLead': 'Dieser Lead ist bereits geschlossen; nichts zu tun.',

  'notAFit.title': 'Passt nicht',
  'notAFit.save': 'Speichern',
  'notAFit.intro':
    'Warum passt *{lead}* nicht? Das Marketing sieht den Grund als Feedback zur Lead-Qualität.{loop}',
  'notAFit.loop': ' Der Lead geht in HubSpot zurück ins Nurturing.',
  'notAFit.reason': 'Grund',
  'notAFit.note': 'Notiz für das Marketing',
  'notAFit.outOfDate':
    'Dieses Formular ist veraltet: Schließen Sie es und drücken Sie erneut auf "Passt nicht".',
  'notAFit.pick': 'Wählen Sie einen Grund.',
  'notAFit.recorded':
    'Als unpassend markiert: "{reason}". Die SLA-Uhr ist gestoppt und das Marketing sieht den Grund.{hubspot}',
  'notAFit.hubspotDone': ' Lead-Status in HubSpot auf {status} gesetzt: Der Lead ist zurück im Nurturing.',
  'notAFit.hubspotFailed':
    ' HubSpot konnte NICHT aktualisiert werden ({error}); bitte setzen Sie den Lead-Status von Hand.',

  'snooze.title': 'Eskalationen pausieren',
  'snooze.submit': 'Pausieren',
  'snooze.intro':
    'Eskalationen zu *{lead}* und ähnlichen Leads pausieren für den gewählten Zeitraum. Erinnerungen an den Vertriebler laufen weiter; die Pause und ihr Grund erscheinen in Berichten.',
  'snooze.scope': 'Pausieren für',
  'snooze.duration': 'Wie lange',
  'snooze.reason': 'Grund',
  'snooze.placeholder': 'z. B. Vertriebler auf einer Messe',
  'snooze.hours': '{n, plural, one {# Stunde} other {# Stunden}}',
  'snooze.days': '{n, plural, one {# Tag} other {# Tage}}',
  'snooze.weeks': '{n, plural, one {# Woche} other {# Wochen}}',
  'snooze.onlyOwner': 'Nur {owner}',
  'snooze.wholeTeam': 'Das ganze Team {team}',
  'snooze.nobody': 'Dieser Lead hat keinen Verantwortlichen und kein Team, das pausiert werden könnte.',
  'snooze.fillIn': 'Bitte füllen Sie alle Felder aus.',
  'snooze.working': 'Eskalationen werden pausiert…',
  'snooze.refused': 'Nur der Manager dieses Teams oder ein sla-bot-Admin kann Eskalationen pausieren.',
  'snooze.done.team': 'Eskalationen für Team {team} pausiert bis {until}: {reason}',
  'snooze.done.rep': 'Eskalationen für diesen Vertriebler pausiert bis {until}: {reason}',

  'onIt.recorded':
    'Alles klar: Keine Erinnerungen mehr zu diesem Lead. Die SLA-Uhr läuft weiter, bis ein Anruf, eine E-Mail oder ein Meeting in HubSpot erfasst ist.',
  'onIt.duplicate': 'Schon als "Übernehme ich" markiert; nichts geändert.',
  'onIt.closed': 'Dieser Lead ist bereits geschlossen; nichts zu tun.',
  'onIt.notFound': 'sla-bot verfolgt diesen Lead nicht mehr.',
};
