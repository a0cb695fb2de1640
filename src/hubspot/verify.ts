import type { SlaConfig } from '../config/types.ts';
import type { Logger } from '../log/logger.ts';
import type { DispositionNames } from './dispositions.ts';
import { HubSpotConfigMismatchError, HubSpotError } from './errors.ts';
import type { HubSpotClient } from './hubspot-client.ts';
import type { OwnerCache } from './owners.ts';
import { checkPortal } from './portal-check.ts';
import { checkWriteScopes, writesToHubSpot } from './scope-check.ts';
import { readTokenScopes } from './token-scopes.ts';

/**
 * Start-up check, about five requests: the portal's id and zone (for record links and the daily
 * limit's midnight), the token's scopes when the SLA file writes to HubSpot (write-back, `reassign:`),
 * contact properties (stages, values, segment and write-back properties), lead pipelines when lead
 * stages are configured, owners, and the portal's call outcome labels. A 403 on a read surfaces as
 * `HubSpotScopeError` naming the scope; a write scope the token lacks, and every other mismatch, is
 * reported at once with the SLA file's line (`HubSpotConfigMismatchError`). The outcome
 * labels are best-effort (a legacy endpoint, see dispositions.ts): when they cannot be read the check
 * warns and passes, with HubSpot's default outcomes.
 */
export async function verifyPortal(
  client: HubSpotClient,
  config: SlaConfig,
  owners: OwnerCache,
  dispositions: DispositionNames,
  logger: Logger,
): Promise<void> {
  await readAccount(client, config, logger);
  const scopeProblems = await checkScopes(client, config, logger);
  const properties = await client.api.properties('contacts');
  const needsLeads = config.stages.some((s) => s.source.kind === 'lead_pipeline');
  const pipelines = needsLeads ? await client.api.pipelines('leads') : null;
  const problems = [...scopeProblems, ...checkPortal(config, properties.results, pipelines)];
  if (problems.length > 0) throw new HubSpotConfigMismatchError(config.file, problems);
  const list = await owners.owners();
  const outcomes = (await dispositions.refresh()) ? 'portal' : 'defaults';
  logger.info(
    {
      stages: config.stages.length,
      owners: list.length,
      callOutcomes: outcomes,
      portalId: client.portal.portalId,
      timeZone: client.portal.timeZone,
    },
    'hubspot portal verified',
  );
}

/** Portal id and zone are conveniences: without them links omit the portal and midnight is the SLA zone. */
async function readAccount(client: HubSpotClient, config: SlaConfig, logger: Logger): Promise<void> {
  try {
    const account = await client.api.accountDetails();
    if (config.hubspot.portalId === null && account.portalId) client.portal.portalId = account.portalId;
    if (account.timeZone) client.portal.timeZone = account.timeZone;
  } catch (error) {
    if (!(error instanceof HubSpotError) || error.retryable || error.code === 'HUBSPOT_AUTH') throw error;
    logger.warn(
      { error: error.message },
      'hubspot account details unavailable, using configured portal id and zone',
    );
  }
  client.portal.zoneKnown = true;
}

/**
 * The write scopes the SLA file needs, asked of HubSpot when it writes at all. When HubSpot cannot say
 * (HA-3), the check passes with a warning: the first refused write tells the admins instead (HW-13).
 */
async function checkScopes(client: HubSpotClient, config: SlaConfig, logger: Logger) {
  if (!writesToHubSpot(config)) return [];
  const token = await readTokenScopes(client.api);
  if (!token.known) {
    logger.warn(
      { reason: token.reason },
      'hubspot token scopes could not be read; a missing write scope will be told on the first write',
    );
    return [];
  }
  logger.info({ tokenKind: token.kind, scopes: token.scopes.size }, 'hubspot token scopes read');
  return checkWriteScopes(config, token.scopes);
}
