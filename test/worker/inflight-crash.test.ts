import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { type HubSpotSandbox, type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import type { SandboxRequest } from '../../src/sandbox/shared/http-types.ts';
import { keyOf } from '../../src/slack/message-key.ts';
import { openStore } from '../../src/store/open-store.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';

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
    first_contact: { within: 30m, remind: [20m] }
poll: { every: 2s }
`;
/** How long Slack takes to carry out the post whose sender is killed: longer than a restart. */
const HOLD_MS = 6_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Issue 16, point 2, with real processes: `sla-bot run` (SQLite) is killed while its handoff ping is on
 * its way to Slack; Slack carries the post out seconds later, after the new process started. The new
 * process must not post the ping again, and no copy with live buttons may be left beside the one the
 * outbox records.
 */
describe('a crash while a Slack post is in flight (real processes, SQLite)', () => {
  let dir: string;
  let hubspot: HubSpotSandbox;
  let slack: SlackSandbox;
  let env: Record<string, string>;
  /** Called when the ping's `chat.postMessage` arrives at Slack (before it is carried out). */
  let onPing: (() => void) | null = null;
  const observe = (req: SandboxRequest) => {
    if (onPing === null || !req.path.endsWith('/chat.postMessage') || !req.body.includes('handoff')) return;
    const hit = onPing;
    onPing = null;
    hit();
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-inflight-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    hubspot = await startCheckedHubSpotSandbox({ tokens: ['pat-inflight'], rateLimits: false });
    slack = await startSlackSandbox({
      tokens: ['xoxb-inflight'],
      rateLimits: false,
      observeRequest: observe,
    });
    slack.state.addUser({ email: 'bram@example.com', realName: 'Bram' });
    slack.state.addUser({ email: 'anna@example.com', realName: 'Anna' });
    slack.state.addChannel({ name: 'sales-benelux' });
    env = {
      PATH: process.env.PATH ?? '',
      HUBSPOT_ACCESS_TOKEN: 'pat-inflight',
      HUBSPOT_BASE_URL: hubspot.url,
      SLACK_BOT_TOKEN: 'xoxb-inflight',
      SLACK_API_URL: slack.url,
      SLA_CONFIG: join(dir, 'sla.yaml'),
      DATABASE_URL: join(dir, 'sla.sqlite'),
      LOG_LEVEL: 'info',
      PORT: '0',
    };
  });
  afterAll(async () => {
    await hubspot?.stop();
    await slack?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const start = () => {
    const child = spawn(process.execPath, ['bin/sla-bot.js', 'run'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: Record<string, unknown>[] = [];
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
      try {
        lines.push(JSON.parse(text) as Record<string, unknown>);
      } catch {
        lines.push({ text });
      }
    });
    return { child, lines };
  };
  const exited = (child: ChildProcess) =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : once(child, 'exit').then(() => {});

  it('after the restart: one ping, the one Slack got from the dead process, recorded; no orphan', async () => {
    const owner = hubspot.state.addOwner({ email: 'bram@example.com', firstName: 'Bram' });
    const first = start();
    const killed = new Promise<void>((resolve) => {
      onPing = () => {
        // The request is at Slack: it lands HOLD_MS later, whatever happens to its sender.
        slack.slowNext('chat.postMessage', HOLD_MS);
        first.child.kill('SIGKILL');
        resolve();
      };
    });
    const lead = hubspot.state.addContact({
      firstName: 'Inflight',
      lastName: 'Lead',
      email: 'i@lead.example',
    });
    hubspot.state.assignOwner(lead.id, owner.id);
    hubspot.state.moveStage(lead.id, 'salesqualifiedlead');
    await Promise.race([
      killed,
      sleep(30_000).then(() => Promise.reject(new Error('the ping was never posted'))),
    ]);
    await exited(first.child);
    const killedAt = Date.now();

    const second = start(); // restarted at once, well before Slack carries the first post out
    const deadline = Date.now() + 45_000;
    const resolved = () => second.lines.find((l) => l.msg === 'ambiguous slack send resolved');
    while (!resolved() && Date.now() < deadline) await sleep(100);
    // Past the moment the first post lands, and one more cycle: nothing else may arrive.
    while (Date.now() < killedAt + HOLD_MS + 1_000) await sleep(100);
    await sleep(2_500);
    second.child.kill('SIGTERM');
    await exited(second.child);

    const pings = slack.state
      .dmsTo('bram@example.com')
      .filter((m) => keyOf(m)?.includes(':handoff:') === true);
    const live = pings.filter((m) => m.deletedAt === null);
    process.stdout.write(
      `\nIn-flight crash figures: posts of the ping=${pings.length} live=${live.length} resolved=${String(resolved()?.resolution)} after ${Date.now() - killedAt} ms\n`,
    );
    expect(resolved()?.resolution).toBe('found');
    expect(pings).toHaveLength(1);
    expect(live).toHaveLength(1);

    const store = await openStore(`file:${join(dir, 'sla.sqlite')}`, { logger: createLogger('silent') });
    try {
      const row = (await store.outboxBetween(0, Date.now() + 1)).find((e) => e.kind === 'handoff');
      expect(row).toMatchObject({ state: 'sent', ref: { channel: live[0]?.channel, ts: live[0]?.ts } });
    } finally {
      await store.close();
    }
  }, 90_000);
});
