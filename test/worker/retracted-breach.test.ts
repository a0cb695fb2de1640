import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadEnv } from '../../src/config/env.ts';
import type { Report } from '../../src/domain/reports/index.ts';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import type { Timing } from '../../src/hubspot/index.ts';
import { type App, buildApp } from '../../src/main.ts';
import { type HubSpotSandbox, type SlackSandbox, startSlackSandbox } from '../../src/sandbox/index.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';

const SLA = `timezone: UTC
stages:
  sql: { label: SQL, lifecycle_stage: salesqualifiedlead }
recycle_stages: [lead]
teams:
  benelux: { manager: anna@example.com, members: [bram@example.com] }
policies:
  - name: sql
    stage: sql
    calendar: 24x7
    first_contact: { within: 5m }
    escalate:
      - at: breach
        notify: [manager]
poll: { every: 1m }
hubspot:
  search_per_second: 5
  write_back: { enabled: true, create_task_on_breach: true }
slack: { admins: [ops@example.com] }
`;

/** Monday 2 March 2026, 10:00 UTC: Dana becomes an SQL; first contact is due by 10:05. */
const T0 = Date.UTC(2026, 2, 2, 10, 0);
const TASK_PATCH = 'PATCH /crm/v3/objects/tasks/{id}';
const CONTACT_PATCH = 'PATCH /crm/v3/objects/contacts/{id}';

/** HubSpot's retry waits return at once; a request's time limit never expires (nothing hangs here). */
const hubspotTiming: Timing = {
  random: () => 0.5,
  sleep: (_ms, signal) => (signal ? new Promise(() => {}) : Promise.resolve()),
};

/**
 * Issue 15: a call logged late with an earlier time, after the breach and the manager's escalation
 * went out. The running app (composition root, real engine, SQLite, the real HubSpot client and
 * lead writer) against the loopback HubSpot and Slack sandboxes, on a clock the test moves.
 */
