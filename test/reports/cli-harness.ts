import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import type { ReportFacts } from '../../src/domain/reports/index.ts';
import type { Store } from '../../src/ports/store.ts';
import { type HubSpotSandbox, type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `sla-bot …` in-process with the given environment. */
export async function sla(args: readonly string[], env: Record<string, string>): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env,
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

/** A SQLite file filled by `fill`, closed again (the command opens it itself). */
export async function storeFile(
  fill: (store: Store) => Promise<void>,
): Promise<{ file: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'sla-bot-cli-'));
  const file = join(dir, 'store.sqlite');
  const store = await openStore(file, { logger: captureLogger('silent').logger });
  await fill(store);
  await store.close();
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The fixture's facts with owner ids replaced (e.g. by the ids the HubSpot sandbox handed out). */
export function withOwners(facts: ReportFacts, ids: Readonly<Record<string, string>>): ReportFacts {
  return {
    ...facts,
    instances: facts.instances.map((f) => ({
      ...f,
      instance: {
        ...f.instance,
        ownerId: f.instance.ownerId === null ? null : (ids[f.instance.ownerId] ?? f.instance.ownerId),
      },
    })),
  };
}

/** A contact of the sandbox world, as `HubSpotState.addContact` takes it. */
type NewContact = Parameters<HubSpotSandbox['state']['addContact']>[0];

export interface SandboxWorld {
  readonly hubspot: HubSpotSandbox;
  readonly slack: SlackSandbox;
  /** The environment `sla-bot` runs with against both sandboxes, on a SQLite file of the world's own. */
  readonly env: Record<string, string>;
  readonly ownerId: string;
  readonly contactId: string;
  stop(): Promise<void>;
}

/**
 * An SLA file, the loopback HubSpot and Slack sandboxes, and one SQL lead `contact` owned by Bram
 * Jansen (Anna, his manager, in Slack too): the world the CLI commands' end-to-end tests run cycles in.
 */
export async function sandboxWorld(slaYaml: string, contact: NewContact): Promise<SandboxWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'sla-bot-world-'));
  await writeFile(join(dir, 'sla.yaml'), slaYaml);
  const hubspot = await startCheckedHubSpotSandbox({ rateLimits: false });
  const slack = await startSlackSandbox({ rateLimits: false });
  const owner = hubspot.state.addOwner({ email: 'bram@example.com', firstName: 'Bram', lastName: 'Jansen' });
  slack.state.addUser({ email: 'bram@example.com', realName: 'Bram' });
  slack.state.addUser({ email: 'anna@example.com', realName: 'Anna' });
  const lead = hubspot.state.addContact(contact);
  hubspot.state.assignOwner(lead.id, owner.id);
  hubspot.state.moveStage(lead.id, 'salesqualifiedlead');
  const env = {
    HUBSPOT_ACCESS_TOKEN: 'sandbox-token',
    HUBSPOT_BASE_URL: hubspot.url,
    SLACK_BOT_TOKEN: 'xoxb-sandbox',
    SLACK_API_URL: slack.url,
    SLA_CONFIG: join(dir, 'sla.yaml'),
    DATABASE_URL: join(dir, 'sla.sqlite'),
    LOG_LEVEL: 'silent',
    PORT: '0',
  };
  const stop = async () => {
    await hubspot.stop();
    await slack.stop();
    await rm(dir, { recursive: true, force: true });
  };
  return { hubspot, slack, env, ownerId: owner.id, contactId: lead.id, stop };
}
