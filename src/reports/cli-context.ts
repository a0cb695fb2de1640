import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Clock } from '../clock/clock.ts';
import { type Env, EnvError, loadEnv } from '../config/env.ts';
import { loadSlaConfigFile } from '../config/load-sla-config.ts';
import { formatProblem } from '../config/problems.ts';
import type { SlaConfig } from '../config/types.ts';
import type { PersonFacts } from '../domain/reports/index.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import type { Store } from '../ports/store.ts';
import { parseDatabaseUrl } from '../store/database-url.ts';
import { openStore } from '../store/open-store.ts';

/** Why a report-side command cannot start; the message is for people (stderr, exit 1). */
export class ReportSetupError extends Error {
  override readonly name = 'ReportSetupError';
  readonly code: 'sla_report_env' | 'sla_report_config' | 'sla_report_store';
  constructor(code: ReportSetupError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

export interface ReportContext {
  readonly env: Env;
  readonly config: SlaConfig;
  readonly store: Store;
  readonly logger: Logger;
}

export async function loadConfigOrThrow(file: string, cwd: string): Promise<SlaConfig> {
  const loaded = await loadSlaConfigFile(file, { cwd });
  if (!loaded.ok)
    throw new ReportSetupError('sla_report_config', loaded.problems.map(formatProblem).join('\n'));
  return loaded.config;
}

/** Env, the SLA file and the existing store (a report never creates an empty database by mistake). */
export interface ContextIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stderr: (text: string) => void;
}

export async function openReportContext(io: ContextIo): Promise<ReportContext> {
  let env: Env;
  try {
    env = loadEnv(io.env);
  } catch (err) {
    if (err instanceof EnvError) throw new ReportSetupError('sla_report_env', err.message);
    throw err;
  }
  // Commands print their output on stdout; logs (warnings and worse by default) go to stderr.
  const logger = createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL, { write: io.stderr });
  const config = await loadConfigOrThrow(env.SLA_CONFIG, io.cwd);
  const target = parseDatabaseUrl(env.DATABASE_URL);
  if (target.kind === 'sqlite' && target.path !== ':memory:' && !existsSync(resolve(io.cwd, target.path)))
    throw new ReportSetupError(
      'sla_report_store',
      `No store at ${target.path} (DATABASE_URL): point DATABASE_URL at the worker's database, or run 'sla-bot run' first`,
    );
  const url =
    target.kind === 'sqlite' && target.path !== ':memory:' ? resolve(io.cwd, target.path) : env.DATABASE_URL;
  try {
    return { env, config, store: await openStore(url, { logger }), logger };
  } catch (err) {
    throw new ReportSetupError(
      'sla_report_store',
      `The store at DATABASE_URL could not be opened: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

export type OwnerLookup =
  | { readonly owners: readonly PersonFacts[]; readonly warning: null }
  | { readonly owners: null; readonly warning: string | null };

/**
 * Owners give reps their names and teams. The worker stores them each time it reads them, so the
 * report needs no HubSpot token; only a store without owners (a worker that never ran, or an older
 * one) falls back to HubSpot. Without either the report still runs, on owner ids, and says so.
 */
export async function lookupOwners(ctx: ReportContext, clock: Clock): Promise<OwnerLookup> {
  const stored = await ctx.store.owners();
  if (stored.length > 0) return { owners: stored, warning: null };
  const token = ctx.env.HUBSPOT_ACCESS_TOKEN;
  if (token === undefined)
    return {
      owners: null,
      warning:
        'no owners stored yet and HUBSPOT_ACCESS_TOKEN is not set: reps show as owner ids, without teams',
    };
  try {
    // Loaded only when needed: the HubSpot SDK takes half a second to import.
    const { createHubSpotSource } = await import('../hubspot/index.ts');
    const crm = createHubSpotSource({
      accessToken: token,
      basePath: ctx.env.HUBSPOT_BASE_URL,
      config: ctx.config,
      logger: ctx.logger,
      clock,
    });
    return { owners: await crm.owners(), warning: null };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      owners: null,
      warning: `HubSpot owners could not be read (${why}): reps show as owner ids, without teams`,
    };
  }
}
