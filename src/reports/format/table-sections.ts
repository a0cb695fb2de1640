import type { Breakdown, DepthRow, Report, SpeedRow } from '../../domain/reports/index.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import type { ReportValues } from './localized.ts';
import { textTable } from './text-table.ts';
import { DASH } from './values.ts';

type Dim = { readonly title: string; readonly pick: <R>(b: Breakdown<R>) => readonly R[] };

const names = (v: ReportValues, keys: readonly MessageKey[]): string[] => keys.map((k) => v.t.t(k));

export const dimensions = (report: Report, v: ReportValues): readonly Dim[] => [
  { title: v.t.t('col.team'), pick: (b) => b.byTeam },
  { title: v.t.t('col.rep'), pick: (b) => b.byRep },
  { title: v.t.t('col.stage'), pick: (b) => b.byStage },
  { title: v.t.t(`period.${report.query.period}`), pick: (b) => b.byPeriod },
];

const speedCells = (v: ReportValues, r: SpeedRow): string[] => [
  v.rowLabel(r.key, r.label),
  v.count(r.handoffs),
  v.count(r.contacted),
  v.count(r.bands['0-5m']),
  v.count(r.bands['5-15m']),
  v.count(r.bands['15-60m']),
  v.count(r.bands['60m+']),
  v.count(r.met),
  v.count(r.corrected),
  v.count(r.breached),
  v.count(r.excused),
  v.count(r.pending),
  v.pct(r.compliance),
  v.count(r.silencedEscalations),
];

const delayCells = (v: ReportValues, r: SpeedRow): string[] => [
  v.rowLabel(r.key, r.label),
  v.ms(r.timeToContact.median),
  v.ms(r.timeToContact.p90),
  v.ms(r.repDelay.median),
  v.ms(r.repDelay.p90),
  v.ms(r.systemDelay.detection.median),
  v.ms(r.systemDelay.delivery.median),
];

/** Speed: counts, bands and compliance; then the delays, system apart from rep. */
export function speedTables(report: Report, v: ReportValues): string[] {
  const b = report.speed;
  const head = [
    ...names(v, ['col.handoffs', 'col.contactedCount']),
    '0-5m',
    '5-15m',
    '15-60m',
    '60m+',
    ...names(v, [
      'col.met',
      'col.corrected',
      'col.breached',
      'col.excused',
      'col.pending',
      'col.compliance',
      'col.silenced',
    ]),
  ];
  const delays = names(v, [
    'report.delay.contactMedian',
    'col.p90',
    'report.delay.repMedian',
    'col.p90',
    'report.delay.detect',
    'report.delay.deliver',
  ]);
  const speed = (r: SpeedRow) => speedCells(v, r);
  const delay = (r: SpeedRow) => delayCells(v, r);
  return [
    textTable(['', ...head], [speed(b.total)]),
    ...dimensions(report, v).map((d) => textTable([d.title, ...head], d.pick(b).map(speed))),
    textTable([v.t.t('report.delays'), ...delays], [delay(b.total)]),
    ...dimensions(report, v)
      .slice(0, 3)
      .map((d) => textTable([d.title, ...delays], d.pick(b).map(delay))),
  ];
}

const depthCells = (v: ReportValues, r: DepthRow): string[] => [
  v.rowLabel(r.key, r.label),
  v.count(r.leads),
  v.count(r.withRule),
  v.count(r.attempts),
  v.count(r.required),
  v.mean(r.averageAttempts),
  v.count(r.attemptsMet),
  v.count(r.attemptsShort),
  v.count(r.attemptsOpen),
  v.count(r.overkill),
  v.count(r.calls),
  v.ms(r.talkTime),
  v.ms(r.averageTalkTime),
];

export function depthTables(report: Report, v: ReportValues): string[] {
  const head = names(v, [
    'col.leads',
    'col.withRule',
    'col.attempts',
    'col.required',
    'col.avg',
    'col.met',
    'col.short',
    'col.open',
    'col.overkill',
    'col.calls',
    'col.talkTime',
    'col.avgTalk',
  ]);
  const outcomes = Object.entries(report.depth.total.outcomes).map(([k, f]) => `${k} ${v.count(f)}`);
  const depth = (r: DepthRow) => depthCells(v, r);
  return [
    textTable(['', ...head], [depth(report.depth.total)]),
    ...dimensions(report, v)
      .slice(0, 3)
      .map((d) => textTable([d.title, ...head], d.pick(report.depth).map(depth))),
    v.t.t('report.callOutcomes', {
      list: outcomes.length === 0 ? v.t.t('report.noCalls') : outcomes.join(', '),
    }),
  ];
}

export function uncontactedTable(report: Report, v: ReportValues): string {
  const u = report.uncontacted;
  const rows = [u.total, ...u.byOwner].map((r) => [
    v.rowLabel(r.key, r.label),
    r.team ?? (r.key === 'all' ? '' : DASH),
    v.count(r.total),
    v.count(r.ages['under-1w']),
    v.count(r.ages['1w-2w']),
    v.count(r.ages['2w-1m']),
    v.count(r.ages['1m+']),
    v.ms(r.oldest),
  ]);
  const head = names(v, [
    'col.owner',
    'col.team',
    'col.open',
    'col.age.under-1w',
    'col.age.1w-2w',
    'col.age.2w-1m',
    'col.age.1m+',
    'col.oldest',
  ]);
  return textTable(head, rows);
}
