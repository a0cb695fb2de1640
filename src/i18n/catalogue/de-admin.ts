import type { enAdmin } from './en-admin.ts';

/** Admin alerts in German: impersonal (infinitives), so "Sie" and "du" read the same. */
export const deAdmin: Record<keyof typeof enAdmin, string> = {
  'alert.outage.start':
    ':rotating_light: {system} fällt seit {since} aus ({error}). SLA-Fristen in diesem Zeitraum gelten als entschuldigt; den Vertriebsleuten wird nichts angelastet.',
  'alert.outage.end':
    ':white_check_mark: {system} ist wieder da (Ausfall {from} – {until}). Versäumte Arbeit wird nachgeholt.',
  'alert.downtime':
    ':rotating_light: sla-bot selbst lief von {from} bis {until} nicht ({minutes} Min.): Es gingen keine Erinnerungen oder Eskalationen hinaus. SLA-Fristen in diesem Zeitraum gelten als entschuldigt; versäumte Arbeit wird jetzt nachgeholt.',
  'alert.startup':
    ':rotating_light: sla-bot kann nicht starten: {system} fällt seit {since} aus ({attempts, plural, one {# Versuch} other {# Versuche}}; zuletzt: {reason}). {next}',
  'alert.startup.keepsTrying':
    'sla-bot versucht es weiter (jede Minute) und startet, sobald {system} antwortet; bis dahin gehen keine SLA-Nachrichten hinaus.',
  'alert.startup.givesUp': 'Dieses `sla-bot run --once` gibt jetzt auf.',
  'alert.budgetLow':
    ':warning: Das tägliche API-Budget von HubSpot wird knapp: noch {remaining} von {limit} Anfragen für heute ({percent} %), geteilt von allen Integrationen des Portals. Ist es aufgebraucht, lehnt HubSpot bis Mitternacht (Portalzeit) alle Aufrufe ab und sla-bot sieht keine Übergaben mehr. Unter Settings → Integrations → Private apps → API usage steht, wer es verbraucht.',
  'alert.dailyLimit':
    ':no_entry: Das tägliche API-Limit von HubSpot ist aufgebraucht: HubSpot lehnt die Aufrufe von sla-bot ab (429 DAILY), neue Übergaben und Anrufe werden also erst gesehen, wenn um Mitternacht Portalzeit ein neuer Tag beginnt, {until}. Wird das Limit früher erhöht (ein API limit increase), merkt sla-bot das innerhalb von {every} Minuten: Es fragt HubSpot alle {every} Minuten erneut (nächstes Mal {next}). SLA-Fristen in der Pause gelten als entschuldigt; den Vertriebsleuten wird nichts angelastet. Alle Integrationen des Portals teilen sich das Limit: Settings → Integrations → Private apps → API usage zeigt, wer es nutzt.',
  'alert.deliveryFailed':
    ':warning: Eine SLA-Nachricht konnte nicht zugestellt werden ({kind}, {key}): {error}',
  'alert.writeBackFailed':
    ':warning: HubSpot hat {what} abgelehnt ({code}: {error}). Abhilfe: `sla-bot hubspot-setup` ausführen, um die sla_bot_*-Properties anzulegen, und die Scopes der Private App prüfen.',
  'alert.reassignScope':
    ':no_entry: sla-bot kann keine Leads übertragen: Der Private App in HubSpot fehlt der Scope {scope}, den die SLA-Datei für `reassign:` in {lines} braucht. Bis er ergänzt (Settings → Integrations → Private apps → Scopes) und sla-bot neu gestartet ist oder `reassign:` aus der Datei entfernt ist, wird nichts übertragen.',
  'alert.reassignFailed':
    ':warning: HubSpot hat eine Übertragung abgelehnt ({code}: {error}); der Lead behält seinen Owner. Die SLA-Datei sagt `reassign:` in {lines}.',
  'alert.writeBack.outcome': 'die SLA-Ergebnis-Properties',
  'alert.writeBack.breach_task': 'die Anrufaufgaben zu Fristverletzungen',
  'alert.writeBack.retract_task': 'das Abschließen der Aufgaben zurückgenommener Fristverletzungen',
  'alert.configRejected':
    ':x: Die SLA-Datei {path} wurde geändert, ist aber ungültig; die vorige Fassung bleibt in Kraft.',
  'alert.lead': '{name} ({stage}, eingegangen {entered})',
  'alert.lead.contact': 'Kontakt {id}',
  'alert.owner.hubspotOwner': 'HubSpot-Owner {id}',
  'alert.owner.inactive':
    ':bust_in_silhouette: {lead} gehört {who}, in HubSpot deaktiviert oder archiviert: Niemand bearbeitet diesen Lead. Seine SLA-Nachrichten gehen solange an den Team-Channel oder die Führungskraft. Abhilfe: den Lead in HubSpot neu zuweisen: {url}',
  'alert.owner.unknown':
    ':bust_in_silhouette: {lead} gehört HubSpot-Owner {ownerId}, den HubSpot nicht kennt (gelöschter Benutzer?): Niemand bearbeitet diesen Lead. Seine SLA-Nachrichten gehen solange an die Vertretung (Team-Channel, Führungskraft oder Admins). Abhilfe: den Lead in HubSpot neu zuweisen: {url}',
  'alert.unreachable': 'Slack: {who} {why}; Nachrichten für diese Person {where}. Abhilfe: {fix}.',
  'alert.unreachable.goTo': 'gehen an {to}',
  'alert.unreachable.nobody': 'erreichen niemanden',
  'alert.fix.out_of_office': 'nichts, das endet von selbst',
  'alert.fix.users_not_found':
    'die Person zu Slack einladen oder ihre E-Mail unter slack.user_overrides in der SLA-Datei zuordnen',
  'alert.fix.user_not_found': 'slack.user_overrides in der SLA-Datei korrigieren',
  'alert.fix.user_deactivated': 'ihre Leads in HubSpot neu zuweisen',
  'alert.fix.account_inactive': 'das Bot-Token und den Benutzer in Slack prüfen',
  'alert.fix.messages_tab_disabled': 'den Messages-Tab der App aktivieren (siehe slack-app-manifest.yml)',
  'alert.fix.no_owner': 'in HubSpot einen Owner zuweisen',
  'alert.fix.owner_inactive': 'den Lead in HubSpot neu zuweisen',
  'alert.fix.owner_without_email': 'dem Owner in HubSpot eine E-Mail geben',
  'alert.fix.no_team': 'den Owner in der SLA-Datei einem Team zuordnen',
  'alert.fix.no_team_channel': 'den Team-Channel in der SLA-Datei setzen',
  'alert.fix.channel_not_found': 'den Channel in der SLA-Datei korrigieren oder den Bot einladen',
  'alert.fix.not_in_channel': 'den Bot in den Channel einladen (/invite @sla-bot)',
  'alert.fix.is_archived': 'in der SLA-Datei auf einen aktiven Channel verweisen',
  'alert.fix.other': 'den Empfänger in Slack prüfen',
  'alert.scopes':
    ':warning: Slack: Die sla-bot-App wurde ohne einige der Scopes installiert, die slack-app-manifest.yml anfordert:',
  'alert.scopes.line': '• `{scope}`: {effect}',
  'alert.scopes.fix': 'Abhilfe: unter OAuth & Permissions hinzufügen und die App neu installieren.',
  'alert.scope.channels:read': 'die "#name"-Channels der SLA-Datei werden beim Start nicht geprüft',
  'alert.scope.groups:read': 'private "#name"-Channels werden beim Start nicht geprüft',
  'alert.scope.im:write': 'nach einer DM, deren Senden in ein Timeout lief, kann nicht gesucht werden',
  'alert.scope.im:history':
    'eine DM, deren Senden in ein Timeout lief, wird nicht erneut gesendet (höchstens einmal)',
  'alert.scope.channels:history':
    'eine Nachricht in einem öffentlichen Channel, deren Senden in ein Timeout lief, wird nicht erneut gesendet (höchstens einmal)',
  'alert.scope.groups:history':
    'eine Nachricht in einem privaten Channel, deren Senden in ein Timeout lief, wird nicht erneut gesendet (höchstens einmal)',
  'alert.channel.renamed':
    ':warning: Slack: Der Channel #{name} aus {where} heißt jetzt #{now}; sla-bot postet weiter dorthin ({id}). Abhilfe: dort "#{now}" oder {id} eintragen.',
  'alert.channel.unknown':
    ':warning: Slack: Der Channel #{name} aus {where} ist nicht zu finden: Er existiert nicht, ist archiviert oder privat, ohne dass der Bot Mitglied ist. Nachrichten dafür gehen an die Vertretung (Führungskraft, Admins). Abhilfe: den Namen korrigieren (oder die Channel-ID verwenden, C0123…) oder @sla-bot in den privaten Channel einladen (/invite @sla-bot).',
  'alert.channel.scopes':
    ':warning: Slack: sla-bot kann keine Channels auflisten (Scope channels:read oder groups:read fehlt), daher werden die "#name"-Channels der SLA-Datei nicht geprüft und brechen bei einer Umbenennung. Abhilfe: beide Scopes zur App hinzufügen (slack-app-manifest.yml) und sie neu installieren.',
};
