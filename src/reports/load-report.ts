import type { SlaConfig } from '../config/types.ts';
import {
  buildReport,
  dealStages,
  type PersonFacts,
  type Report,
  type ReportQuery,
} from '../domain/reports/index.ts';
import type { Instant } from '../domain/time.ts';
import { loadReportFacts, type ReportStore } from './load-facts.ts';
import { reportSetup } from './report-setup.ts';

export interface ReportDeps {
  readonly store: ReportStore;
  readonly config: SlaConfig;
  /** HubSpot owners (names, e-mails → teams); `null` when no owner directory is available. */
  readonly owners: readonly PersonFacts[] | null;
}

/** Reads the facts for `query` and aggregates them (the shell around `buildReport`). */
export async function loadReport(deps: ReportDeps, query: ReportQuery, now: Instant): Promise<Report> {
  const facts = await loadReportFacts(deps.store, query, now, dealStages(deps.config.stages));
  return buildReport(facts, reportSetup(deps.config, deps.owners), query, now);
}
