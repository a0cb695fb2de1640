import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubSpotSandbox, type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { seeded } from './fault-harness.ts';

const SLA = `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [lead]
teams:
  benelux: { manager: anna@example.com, members: [bram@example.com], channel: "#sales-benelux" }
policies:
  - name: sql-default
    stage: sql
    calendar: 24x7
    first_contact: { within: 5m, remind: [2m] }
poll: { every: 2s }
`;
const KILLS = 5;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Resolves with the exit code, also when the process is already gone. */
const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : once(child, 'exit').then(([code]) => code as number | null);

/**
 * The real `sla-bot run` process against the loopback sandboxes, killed with SIGKILL at random
 * moments while leads keep arriving; then one last run drains. Every lead must be pinged exactly once.
 */
describe('SIGKILL at random points (real processes, SQLite)', () => {
  let dir: string;
  let hubspot: HubSpotSandbox;
  let slack: SlackSandbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-kill-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    hubspot = await startCheckedHubSpotSandbox({ tokens: ['pat-kill'], rateLimits: false });
    slack = await startSlackSandbox({ tokens: ['xoxb-kill'], rateLimits: false });
    slack.state.addUser({ email: 'bram@example.com', realName: 'Bram' });
    slack.state.addUser({ email: 'anna@example.com', realName: 'Anna' });
    slack.state.addChannel({ name: 'sales-benelux' }); // the SLA file's team channel (checked at start-up)
    env = {
      PATH: process.env.PATH ?? '',
      HUBSPOT_ACCESS_TOKEN: 'pat-kill',
      HUBSPOT_BASE_URL: hubspot.url,
      SLACK_BOT_TOKEN: 'xoxb-kill',
      SLACK_API_URL: slack.url,
      SLA_CONFIG: join(dir, 'sla.yaml'),
      DATABASE_URL: join(dir, 'sla.sqlite'),
      LOG_LEVEL: 'warn',
      PORT: '0',
    };
  });
  afterAll(async () => {
    await hubspot?.stop();
    await slack?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('pings every lead exactly once across repeated SIGKILLs', async () => {
    const rand = seeded(42);
    const owner = hubspot.state.addOwner({ email: 'bram@example.com', firstName: 'Bram' });
    let leads = 0;
    const addLead = () => {
      const c = hubspot.state.addContact({
        firstName: `Killtest${leads}`,
        lastName: 'Lead',
        email: `k${leads}@lead.example`,
      });
      hubspot.state.assignOwner(c.id, owner.id);
      hubspot.state.moveStage(c.id, 'salesqualifiedlead');
      leads += 1;
    };
    const start = (): ChildProcess =>
      spawn(process.execPath, ['bin/sla-bot.js', 'run'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    for (let k = 0; k < KILLS; k++) {
      const child = start();
      addLead();
      await wait(2_500 + rand() * 2_500);
      addLead();
      await wait(rand() * 3_000);
      child.kill('SIGKILL');
      await exited(child);
    }
    const last = start();
    const pingsPerLead = () => {
      const counts = new Map<number, number>();
      for (const m of slack.state.dmsTo('bram@example.com')) {
        const hit = /Killtest(\d+)/.exec(JSON.stringify(m));
        if (hit) counts.set(Number(hit[1]), (counts.get(Number(hit[1])) ?? 0) + 1);
      }
      return counts;
    };
    const deadline = Date.now() + 30_000;
    while (pingsPerLead().size < leads && Date.now() < deadline) await wait(200);
    await wait(2_500); // one more cycle: nothing else may arrive
    last.kill('SIGTERM');
    const code = await exited(last);
    const counts = pingsPerLead();
    const duplicates = [...counts.values()].reduce((n, c) => n + c - 1, 0);
    process.stdout.write(
      `\nSIGKILL figures: kills=${KILLS} leads handed off=${leads} pings delivered=${counts.size} duplicates=${duplicates} lost=${leads - counts.size}\n`,
    );
    expect(code).toBe(0);
    expect(counts.size).toBe(leads);
    expect(duplicates).toBe(0);
  }, 120_000);
});
