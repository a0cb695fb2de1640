import type { SlaConfig } from '../config/types.ts';
import type { PersonFacts, ReportSetup } from '../domain/reports/index.ts';

/** The configuration side of a report, from the SLA file and the CRM's owners (`null`: not available). */
export const reportSetup = (config: SlaConfig, owners: readonly PersonFacts[] | null): ReportSetup => ({
  zone: config.timezone,
  stages: config.stages,
  teams: config.teams,
  owners,
  policies: config.policies,
  monthlyCommitment: config.reports.monthlyCommitment,
});
