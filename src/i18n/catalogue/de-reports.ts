import type { enReports } from './en-reports.ts';

/** German: the weekly digest and report figures. Same keys and arguments as en-reports.ts. */
export const deReports: Readonly<Record<keyof typeof enReports, string>> = {
  'report.duration.s': '{s} Sek.',
  'report.duration.m': '{m} Min.',
  'report.duration.ms': '{m} Min. {s} Sek.',
  'report.duration.hm': '{h} Std. {mm} Min.',
  'report.duration.dh': '{d} Tg. {h} Std.',
  'report.pct': '{v} %',

  'digest.header': 'SLA-Übersicht: {team}',
  'digest.days': 'Übergaben vom {days}',
  'digest.compliance': 'Einhaltung *{pct}*',
  'digest.complianceTrend': 'Einhaltung *{pct}* ({trend})',
  'digest.trend': '{arrow} {delta} Pkt. ggü. {previous} in der Vorwoche',
  'digest.noPrevious': 'in der Vorwoche keine Leads bewertet',
  'digest.na': 'k. A.',
  'digest.counts':
    '{handoffs, plural, one {# Übergabe} other {# Übergaben}}: {met} eingehalten{corrected}, {breached} verpasst, {excused} entschuldigt (Störungen, nicht angerechnet)',
  'digest.corrected': ' ({n} korrigiert: Verstoß zurückgenommen, Kontakt rechtzeitig erfasst)',
  'digest.median': 'Median bis zum Erstkontakt: {duration}',
  'digest.worstNone': '*Schlimmste Verstöße:* keine diese Woche',
  'digest.worst': '*Schlimmste Verstöße*',
  'digest.breachLine': '• {lead}: {owner}, {stage}, {late} zu spät',
  'digest.breachLineOpen': '• {lead}: {owner}, {stage}, {late} zu spät, noch nicht kontaktiert',
  'digest.uncontactedNone': '*Noch nicht kontaktiert:* keine',
  'digest.uncontacted': '*Noch nicht kontaktiert:* {n} offen ({ages})',
  'digest.age.under-1w': '{n} unter einer Woche',
  'digest.age.1w-2w': '{n} 1–2 Wochen',
  'digest.age.2w-1m': '{n} 2 Wochen–1 Monat',
  'digest.age.1m+': '{n} einen Monat oder länger',
  'digest.dashboard': 'Dashboard öffnen',
  'digest.text': 'SLA-Übersicht {team}: Einhaltung {pct}, {breached} verpasst, {open} noch nicht kontaktiert',
};
