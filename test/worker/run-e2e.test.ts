import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HubSpotSandbox, type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';

const HUBSPOT_TOKEN = 'pat-na1-SECRET-hubspot-4f2a9c';
const SLACK_TOKEN = 'xoxb-SECRET-slack-77e1d0';

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

const waitFor = async (what: string, ok: () => boolean, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

const BIN = join(import.meta.dirname, '../../bin/sla-bot.js');

/** Runs the CLI as a process in `cwd` (a directory of the test's own, so no developer's .env is read). */
async function runCli(args: string[], env: Record<string, string>, cwd = tmpdir()) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    cwd,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const [code] = await once(child, 'exit');
  return { code: code as number, stdout, stderr };
}

/** `sla-bot run` as a process, against the loopback HubSpot and Slack sandboxes. */
describe('sla-bot run (end to end, loopback sandboxes)', () => {
  let dir: string;
  let hubspot: HubSpotSandbox;
  let slack: SlackSandbox;
  let env: Record<string, string>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-e2e-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    hubspot = await startCheckedHubSpotSandbox({ tokens: [HUBSPOT_TOKEN], rateLimits: false });
    slack = await startSlackSandbox({ tokens: [SLACK_TOKEN], rateLimits: false });
    const owner = hubspot.state.addOwner({ email: 'bram@example.com', firstName: 'Bram' });
    slack.state.addUser({ email: 'bram@example.com', realName: 'Bram' });
    slack.state.addUser({ email: 'anna@example.com', realName: 'Anna' });
    slack.state.addUser({ email: 'ops@example.com', realName: 'Ops' });
    slack.state.addChannel({ name: 'sales-benelux' }); // the SLA file's team channel (checked at start-up)
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
      LOG_LEVEL: 'trace',
      PORT: '0',
    };
  });
  afterEach(async () => {
    await hubspot.stop();
    await slack.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('polls, judges and pings the owner in one cycle, exits 0, and never logs a token', async () => {
    const r = await runCli(['run', '--once'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(slack.state.dmsTo('bram@example.com')).toHaveLength(1);
    const logs = r.stdout + r.stderr;
    expect(logs).toContain('"msg":"cycle finished"');
    expect(logs).not.toContain(HUBSPOT_TOKEN);
    expect(logs).not.toContain(SLACK_TOKEN);
    expect(logs).not.toContain('SECRET');

    const again = await runCli(['run', '--once'], env);
    expect(again.code).toBe(0);
    expect(slack.state.dmsTo('bram@example.com')).toHaveLength(1);
  });

  it('with HubSpot’s legacy call outcome list down, starts, warns once, and pings the owner as usual', async () => {
    // The outcome labels are a convenience (HubSpot's six defaults are built in): never a reason not to start.
    const dispositions = 'GET /calling/v1/dispositions';
    hubspot.faults.inject('server_error', { endpoint: dispositions, times: 10 });
    const r = await runCli(['run', '--once'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(hubspot.stats.count(dispositions)).toBe(1);
    const warnings = r.stdout
      .split('\n')
      .filter((l) => l.includes('"msg":"hubspot call outcome list unavailable, using the default outcomes"'));
    expect(warnings).toHaveLength(1);
    expect(r.stdout).toContain('"msg":"cycle finished"');
    expect(slack.state.dmsTo('bram@example.com')).toHaveLength(1);
  });

  it('reads .env from the working directory: .env.example with two tokens filled runs --once --dry-run, nothing exported', async () => {
    // The README's "Going live" step: `cp .env.example .env`, fill in the two tokens. Only the API
    // roots (the loopback sandboxes stand in for HubSpot and Slack) and the test's own SLA file and
    // store differ from the file as shipped.
    const example = await readFile(join(import.meta.dirname, '../../.env.example'), 'utf8');
    const set = (text: string, key: string, value: string) => {
      const line = new RegExp(`^${key}=.*$`, 'm');
      expect(text).toMatch(line);
      return text.replace(line, `${key}=${value}`);
    };
    let dotenv = set(example, 'HUBSPOT_ACCESS_TOKEN', HUBSPOT_TOKEN);
    dotenv = set(dotenv, 'SLACK_BOT_TOKEN', `"${SLACK_TOKEN}"`);
    dotenv = set(dotenv, 'HUBSPOT_BASE_URL', env.HUBSPOT_BASE_URL ?? '');
    dotenv = set(dotenv, 'SLACK_API_URL', env.SLACK_API_URL ?? '');
    dotenv = set(dotenv, 'SLA_CONFIG', env.SLA_CONFIG ?? '');
    dotenv = set(dotenv, 'DATABASE_URL', env.DATABASE_URL ?? '');
    await writeFile(join(dir, '.env'), dotenv);
    const r = await runCli(['run', '--once', '--dry-run'], {}, dir);
    expect(r.stderr).toMatch(
      new RegExp(
        `^sla-bot: read \\d+ variables from ${join(dir, '.env').replace(/[.\\/]/g, '\\$&')} \\(the process environment wins\\)\n$`,
      ),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"msg":"dry run: would send"');
    expect(r.stdout).not.toContain(SLACK_TOKEN);
    expect(r.stdout).not.toContain(HUBSPOT_TOKEN);
    // The process environment wins over the file.
    const quiet = await runCli(['run', '--once', '--dry-run'], { LOG_LEVEL: 'silent' }, dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
  });

  it('names every missing variable at once, and where to set them', async () => {
    const r = await runCli(['run', '--once'], { SLA_CONFIG: env.SLA_CONFIG ?? '' }, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('HUBSPOT_ACCESS_TOKEN is not set');
    expect(r.stderr).toContain('SLACK_BOT_TOKEN is not set');
    expect(r.stderr).toContain(
      `Set them in .env in ${dir} or in the process environment (see .env.example).`,
    );
    const dry = await runCli(['run', '--once', '--dry-run'], { SLA_CONFIG: env.SLA_CONFIG ?? '' }, dir);
    expect(dry.stderr).toContain('HUBSPOT_ACCESS_TOKEN is not set');
    expect(dry.stderr).not.toContain('SLACK_BOT_TOKEN');
  });

  it('with --dry-run logs the message instead of sending it', async () => {
    const r = await runCli(['run', '--once', '--dry-run'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"msg":"dry run: would send"');
    expect(slack.state.dmsTo('bram@example.com')).toHaveLength(0);
  });

  it('starts on an SLA file with warnings, and logs them as validate prints them', async () => {
    const hours = 'calendars:\n  support:\n    hours: { mon-fri: "17:00-08:00" }\npolicies:';
    await writeFile(join(dir, 'sla.yaml'), SLA.replace('policies:', hours));
    const r = await runCli(['run', '--once', '--dry-run'], env);
    expect(r.code).toBe(0);
    const logged = r.stdout
      .split('\n')
      .filter((l) => l.includes('"msg":"sla config has warnings; it is in force"'))
      .map((l) => JSON.parse(l) as { warnings: string[] });
    expect(logged.map((l) => l.warnings)).toEqual([
      [
        expect.stringMatching(
          /sla\.yaml:12:23: warning: calendars\.support\.hours\.mon-fri: '17:00-08:00' closes before/,
        ),
      ],
    ]);
  });

  it('refuses to start on a missing or corrupt SLA file with the validate problems, exit 1', async () => {
    const missing = await runCli(['run', '--once'], { ...env, SLA_CONFIG: join(dir, 'nope.yaml') });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${join(dir, 'nope.yaml')}:1:1: no such file`);
    await writeFile(join(dir, 'sla.yaml'), 'stages: [oops\n');
    const corrupt = await runCli(['run', '--once'], env);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toMatch(/sla\.yaml:\d+:\d+: /);
    expect(slack.state.dmsTo('bram@example.com')).toHaveLength(0);
  });

  it('refuses to start when the file writes to HubSpot and the token lacks the write scope, naming the line (HA-3)', async () => {
    const limited = await startCheckedHubSpotSandbox({
      tokens: [HUBSPOT_TOKEN],
      scopes: { [HUBSPOT_TOKEN]: ['crm.objects.contacts.read', 'crm.objects.owners.read'] },
      rateLimits: false,
    });
    try {
      const text = `${SLA}hubspot:\n  write_back:\n    enabled: true\n`;
      await writeFile(join(dir, 'sla.yaml'), text);
      const line = text.split('\n').indexOf('    enabled: true') + 1;
      const r = await runCli(['run', '--once'], { ...env, HUBSPOT_BASE_URL: limited.url });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(
        `sla.yaml:${line}:5: hubspot.write_back (write-back on the contact) needs the HubSpot scope 'crm.objects.contacts.write'`,
      );
      expect(r.stderr + r.stdout).not.toContain(HUBSPOT_TOKEN);
      expect(slack.state.dmsTo('bram@example.com')).toHaveLength(0);
    } finally {
      await limited.stop();
    }
  });

  it('while running, rejects a broken SLA file, tells the admins in Slack, serves health, and stops on SIGTERM with 0', async () => {
    const child = spawn(process.execPath, [BIN, 'run'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        ...env,
        LOG_LEVEL: 'info',
        SLACK_SIGNING_SECRET: 'e2e-signing-secret',
      },
    });
    let stdout = '';
    child.stdout.on('data', (c) => (stdout += c));
    await waitFor('the first cycle', () => stdout.includes('"msg":"cycle finished"'), 30_000);
    const port = Number(/"port":(\d+)/.exec(stdout)?.[1]);
    // The SLA file's "#sales-benelux" was resolved to its id at start-up (SD-15).
    expect(stdout).toMatch(/"found":1,"problems":\[\],"msg":"slack channel names checked"/);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).toContain(
      'sla_bot_handoffs_total 1',
    );
    // Slack HTTP mode: Bolt's events endpoint is mounted on our server and checks signatures.
    const unsigned = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: '{}' });
    expect(unsigned.status).toBe(401);
    await writeFile(join(dir, 'sla.yaml'), SLA.replace('within: 5m', 'within: soon'));
    await waitFor('the admin alert', () => slack.state.dmsTo('ops@example.com').length > 0, 30_000);
    expect(JSON.stringify(slack.state.dmsTo('ops@example.com'))).toContain('sla.yaml');
    expect(stdout).toContain('"msg":"sla config rejected; keeping the previous one"');
    await writeFile(join(dir, 'sla.yaml'), SLA.replace('within: 5m', 'within: 10m'));
    await waitFor('the reload', () => stdout.includes('"msg":"sla config reloaded"'), 30_000);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"stopped"');
    expect(stdout).not.toContain('e2e-signing-secret');
    expect(slack.state.dmsTo('bram@example.com')).toHaveLength(1);
  }, 60_000);
});
