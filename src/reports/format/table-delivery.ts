import type { Report } from '../../domain/reports/index.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import type { ReportValues } from './localized.ts';
import { noteText } from './report-notes.ts';
import { textTable } from './text-table.ts';
import { DASH } from './values.ts';

const names = (v: ReportValues, keys: readonly MessageKey[]): string[] => keys.map((k) => v.t.t(k));

/** Marketing delivery: each stage per month against its commitment, conversion, deals, "not a fit". */
export function deliveryTables(report: Report, v: ReportValues): string[] {
  const d = report.delivery;
  const { t } = v.t;
  const months = d.stages.map((s) =>
    textTable(
      [
        t('report.perMonth', { stage: s.label }),
        ...names(v, ['col.delivered', 'col.commitment', 'col.difference', 'col.running']),
      ],
      s.months.map((m) => [
        `${v.rowLabel(m.key, m.label)}${m.partial ? t('report.partial') : ''}`,
        v.count(m.delivered),
        m.commitment === null ? DASH : String(m.commitment),
        v.signed(m.delta),
        v.signed(m.cumulative),
      ]),
    ),
  );
  const conversion = textTable(
    names(v, ['col.conversion', 'col.entered.count', 'col.converted', 'col.rate']),
    d.conversion.map((c) => [c.label, v.count(c.entered), v.count(c.converted), v.pct(c.rate)]),
  );
  const deals = d.deals.available
    ? textTable(names(v, ['report.sqlToWon', 'col.sqls', 'col.won', 'col.rate', 'col.averageWonDeal']), [
        [
          t('report.sqlsOfWindow'),
          v.count(d.deals.sqls),
          v.count(d.deals.won),
          v.pct(d.deals.rate),
          d.deals.averageValue.length === 0
            ? DASH
            : d.deals.averageValue.map((a) => `${v.money(a.average)} ${a.label} (${a.deals})`).join('; '),
        ],
      ])
    : t('report.deals', { note: noteText(v.t, { code: d.deals.code }) });
  const reasons =
    d.notAFit.length === 0
      ? t('report.notAFitNone')
      : textTable(
          names(v, ['report.notAFitReason', 'col.leads']),
          d.notAFit.map((r) => [r.label, v.count(r.count)]),
        );
  return [...months, conversion, deals, reasons];
}

export function messagesTable(report: Report, v: ReportValues): string {
  const rows = [report.messages.total, ...report.messages.byTeam].map((r) => [
    v.rowLabel(r.key, r.label),
    v.count(r.sent.handoff),
    v.count(r.sent.reminder),
    v.count(r.sent.breach),
    v.count(r.sent.escalation),
    v.count(r.sent.attempts_shortfall),
    v.count(r.sent.overkill),
    v.count(r.failed),
    v.count(r.pending),
  ]);
  const head = names(v, [
    'col.team',
    'col.pings',
    'col.reminders',
    'col.breaches',
    'col.escalations',
    'col.shortfalls',
    'col.overkill',
    'col.failed',
    'col.pending',
  ]);
  return textTable(head, rows);
}

export function breachesTable(report: Report, v: ReportValues): string {
  if (report.worstBreaches.length === 0) return v.t.t('report.noBreaches');
  const head = names(v, [
    'col.lead',
    'col.owner',
    'col.team',
    'col.stage',
    'col.entered',
    'col.lateBy',
    'col.contacted',
  ]);
  return textTable(
    head,
    report.worstBreaches.map((b) => [
      b.company ? `${b.name} (${b.company})` : b.name,
      b.owner,
      b.team ?? DASH,
      b.stage,
      v.when(b.enteredAt, report.zone),
      v.duration(b.lateBy),
      b.contactedAt === null ? v.t.t('col.notYet') : v.when(b.contactedAt, report.zone),
    ]),
  );
}
