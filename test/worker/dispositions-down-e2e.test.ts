import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HubSpotSandbox, type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';

const HUBSPOT_TOKEN = 'pat-na1-dispositions-e2e';
const SLACK_TOKEN = 'xoxb-dispositions-e2e';
const DISPOSITIONS = 'GET /calling/v1/dispositions';

const SLA = `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [lead]
teams:
  benelux:
    manager: anna@example.com
    members: [bram@example.com]
    channel: "#sales-benelux"
policies:
  - name: sql-default
    stage: sql
    calendar: 24x7
    first_contact: { within: 5m, remind: [2m] }
poll: { every: 5s }
slack: { admins: [ops@example.com] }
`;

async function runOnce(env: Record<string, string>) {
  const child = spawn(process.execPath, ['bin/sla-bot.js', 'run', '--once'], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const [code] = await once(child, 'exit');
  return { code: code as number, stdout, stderr };
}

/**
 * `sla-bot run --once` as a process while HubSpot's legacy call outcome endpoint is down: the
 * outcome labels are a convenience, so the worker starts, judges and pings anyway.
 */
describe('sla-bot run with /calling/v1/dispositions down (loopback sandboxes)', () => {
  let dir: string;
  let hubspot: HubSpotSandbox;
  let slack: SlackSandbox;
  let env: Record<string, string>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-dispositions-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    hubspot = await startCheckedHubSpotSandbox({ tokens: [HUBSPOT_TOKEN], rateLimits: false });
    slack = await startSlackSandbox({ tokens: [SLACK_TOKEN], rateLimits: false });
    const owner = hubspot.state.addOwner({ email: 'bram@example.com', firstName: 'Bram' });
    for (const email of ['bram@example.com', 'anna@example.com', 'ops@example.com'])
      slack.state.addUser({ email, realName: email.split('@')[0] ?? email });
    const contact = hubspot.state.addContact({
      firstName: 'Lena',
      lastName: 'Lead',
      email: 'lena@lead.example',
    });
    hubspot.state.assignOwner(contact.id, owner.id);
    hubspot.state.moveStage(contact.id, 'salesqualifiedlead');
    env = {
      HUBSPOT_ACCESS_TOKEN: HUBSPOT_TOKEN,
      HUBSPOT_BASE_URL: hubspot.url,
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_API_URL: slack.url,
      SLA_CONFIG: join(dir, 'sla.yaml'),
      DATABASE_URL: join(dir, 'sla.sqlite'),
      LOG_LEVEL: 'info',
      PORT: '0',
    };
  });
  afterEach(async () => {
    await hubspot.stop();
    await slack.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('starts, warns once, and pings the owner as usual', async () => {
    hubspot.faults.inject('server_error', { endpoint: DISPOSITIONS, times: 10 });
    const r = await runOnce(env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(hubspot.stats.count(DISPOSITIONS)).toBe(1);
    const warnings = r.stdout
      .split('\n')
      .filter((l) => l.includes('"msg":"hubspot call outcome list unavailable, using the default outcomes"'));
    expect(warnings).toHaveLength(1);
    expect(r.stdout).toContain('"msg":"cycle finished"');
    expect(slack.state.dmsTo('bram@example.com')).toHaveLength(1);
  }, 60_000);
});
