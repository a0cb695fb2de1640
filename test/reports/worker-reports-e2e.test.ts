import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type HubSpotSandbox, type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';

const SLA = `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
teams:
  benelux:
    manager: anna@example.com
    members: [bram@example.com]
policies:
  - name: sql-default
    stage: sql
    calendar: 24x7
    first_contact: { within: 5m, remind: [2m] }
poll: { every: 5s }
reports:
  digest: { cron: "*/2 * * * * *" }
  dashboard_url: http://127.0.0.1/dashboard
`;

const waitFor = async (what: string, ok: () => boolean, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** `sla-bot run` as a process: the worker serves the dashboard and sends the digest on its cron. */
describe('reports in the running worker (loopback sandboxes)', () => {
  let dir: string;
  let hubspot: HubSpotSandbox;
  let slack: SlackSandbox;
  let child: ChildProcess | null = null;

  afterEach(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await hubspot?.stop();
    await slack?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves /dashboard (the token in the Authorization header only) and sends managers the digest', {
    timeout: 60_000,
  }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-reports-e2e-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    hubspot = await startCheckedHubSpotSandbox({ rateLimits: false });
    slack = await startSlackSandbox({ rateLimits: false });
    const owner = hubspot.state.addOwner({
      email: 'bram@example.com',
      firstName: 'Bram',
      lastName: 'Jansen',
    });
    slack.state.addUser({ email: 'bram@example.com' });
    slack.state.addUser({ email: 'anna@example.com' });
    const contact = hubspot.state.addContact({ firstName: 'Lena', lastName: 'Lead' });
    hubspot.state.assignOwner(contact.id, owner.id);
    hubspot.state.moveStage(contact.id, 'salesqualifiedlead');
    const proc = spawn(process.execPath, ['bin/sla-bot.js', 'run'], {
      env: {
        PATH: process.env.PATH ?? '',
        HUBSPOT_ACCESS_TOKEN: 'sandbox-token',
        HUBSPOT_BASE_URL: hubspot.url,
        SLACK_BOT_TOKEN: 'xoxb-sandbox',
        SLACK_API_URL: slack.url,
        SLA_CONFIG: join(dir, 'sla.yaml'),
        DATABASE_URL: join(dir, 'sla.sqlite'),
        DASHBOARD_TOKEN: 'dash-token',
        LOG_LEVEL: 'info',
        PORT: '0',
      },
    });
    child = proc;
    let stdout = '';
    proc.stdout?.on('data', (c) => (stdout += c));
    await waitFor('the first cycle', () => stdout.includes('"msg":"cycle finished"'), 30_000);
    // The last listener to start is the worker's (during start-up checks PORT answers health only).
    const ports = [...stdout.matchAll(/"port":(\d+),"msg":"http server listening"/g)].map((m) => m[1]);
    const base = `http://127.0.0.1:${Number(ports.at(-1))}`;

    expect((await fetch(`${base}/dashboard`)).status).toBe(401);
    const page = await fetch(`${base}/dashboard`, { headers: { authorization: 'Bearer dash-token' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/data-figure="speed\/total\/handoffs"[^>]*>1</);
    // Never in the URL any more (issue 16): the header only.
    expect((await fetch(`${base}/dashboard/data.json?token=dash-token`)).status).toBe(400);
    const data = (await (
      await fetch(`${base}/dashboard/data.json`, { headers: { authorization: 'Bearer dash-token' } })
    ).json()) as {
      speed: { byTeam: { key: string }[]; byRep: { label: string }[] };
    };
    expect(data.speed.byTeam.map((t) => t.key)).toEqual(['benelux']);
    expect(data.speed.byRep.map((r) => r.label)).toEqual(['Bram Jansen']);

    // The digest runs every 2 s here; wait for one that saw the handoff (the first may predate the cycle).
    const digests = () => slack.state.dmsTo('anna@example.com').map((m) => JSON.stringify(m.blocks));
    await waitFor('a digest with the handoff', () => digests().some((d) => d.includes('1 handoff:')), 20_000);
    const digest = digests().find((d) => d.includes('1 handoff:')) ?? '';
    expect(digest).toContain('SLA digest: benelux');
    expect(digest).toContain('*Not yet contacted:* 1 open (1 under a week)');
    expect(digest).toContain('http://127.0.0.1/dashboard?team=benelux');
    expect(stdout).toContain('"msg":"digest sent"');
  });
});
