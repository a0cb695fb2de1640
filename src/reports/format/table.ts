import type { Report } from '../../domain/reports/index.ts';
import {
  breachesTable,
  deliveryTables,
  depthTables,
  messagesTable,
  speedTables,
  uncontactedTable,
} from './table-sections.ts';
import { section, textTable } from './text-table.ts';
import { DASH, day, duration, verdictText, when } from './values.ts';

/** The report for people in a terminal; `details` appends every lead the figures count. */
export function renderTable(report: Report, options: { readonly details: boolean }): string {
  const q = report.query;
  const filters = [q.team && `team ${q.team}`, q.rep && `rep ${q.rep}`, q.stage && `stage ${q.stage}`].filter(
    Boolean,
  );
  const title = [
    `SLA report: handoffs from ${day(q.since, report.zone)} to ${day(q.until - 1, report.zone)} (${report.zone}), by ${q.period}`,
    `${filters.length > 0 ? `Filtered to ${filters.join(', ')}. ` : ''}Generated ${when(report.generatedAt, report.zone)}.`,
  ].join('\n');
  const parts = [
    title,
    section(
      'Speed of follow-up (time to first contact in business time from clock start)',
      ...speedTables(report),
    ),
    section('Depth of follow-up', ...depthTables(report)),
    section('Not yet contacted (open now, by age since handoff)', uncontactedTable(report)),
    section('Marketing delivery', ...deliveryTables(report)),
    section('Messages sent', messagesTable(report)),
    section('Worst breaches', breachesTable(report)),
    report.notes.length > 0 ? section('Notes', report.notes.map((n) => `- ${n}`).join('\n')) : '',
    options.details ? section('Leads behind the figures', leadsTable(report)) : '',
  ];
  return `${parts.filter((p) => p !== '').join('\n\n')}\n`;
}

function leadsTable(report: Report): string {
  return textTable(
    [
      'id',
      'lead',
      'owner',
      'team',
      'stage',
      'entered',
      'verdict',
      'to contact',
      'late by',
      'attempts',
      'calls',
    ],
    report.leads.map((l) => [
      l.id,
      l.name,
      l.owner,
      l.team ?? DASH,
      l.stage,
      when(l.enteredAt, report.zone),
      l.closedAt === null ? verdictText(l) : `${verdictText(l)}, closed (${l.closeReason ?? 'closed'})`,
      duration(l.timeToContact),
      duration(l.lateBy),
      l.attempts === null ? DASH : `${l.attempts.made}/${l.attempts.required}`,
      String(l.calls),
    ]),
  );
}
