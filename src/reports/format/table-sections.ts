import type { Breakdown, DepthRow, Report, SpeedRow } from '../../domain/reports/index.ts';
import { textTable } from './text-table.ts';
import { count, DASH, duration, money, ms, pct, signed, when } from './values.ts';

type Dim = { readonly title: string; readonly pick: <R>(b: Breakdown<R>) => readonly R[] };

const periodTitle = { day: 'day', week: 'week', month: 'month' } as const;

export const dimensions = (report: Report): readonly Dim[] => [
  { title: 'team', pick: (b) => b.byTeam },
  { title: 'rep', pick: (b) => b.byRep },
  { title: 'stage', pick: (b) => b.byStage },
  { title: periodTitle[report.query.period], pick: (b) => b.byPeriod },
];

const speedCells = (r: SpeedRow): string[] => [
  r.label,
  count(r.handoffs),
  count(r.contacted),
  count(r.bands['0-5m']),
  count(r.bands['5-15m']),
  count(r.bands['15-60m']),
  count(r.bands['60m+']),
  count(r.met),
  count(r.corrected),
  count(r.breached),
  count(r.excused),
  count(r.pending),
  pct(r.compliance),
  count(r.silencedEscalations),
];

const delayCells = (r: SpeedRow): string[] => [
  r.label,
  ms(r.timeToContact.median),
  ms(r.timeToContact.p90),
  ms(r.repDelay.median),
  ms(r.repDelay.p90),
  ms(r.systemDelay.detection.median),
  ms(r.systemDelay.delivery.median),
];

/** Speed: counts, bands and compliance; then the delays, system apart from rep. */
export function speedTables(report: Report): string[] {
  const b = report.speed;
  const head = [
    'handoffs',
    'contacted',
    '0-5m',
    '5-15m',
    '15-60m',
    '60m+',
    'met',
    'corrected',
    'breached',
    'excused',
    'pending',
    'compliance',
    'silenced',
  ];
  const delays = ['to contact median', 'p90', 'rep delay median', 'p90', 'system: detect', 'system: deliver'];
  return [
    textTable(['', ...head], [speedCells(b.total)]),
    ...dimensions(report).map((d) => textTable([d.title, ...head], d.pick(b).map(speedCells))),
    textTable(['delays', ...delays], [delayCells(b.total)]),
    ...dimensions(report)
      .slice(0, 3)
      .map((d) => textTable([d.title, ...delays], d.pick(b).map(delayCells))),
  ];
}

const depthCells = (r: DepthRow): string[] => [
  r.label,
  count(r.leads),
  count(r.withRule),
  count(r.attempts),
  count(r.required),
  r.averageAttempts.value === null ? DASH : r.averageAttempts.value.toFixed(1),
  count(r.attemptsMet),
  count(r.attemptsShort),
  count(r.attemptsOpen),
  count(r.overkill),
  count(r.calls),
  ms(r.talkTime),
  ms(r.averageTalkTime),
];

export function depthTables(report: Report): string[] {
  const head = [
    'leads',
    'with rule',
    'attempts',
    'required',
    'avg',
    'met',
    'short',
    'open',
    'overkill',
    'calls',
    'talk time',
    'avg talk',
  ];
  const outcomes = Object.entries(report.depth.total.outcomes).map(([k, f]) => `${k} ${count(f)}`);
  return [
    textTable(['', ...head], [depthCells(report.depth.total)]),
    ...dimensions(report)
      .slice(0, 3)
      .map((d) => textTable([d.title, ...head], d.pick(report.depth).map(depthCells))),
    `Call outcomes: ${outcomes.length === 0 ? 'no calls logged' : outcomes.join(', ')}`,
  ];
}

export function uncontactedTable(report: Report): string {
  const u = report.uncontacted;
  const rows = [u.total, ...u.byOwner].map((r) => [
    r.label,
    r.team ?? (r.key === 'all' ? '' : DASH),
    count(r.total),
    count(r.ages['under-1w']),
    count(r.ages['1w-2w']),
    count(r.ages['2w-1m']),
    count(r.ages['1m+']),
    ms(r.oldest),
  ]);
  return textTable(
    ['owner', 'team', 'open', '<1 week', '1-2 weeks', '2 weeks-1 month', '1 month+', 'oldest'],
    rows,
  );
}

export function deliveryTables(report: Report): string[] {
  const d = report.delivery;
  const months = d.stages.map((s) =>
    textTable(
      [`${s.label} per month`, 'delivered', 'commitment', 'difference', 'running'],
      s.months.map((m) => [
        `${m.label}${m.partial ? ' (partial)' : ''}`,
        count(m.delivered),
        m.commitment === null ? DASH : String(m.commitment),
        signed(m.delta),
        signed(m.cumulative),
      ]),
    ),
  );
  const conversion = textTable(
    ['conversion', 'entered', 'converted', 'rate'],
    d.conversion.map((c) => [c.label, count(c.entered), count(c.converted), pct(c.rate)]),
  );
  const deals = d.deals.available
    ? textTable(
        ['SQL → won deal', 'SQLs', 'won', 'rate', 'average won deal'],
        [
          [
            'SQLs of the window',
            count(d.deals.sqls),
            count(d.deals.won),
            pct(d.deals.rate),
            d.deals.averageValue.length === 0
              ? DASH
              : d.deals.averageValue.map((a) => `${money(a.average)} ${a.label} (${a.deals})`).join('; '),
          ],
        ],
      )
    : `Deals: ${d.deals.note}`;
  const reasons =
    d.notAFit.length === 0
      ? 'Not a fit: none given'
      : textTable(
          ['not a fit: reason', 'leads'],
          d.notAFit.map((r) => [r.label, count(r.count)]),
        );
  return [...months, conversion, deals, reasons];
}

export function messagesTable(report: Report): string {
  const rows = [report.messages.total, ...report.messages.byTeam].map((r) => [
    r.label,
    count(r.sent.handoff),
    count(r.sent.reminder),
    count(r.sent.breach),
    count(r.sent.escalation),
    count(r.sent.attempts_shortfall),
    count(r.sent.overkill),
    count(r.failed),
    count(r.pending),
  ]);
  return textTable(
    ['team', 'pings', 'reminders', 'breaches', 'escalations', 'shortfalls', 'overkill', 'failed', 'pending'],
    rows,
  );
}

export function breachesTable(report: Report): string {
  if (report.worstBreaches.length === 0) return 'No breaches held against reps.';
  return textTable(
    ['lead', 'owner', 'team', 'stage', 'entered', 'late by', 'contacted'],
    report.worstBreaches.map((b) => [
      b.company ? `${b.name} (${b.company})` : b.name,
      b.owner,
      b.team ?? DASH,
      b.stage,
      when(b.enteredAt, report.zone),
      duration(b.lateBy),
      b.contactedAt === null ? 'not yet' : when(b.contactedAt, report.zone),
    ]),
  );
}
