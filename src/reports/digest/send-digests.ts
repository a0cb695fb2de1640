import type { SlaConfig } from '../../config/types.ts';
import { buildDigests, type PersonFacts } from '../../domain/reports/index.ts';
import type { Instant } from '../../domain/time.ts';
import { translator } from '../../i18n/translate.ts';
import type { Logger } from '../../log/logger.ts';
import type { SendResult } from '../../ports/notifier.ts';
import { teamLanguage } from '../../slack/reader-language.ts';
import type { Message } from '../../slack/render/blocks.ts';
import { loadReportFacts, type ReportStore } from '../load-facts.ts';
import { reportSetup } from '../report-setup.ts';
import { renderDigest } from './render-digest.ts';

/** Delivers a digest to a person by e-mail (a Slack DM in production). */
export interface DigestPoster {
  post(email: string, message: Message): Promise<SendResult>;
}

export interface DigestDeps {
  readonly store: ReportStore;
  readonly config: SlaConfig;
  readonly owners: readonly PersonFacts[] | null;
  readonly poster: DigestPoster;
  readonly logger: Logger;
}

export interface DigestOutcome {
  readonly team: string;
  readonly manager: string;
  readonly result: SendResult;
}

/**
 * One digest per team to its manager, over handoffs in [since, until) compared with the period
 * before. Every outcome is returned and every failure logged as an error: the caller decides on
 * retries and admin alerts.
 */
export async function sendDigests(
  deps: DigestDeps,
  window: { readonly since: Instant; readonly until: Instant },
  now: Instant,
): Promise<DigestOutcome[]> {
  const { config } = deps;
  if (config.teams.length === 0) return [];
  const span = window.until - window.since;
  const facts = await loadReportFacts(deps.store, { since: window.since - span, until: window.until }, now);
  const digests = buildDigests(facts, reportSetup(config, deps.owners), window, now);
  const ctx = {
    zone: config.timezone,
    dashboardUrl: config.reports.dashboardUrl,
    stageLabel: (key: string) => config.stages.find((s) => s.key === key)?.label ?? key,
  };
  const outcomes: DigestOutcome[] = [];
  for (const d of digests) {
    // The manager reads the team's language (the digest is about the team).
    const team = config.teams.find((t) => t.name === d.team) ?? null;
    const t = translator(teamLanguage(config, team));
    const result = await deps.poster.post(d.manager, renderDigest(d, { ...ctx, t }));
    const meta = { team: d.team, manager: d.manager, status: result.status };
    if (result.status === 'sent') deps.logger.info(meta, 'digest sent');
    else deps.logger.error({ ...meta, error: result.error }, 'digest not sent');
    outcomes.push({ team: d.team, manager: d.manager, result });
  }
  return outcomes;
}
