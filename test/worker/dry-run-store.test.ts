import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock/system-clock.ts';
import { loadEnv } from '../../src/config/env.ts';
import { buildApp } from '../../src/main.ts';
import type { HubSpotSandbox } from '../../src/sandbox/index.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { linesWithDuplicateKeys } from '../support/log-keys.ts';

const SLA = `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [lead]
teams:
  benelux:
    manager: anna@example.com
    members: [bram@example.com]
policies:
  - name: sql-default
    stage: sql
    first_contact: { within: 5m }
slack: { admins: [anna@example.com] }
`;

const TOKEN = 'pat-dry-run';

/** `sla-bot run --dry-run`: its throw-away store lives only as long as the app. */
describe('the dry run’s throw-away store', () => {
  let dir: string;
  let hubspot: HubSpotSandbox;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-dry-run-test-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    hubspot = await startCheckedHubSpotSandbox({ tokens: [TOKEN], rateLimits: false });
    const owner = hubspot.state.addOwner({ email: 'bram@example.com', firstName: 'Bram' });
    const contact = hubspot.state.addContact({
      firstName: 'Lena',
      lastName: 'Lead',
      email: 'lena@lead.example',
    });
    hubspot.state.assignOwner(contact.id, owner.id);
    hubspot.state.moveStage(contact.id, 'salesqualifiedlead');
  });
  afterEach(async () => {
    await hubspot.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const start = (token: string) => {
    const captured = captureLogger('trace');
    const env = loadEnv({
      HUBSPOT_ACCESS_TOKEN: token,
      HUBSPOT_BASE_URL: hubspot.url,
      SLA_CONFIG: join(dir, 'sla.yaml'),
      DATABASE_URL: join(dir, 'never-used.sqlite'),
      PORT: '0',
    });
    const app = buildApp({
      env,
      clock: systemClock,
      logger: captured.logger,
      cwd: dir,
      once: true,
      dryRun: true,
    });
    /** The directory the dry run put its store in, as its start-up warning says. */
    const storeDir = () => {
      const line = captured
        .lines()
        .find((l) => l.msg === 'dry run: state goes to a throw-away store, nothing is sent');
      expect(line?.store).toEqual(expect.any(String));
      return dirname(String(line?.store));
    };
    return { app, storeDir, captured };
  };

  it('is removed when the app closes after --once', async () => {
    const { app: building, storeDir, captured } = start(TOKEN);
    const app = await building;
    expect((await app.runOnce()) !== 'standby').toBe(true);
    const store = storeDir();
    expect(store.startsWith(tmpdir())).toBe(true);
    expect(existsSync(store)).toBe(true);

    await app.close();

    expect(existsSync(store)).toBe(false);
    expect(existsSync(join(dir, 'never-used.sqlite'))).toBe(false);
    // Every start-up line says each thing once (the store's `dialect` was said twice).
    expect(linesWithDuplicateKeys(captured.raw())).toEqual([]);
  });

  it('is removed when start-up fails after it was made', async () => {
    const { app, storeDir } = start('pat-rejected');

    await expect(app).rejects.toMatchObject({ name: 'StartupError', code: 'sla_startup_hubspot' });

    expect(existsSync(storeDir())).toBe(false);
  });
});
