import type { Report } from '../../domain/reports/index.ts';
import { type Translator, translator } from '../../i18n/translate.ts';
import { type ReportValues, reportValues } from './localized.ts';
import { noteText } from './report-notes.ts';
import { breachesTable, deliveryTables, messagesTable } from './table-delivery.ts';
import { depthTables, speedTables, uncontactedTable } from './table-sections.ts';
import { section, textTable } from './text-table.ts';
import { DASH } from './values.ts';

/**
 * The report for people in a terminal, in `t`'s language (default English); `details` appends every
 * lead the figures count.
 */
export function renderTable(
  report: Report,
  options: { readonly details: boolean },
  t: Translator = translator(),
): string {
  const v = reportValues(t);
  const q = report.query;
  const filters = [
    q.team && t.t('report.filter.team', { name: q.team }),
    q.rep && t.t('report.filter.rep', { name: q.rep }),
    q.stage && t.t('report.filter.stage', { name: q.stage }),
  ].filter((f): f is string => typeof f === 'string' && f !== '');
  const title = [
    t.t('report.title', {
      since: v.day(q.since, report.zone),
      until: v.day(q.until - 1, report.zone),
      zone: report.zone,
      period: t.t(`period.${q.period}`),
    }),
    `${filters.length > 0 ? t.t('report.filtered', { filters: filters.join(', ') }) : ''}${t.t('report.generated', { when: v.when(report.generatedAt, report.zone) })}`,
  ].join('\n');
  const parts = [
    title,
    section(t.t('report.section.speed'), ...speedTables(report, v)),
    section(t.t('report.section.depth'), ...depthTables(report, v)),
    section(t.t('report.section.uncontacted'), uncontactedTable(report, v)),
    section(t.t('report.section.delivery'), ...deliveryTables(report, v)),
    section(t.t('report.section.messages'), messagesTable(report, v)),
    section(t.t('report.section.worst'), breachesTable(report, v)),
    report.notes.length > 0
      ? section(t.t('report.section.notes'), report.notes.map((n) => `- ${noteText(t, n)}`).join('\n'))
      : '',
    options.details ? section(t.t('report.section.leads'), leadsTable(report, v)) : '',
  ];
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}

function leadsTable(report: Report, v: ReportValues): string {
  const { t } = v.t;
  const head = [
    t('col.id'),
    t('col.lead'),
    t('col.owner'),
    t('col.team'),
    t('col.stage'),
    t('col.entered'),
    t('col.verdict'),
    t('col.toContact'),
    t('col.lateBy'),
    t('col.attempts'),
    t('col.calls'),
  ];
  return textTable(
    head,
    report.leads.map((l) => [
      l.id,
      l.name,
      l.owner,
      l.team ?? DASH,
      l.stage,
      v.when(l.enteredAt, report.zone),
      l.closedAt === null
        ? v.verdict(l)
        : t('report.closed', { verdict: v.verdict(l), reason: l.closeReason ?? t('report.closedReason') }),
      v.duration(l.timeToContact),
      v.duration(l.lateBy),
      l.attempts === null ? DASH : `${l.attempts.made}/${l.attempts.required}`,
      String(l.calls),
    ]),
  );
}
