import type { enReports } from './en-reports.ts';

/** Dutch: the weekly digest and report figures. Same keys and arguments as en-reports.ts. */
export const nlReports: Readonly<Record<keyof typeof enReports, string>> = {
  'report.duration.s': '{s} s',
  'report.duration.m': '{m} min',
  'report.duration.ms': '{m} min {s} s',
  'report.duration.hm': '{h} u {mm} min',
  'report.duration.dh': '{d} d {h} u',
  'report.pct': '{v}%',

  'digest.header': 'SLA-overzicht: {team}',
  'digest.days': 'Overdrachten van {days}',
  'digest.compliance': 'Naleving *{pct}*',
  'digest.complianceTrend': 'Naleving *{pct}* ({trend})',
  'digest.trend': '{arrow} {delta} pt t.o.v. {previous} de week ervoor',
  'digest.noPrevious': 'de week ervoor geen leads beoordeeld',
  'digest.na': 'n.v.t.',
  'digest.counts':
    '{handoffs, plural, one {# overdracht} other {# overdrachten}}: {met} op tijd{corrected}, {breached} te laat, {excused} vrijgesteld (storingen, niet aangerekend)',
  'digest.corrected': ' ({n} gecorrigeerd: overschrijding ingetrokken, contact op tijd gelogd)',
  'digest.median': 'Mediane tijd tot eerste contact: {duration}',
  'digest.worstNone': '*Ergste overschrijdingen:* geen deze week',
  'digest.worst': '*Ergste overschrijdingen*',
  'digest.breachLine': '• {lead}: {owner}, {stage}, {late} te laat',
  'digest.breachLineOpen': '• {lead}: {owner}, {stage}, {late} te laat, nog niet benaderd',
  'digest.uncontactedNone': '*Nog niet benaderd:* geen',
  'digest.uncontacted': '*Nog niet benaderd:* {n} open ({ages})',
  'digest.age.under-1w': '{n} korter dan een week',
  'digest.age.1w-2w': '{n} 1–2 weken',
  'digest.age.2w-1m': '{n} 2 weken–1 maand',
  'digest.age.1m+': '{n} een maand of langer',
  'digest.dashboard': 'Open het dashboard',
  'digest.text': 'SLA-overzicht {team}: naleving {pct}, {breached} te laat, {open} nog niet benaderd',
};
