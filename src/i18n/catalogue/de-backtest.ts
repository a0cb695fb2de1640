import type { enBacktest } from './en-backtest.ts';

/** German: `sla-bot backtest` (impersonal, no "Sie" or "du"). */
export const deBacktest: Readonly<Record<keyof typeof enBacktest, string>> = {
  'backtest.title': 'Backtest von {proposed} gegen {current} (aktuell)',
  'backtest.replayed': '{n} Übergaben vom {since} bis {until} ({zone}) unter beiden Dateien nachgespielt.',
  'backtest.configChange': 'Änderungen in der Datei: {change}.',
  'backtest.noConfigChange': 'keine (dieselben Regeln)',
  'backtest.hindsight':
    "'tatsächlich' ist, was laut Outbox gesendet wurde; 'aktuell' und 'Vorschlag' spielen die gespeicherten Übergaben und Kontakte im Nachhinein nach",
  'backtest.counting':
    '(ein Anruf zählt ab seinem Zeitpunkt, auch wenn er später erfasst wurde). Benachrichtigungen zählen einmal, gleich wie viele Empfänger.',
  'backtest.reassign.replayed':
    "Neuzuweisungen folgen den Regeln des Workers (wann das reassign: einer Stufe fällig ist und wen Round-Robin wählt) zum Zeitpunkt jeder Stufe, älteste zuerst. 'tatsächlich' zählt die Neuzuweisungen, über die die Outbox Nachrichten sandte (Übernahmen per „Mir zuweisen“ nicht mitgezählt).",
  'backtest.reassign.unknown':
    'Dem Backtest unbekannt, daher angenommen: jeder Vertriebler mit HubSpot-Owner war in Slack erreichbar; das Round-Robin jedes Teams beginnt beim ersten Vertriebler; deaktiviert ist, wer es laut HubSpot heute ist; der jetzt gespeicherte Owner besaß den Lead damals; nur die erste Frist wird nachgespielt (nicht, was ein neuer Owner getan hätte).',
  'backtest.col.team': 'Team',
  'backtest.col.what': 'was',
  'backtest.col.figure': 'Kennzahl',
  'backtest.col.actual': 'tatsächlich',
  'backtest.col.current': 'aktuell',
  'backtest.col.proposed': 'Vorschlag',
  'backtest.col.change': 'Änderung',
  'backtest.line.handoff': 'Pings',
  'backtest.line.reminder': 'Erinnerungen',
  'backtest.line.breach': 'Fristverletzungen',
  'backtest.line.escalation': 'Eskalationen',
  'backtest.line.attempts_shortfall': 'zu wenige Versuche',
  'backtest.line.overkill': 'Warnungen zu viele Versuche',
  'backtest.line.breachedLeads': 'Leads mit verpasster Frist',
  'backtest.line.untracked': 'Leads ohne Richtlinie',
  'backtest.line.reassignments': 'Neuzuweisungen',
  'backtest.line.reassignNobody': 'Neuzuweisungen ohne verfügbaren Vertriebler',
  'backtest.all': 'alle',
  'backtest.noFlips': 'Kein Lead bekäme ein anderes Urteil.',
  'backtest.flips': 'Leads, deren Urteil zum Erstkontakt sich ändert (aktuell → Vorschlag):',
  'backtest.flip': '  {from} → {to}: {n} Lead(s): {ids}',
  'backtest.more': ', … {n} weitere (--details listet alle)',
  'backtest.outcome.met': 'eingehalten',
  'backtest.outcome.breached': 'verpasst',
  'backtest.outcome.excused': 'entschuldigt',
  'backtest.outcome.pending': 'offen',
  'backtest.outcome.untracked': 'nicht verfolgt',
};
