import { systemClock } from '../clock/system-clock.ts';
import { EnvError, loadEnv } from '../config/env.ts';
import { HubSpotError } from '../hubspot/errors.ts';
import { createHubSpotClient } from '../hubspot/hubspot-client.ts';
import { setupWriteBack } from '../hubspot/write-back-setup.ts';
import { createLogger } from '../log/logger.ts';
import type { CliIo, Command } from './io.ts';

const USAGE = `Usage: sla-bot hubspot-setup

Creates the 'sla_bot' contact property group and the properties sla-bot writes when
hubspot.write_back is on (SLA status, first-contact time, minutes to first contact, attempts…).
Safe to run again: existing properties are left alone.

Needs HUBSPOT_ACCESS_TOKEN with the crm.schemas.contacts.write scope (see docs/hubspot.md).`;

/** Budgets for this one-off command (a dozen requests), well inside any HubSpot tier. */
const SETUP_SETTINGS = {
  timezone: 'UTC',
  hubspot: {
    portalId: null,
    appBaseUrl: 'https://app.hubspot.com',
    budgetShare: 0.5,
    requestsPerTenSeconds: null,
    searchPerSecond: 1,
    writeBack: { enabled: true, createTaskOnBreach: false, notAFitLeadStatus: null },
  },
};

async function run(_args: readonly string[], io: CliIo): Promise<number> {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv(io.env);
  } catch (error) {
    if (error instanceof EnvError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (env.HUBSPOT_ACCESS_TOKEN === undefined) {
    io.stderr('sla-bot hubspot-setup: HUBSPOT_ACCESS_TOKEN is not set (the private app token, pat-…).\n');
    return 1;
  }
  const logger = createLogger(env.LOG_LEVEL, { write: (line: string) => io.stderr(line) });
  const client = createHubSpotClient({
    accessToken: env.HUBSPOT_ACCESS_TOKEN,
    basePath: env.HUBSPOT_BASE_URL,
    config: SETUP_SETTINGS,
    logger,
    clock: systemClock,
  });
  try {
    const report = await setupWriteBack(client.api, logger);
    io.stdout(`Created: ${report.created.length > 0 ? report.created.join(', ') : 'nothing'}\n`);
    io.stdout(`Already there: ${report.existing.length > 0 ? report.existing.join(', ') : 'nothing'}\n`);
    io.stdout('Turn on write-back in the SLA file (hubspot.write_back) to fill them in.\n');
    return 0;
  } catch (error) {
    if (error instanceof HubSpotError) {
      io.stderr(`sla-bot hubspot-setup: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

export const hubspotSetupCommand: Command = {
  summary: 'create the HubSpot contact properties for SLA write-back',
  usage: USAGE,
  run,
};