describe('a breach retracted by a call logged late with an earlier time', () => {
  let dir: string;
  let hubspot: HubSpotSandbox;
  let slack: SlackSandbox;
  let app: App | null = null;
  let env: Record<string, string>;
  const clock = new FakeClock(T0);

  beforeEach(async () => {
    clock.set(T0);
    dir = await mkdtemp(join(tmpdir(), 'sla-retracted-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    hubspot = await startCheckedHubSpotSandbox({ clock, tokens: ['pat-retract'], rateLimits: false });
    slack = await startSlackSandbox({ clock, tokens: ['xoxb-retract'], rateLimits: false });
    for (const email of ['bram@example.com', 'anna@example.com', 'ops@example.com'])
      slack.state.addUser({ email });
    env = {
      HUBSPOT_ACCESS_TOKEN: 'pat-retract',
      HUBSPOT_BASE_URL: hubspot.url,
      SLACK_BOT_TOKEN: 'xoxb-retract',
      SLACK_API_URL: slack.url,
      SLA_CONFIG: join(dir, 'sla.yaml'),
      DATABASE_URL: join(dir, 'sla.sqlite'),
      PORT: '0',
      LOG_LEVEL: 'silent',
    };
  });
  afterEach(async () => {
    await app?.close();
    app = null;
    await hubspot.stop();
    await slack.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const cli = async (args: readonly string[]) => {
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
      cwd: dir,
    });
    return { code, stdout, stderr };
  };

  /** The worker process, started (again) on the same store. */
  const start = async () => {
    await app?.close();
    app = await buildApp({
      env: loadEnv(env),
      clock,
      hubspotTiming,
      logger: captureLogger('warn').logger,
      cwd: dir,
      once: false,
      dryRun: false,
    });
    return app;
  };
  const cycleAt = async (at: number) => {
    clock.set(at);
    if (app === null) throw new Error('no app');
    return app.runOnce();
  };
  const statuses = (endpoint: string) => hubspot.stats.snapshot().byEndpoint[endpoint]?.statuses ?? {};

  it('reports met with corrected 1, completes the HubSpot task and corrects the SLA properties, once across a restart', async () => {
    // The write-back properties exist in the portal (`sla-bot hubspot-setup`, once).
    expect((await cli(['hubspot-setup'])).code).toBe(0);
    const bram = hubspot.state.addOwner({ email: 'bram@example.com', firstName: 'Bram', lastName: 'Bakker' });
    const dana = hubspot.state.addContact({
      firstName: 'Dana',
      lastName: 'Lead',
      email: 'dana@lead.example',
    });
    hubspot.state.assignOwner(dana.id, bram.id);
    hubspot.state.moveStage(dana.id, 'salesqualifiedlead', { at: T0 });

    await start();
    expect(await cycleAt(T0 + 10 * SECOND)).toBe('ok');
    // 10:06: the deadline has passed without a touch: breach to Bram, escalation to Anna, a task.
    expect(await cycleAt(T0 + 6 * MINUTE)).toBe('ok');
    const texts = (email: string) => slack.state.dmsTo(email).map((m) => m.text ?? '');
    expect(texts('bram@example.com').some((t) => t.startsWith('First-contact deadline'))).toBe(true);
    expect(texts('anna@example.com').some((t) => t.startsWith('SLA escalation'))).toBe(true);
    const tasks = () => hubspot.state.data.all('tasks');
    expect(tasks()).toHaveLength(1);
    expect(tasks()[0]?.properties.get('hs_task_status')).toBe('NOT_STARTED');
    expect(hubspot.state.properties('contacts', dana.id).sla_bot_status).toBe('breached');

    // 10:07: Bram logs the call he made at 10:02. HubSpot answers the task update with 5xx for a
    // while (every attempt of the client's retries): the completion waits in the write-back queue.
    clock.set(T0 + 7 * MINUTE);
    hubspot.state.logCall(dana.id, { at: T0 + 2 * MINUTE, ownerId: bram.id });
    hubspot.faults.inject('server_error', { times: 4, endpoint: TASK_PATCH });
    expect(await cycleAt(T0 + 8 * MINUTE)).toBe('ok');
    expect(hubspot.state.properties('contacts', dana.id).sla_bot_status).toBe('met');
    expect(tasks()[0]?.properties.get('hs_task_status')).toBe('NOT_STARTED');
    expect(statuses(TASK_PATCH)['200']).toBeUndefined();

    // The worker stops and starts again on the same store: the completion is done once, later.
    await start();
    expect(await cycleAt(T0 + 9 * MINUTE)).toBe('ok');
    await start();
    expect(await cycleAt(T0 + 10 * MINUTE)).toBe('ok');
    expect(await cycleAt(T0 + 20 * MINUTE)).toBe('ok');

    expect(tasks()).toHaveLength(1);
    const task = tasks()[0];
    expect(task?.properties.get('hs_task_status')).toBe('COMPLETED');
    expect(task?.properties.get('hs_task_body')).toContain(
      'sla-bot: breach retracted, contact logged at 2026-03-02 10:02 UTC (the deadline was 2026-03-02 10:05 UTC).',
    );
    expect(statuses(TASK_PATCH)['200']).toBe(1);
    // The SLA outcome written three times in all: pending, breached, then met — none again.
    expect(statuses(CONTACT_PATCH)['200']).toBe(3);
    const props = hubspot.state.properties('contacts', dana.id);
    expect(props.sla_bot_status).toBe('met');
    expect(props.sla_bot_first_contact_at).toBe(String(T0 + 2 * MINUTE));
    expect(props.sla_bot_minutes_to_first_contact).toBe('2');

    // The report counts Dana as met, and as one corrected breach, for her rep and team.
    await app?.close();
    app = null;
    const json = await cli(['report', '--since', '2026-03-02', '--until', '2026-03-02', '--format', 'json']);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout) as Report;
    const id = `contact:${dana.id}:sql:${T0}`;
    expect(report.speed.total.met).toEqual({ value: 1, ids: [id] });
    expect(report.speed.total.breached.value).toBe(0);
    expect(report.speed.total.corrected).toEqual({ value: 1, ids: [id] });
    expect(report.speed.total.compliance.value).toBe(100);
    expect(report.speed.byTeam.map((t) => [t.key, t.corrected.value])).toEqual([['benelux', 1]]);
    expect(report.speed.byRep.map((r) => [r.label, r.corrected.value])).toEqual([['Bram Bakker', 1]]);
    expect(report.messages.total.sent.breach.value).toBe(1);
    expect(report.messages.total.sent.escalation.value).toBe(1);
    const csv = await cli(['report', '--since', '2026-03-02', '--until', '2026-03-02', '--format', 'csv']);
    expect(csv.stdout.split('\n')).toContain(`speed/total/corrected,All leads,1,count,${id}`);
  }, 30_000);
});
