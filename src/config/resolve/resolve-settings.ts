import { DateTime } from 'luxon';
import { at, type PathProblem } from '../problems.ts';
import type { SlaFile } from '../schema/sla-file.ts';
import type { OutOfOffice, SlaConfig, StageDefinition, StageSource, Team } from '../types.ts';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export const resolveTeams = (file: SlaFile): Team[] =>
  Object.entries(file.teams).map(([name, t]) => ({
    name,
    manager: t.manager,
    members: t.members,
    channel: t.channel ?? null,
    ...(t.language === undefined ? {} : { language: t.language }),
    ...(t.calendar === undefined ? {} : { calendar: t.calendar }),
  }));

const stageSource = (s: SlaFile['stages'][string]): StageSource => {
  if (s.lead_pipeline) return { kind: 'lead_pipeline', ...s.lead_pipeline };
  if (s.property !== undefined) return { kind: 'property', property: s.property, equals: s.equals ?? '' };
  return { kind: 'lifecycle_stage', value: s.lifecycle_stage ?? '' };
};

export const resolveStages = (file: SlaFile, locate: (path: readonly string[]) => StageDefinition['at']) =>
  Object.entries(file.stages).map(
    ([key, s], order): StageDefinition => ({
      key,
      label: s.label ?? key.toUpperCase(),
      order,
      source: stageSource(s),
      at: locate(['stages', key]),
    }),
  );

/** Dates are whole days in the top-level zone: `from` at the start of its day, `until` at the end of its day. */
export function resolveOutOfOffice(file: SlaFile): { entries: OutOfOffice[]; problems: PathProblem[] } {
  const zone = file.timezone;
  const entries: OutOfOffice[] = [];
  const problems: PathProblem[] = [];
  file.slack.out_of_office.forEach((entry, i) => {
    const from = DateTime.fromISO(entry.from, { zone }).toMillis();
    const until = DATE_ONLY.test(entry.until)
      ? DateTime.fromISO(entry.until, { zone }).plus({ days: 1 }).toMillis()
      : DateTime.fromISO(entry.until, { zone }).toMillis();
    if (until <= from) {
      const path = ['slack', 'out_of_office', i, 'until'];
      problems.push({
        path,
        message: at(path, `${entry.until} is before ${entry.from}; 'until' is the last day away`),
      });
    } else entries.push({ email: entry.email, from, until });
  });
  return { entries, problems };
}

export const resolveHubspot = (file: SlaFile): SlaConfig['hubspot'] => ({
  portalId: file.hubspot.portal_id ?? null,
  appBaseUrl: file.hubspot.app_base_url.replace(/\/+$/, ''),
  budgetShare: file.hubspot.budget_share,
  requestsPerTenSeconds: file.hubspot.requests_per_ten_seconds ?? null,
  searchPerSecond: file.hubspot.search_per_second,
  writeBack: {
    enabled: file.hubspot.write_back.enabled,
    createTaskOnBreach: file.hubspot.write_back.create_task_on_breach,
    notAFitLeadStatus: file.hubspot.write_back.not_a_fit_lead_status ?? null,
  },
});

export const resolveReports = (file: SlaFile): SlaConfig['reports'] => ({
  monthlyCommitment: file.reports.monthly_commitment,
  digest: file.reports.digest
    ? { cron: file.reports.digest.cron, timezone: file.reports.digest.timezone ?? file.timezone }
    : null,
  dashboardUrl: file.reports.dashboard_url ?? null,
});
