import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock/clock.ts';
import { loadEnv } from '../../src/config/env.ts';
import { DAY, HOUR, type Instant, MINUTE } from '../../src/domain/time.ts';
import type { Timing } from '../../src/hubspot/index.ts';
import { encodeCursor } from '../../src/hubspot/keyset.ts';
import { type App, buildApp } from '../../src/main.ts';
import type { StoredInstance } from '../../src/ports/store.ts';
import {
  type GeneratedContact,
  generateContacts,
  type HubSpotSandbox,
  type SlackSandbox,
  startSlackSandbox,
} from '../../src/sandbox/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Backfill } from '../../src/worker/shared/backfill-record.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';

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
  - name: sql
    stage: sql
    calendar: 24x7
    first_contact: { within: 1h, remind: [30m] }
    attempts: { required: 3, within: 2d }
    escalate:
      - at: breach
        notify: [owner, manager]
      - after: 15m
        notify: [team_channel]
        repeat: { every: 30m, times: 3 }
poll: { every: 1m }
slack: { admins: [ops@example.com] }
`;

/** sla-bot is installed at 09:00 on 2 March 2026. */
const INSTALL = Date.UTC(2026, 2, 2, 9, 0);
const OLD_LEADS = 450;

/**
 * The test's clock: the time it was set to, plus the real time since (the search spacing waits in
 * real time, and the sandbox's 5-a-second search limit must see those waits), plus HubSpot's pacing
 * waits, which move it at once instead of sleeping. It only moves forward.
 */
class TestClock implements Clock {
  #base: Instant;
  #realAt = Date.now();
  constructor(start: Instant) {
    this.#base = start;
  }
  now(): Instant {
    return this.#base + (Date.now() - this.#realAt);
  }
  set(t: Instant): void {
    this.#base = Math.max(t, this.now());
    this.#realAt = Date.now();
  }
  advance(ms: number): void {
    this.set(this.now() + ms);
  }
}

/**
 * The first install (issue 20): the running app (composition root, real HubSpot client with its
 * adaptive budget, SQLite store) against the sandboxes at Starter limits, on a clock the test moves —
 * HubSpot's pacing waits move it too, so a budget-bound import takes no real time.
 */
describe('first install: the open handoffs of the last 30 days, imported silently', () => {
  let dir: string;
  let hubspot: HubSpotSandbox;
  let slack: SlackSandbox;
  let clock: TestClock;
  let bram = '';
  let old: GeneratedContact[] = [];
  const apps: App[] = [];
  const timing: Timing = {
    random: () => 0.5,
    sleep: (ms, signal) => {
      if (signal) return new Promise(() => {}); // request time limits never expire here
      clock.advance(ms);
      return Promise.resolve();
    },
  };
  let log = captureLogger('info');

  beforeEach(async () => {
    log = captureLogger('info');
    dir = await mkdtemp(join(tmpdir(), 'sla-first-install-'));
    await writeFile(join(dir, 'sla.yaml'), SLA);
    clock = new TestClock(INSTALL - 31 * DAY);
    hubspot = await startCheckedHubSpotSandbox({ clock, tokens: ['pat-install'] }); // Starter limits
    slack = await startSlackSandbox({ clock, tokens: ['xoxb-install'], rateLimits: false });
    bram = hubspot.state.addOwner({ email: 'bram@example.com', firstName: 'Bram' }).id;
    for (const email of ['bram@example.com', 'anna@example.com', 'ops@example.com'])
      slack.state.addUser({ email });
    slack.state.addChannel({ name: 'sales-benelux' });
    // A month of SQLs whose hour is long gone; a third of them called in time.
    old = generateContacts(hubspot.state, {
      count: OLD_LEADS,
      seed: 7,
      ownerIds: [bram],
      stages: [['salesqualifiedlead', 1]],
      createdBetween: [INSTALL - 30 * DAY + HOUR, INSTALL - 2 * HOUR],
    });
    clock.set(INSTALL - HOUR);
    for (const c of old.filter((_, i) => i % 3 === 0))
      hubspot.state.logCall(c.id, { at: c.createdAt + 10 * MINUTE, disposition: 'Connected' });
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await hubspot.stop();
    await slack.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const start = async (): Promise<App> => {
    const app = await buildApp({
      env: loadEnv({
        HUBSPOT_ACCESS_TOKEN: 'pat-install',
        HUBSPOT_BASE_URL: hubspot.url,
        SLACK_BOT_TOKEN: 'xoxb-install',
        SLACK_API_URL: slack.url,
        SLA_CONFIG: join(dir, 'sla.yaml'),
        DATABASE_URL: join(dir, 'sla.sqlite'),
        PORT: '0',
      }),
      clock,
      hubspotTiming: timing,
      logger: log.logger,
      cwd: dir,
      once: false,
      dryRun: false,
    });
    apps.push(app);
    return app;
  };
  const stop = async (app: App) => {
    apps.splice(apps.indexOf(app), 1);
    await app.close();
  };

  /** Cycles (a minute apart, as the schedule would) until the import is done; its last record. */
  async function importAll(app: App, max = 20): Promise<Backfill> {
    let last: Backfill | null = null;
    const off = app.events.on('backfill:progress', (b) => {
      last = b;
    });
    try {
      for (let n = 0; n < max; n++) {
        expect(await app.runOnce()).toBe('ok');
        const b = last as Backfill | null;
        if (b?.done) return b;
        clock.advance(MINUTE);
      }
    } finally {
      off();
    }
    throw new Error('the import did not finish');
  }

  async function stored(): Promise<readonly StoredInstance[]> {
    const store = await openStore(join(dir, 'sla.sqlite'), { logger: captureLogger().logger });
    try {
      return await store.openInstances();
    } finally {
      await store.close();
    }
  }

  /** Every message the bot posted (DMs to anyone, the team channel, ephemerals aside). */
  const posted = () => [
    ...['bram@example.com', 'anna@example.com', 'ops@example.com'].flatMap((e) => slack.state.dmsTo(e)),
    ...slack.state.messagesIn('sales-benelux'),
  ];

  /** A lead handed over `ago` before the install, still inside its one-hour window. */
  const fresh = (name: string, ago: number) => {
    const c = hubspot.state.addContact({ firstName: name, email: `${name}@lead.example`, ownerId: bram });
    hubspot.state.moveStage(c.id, 'salesqualifiedlead', { at: INSTALL - ago });
    return c;
  };

  it('records and judges every one, excuses the past deadlines "before sla-bot", messages none of them, and pings the lead still in its window', async () => {
    const inWindow = fresh('Wanda', 40 * MINUTE);
    clock.set(INSTALL);
    const app = await start();
    expect(await app.runOnce()).toBe('ok');
    // Wanda is in the first chunk (newest first), pinged at once.
    expect(slack.state.dmsTo('bram@example.com').map((m) => m.text)).toEqual([
      expect.stringMatching(/^New SQL lead: Wanda/),
    ]);
    // A lead handed over while the import runs is pinged by the next cycle, not after the import.
    clock.advance(MINUTE);
    const live = hubspot.state.addContact({ firstName: 'Zoe', email: 'zoe@lead.example', ownerId: bram });
    hubspot.state.moveStage(live.id, 'salesqualifiedlead');
    clock.advance(MINUTE);
    expect(await app.runOnce()).toBe('ok');
    expect(slack.state.dmsTo('bram@example.com').at(-1)?.text).toMatch(/^New SQL lead: Zoe/);
    const done = await importAll(app);

    // Installed as the first cycle started; the window is the 30 days before.
    expect(done.installedAt - INSTALL).toBeGreaterThanOrEqual(0);
    expect(done.installedAt - INSTALL).toBeLessThan(MINUTE);
    expect(done).toMatchObject({ since: done.installedAt - 30 * DAY, done: true });
    expect(done.imported).toBe(OLD_LEADS + 1);
    const instances = await stored();
    expect(instances).toHaveLength(OLD_LEADS + 2);
    for (const s of instances)
      expect(s.instance.importedAt ?? null).toBe(
        s.instance.lead.contactId === live.id ? null : done.installedAt,
      );
    const byContact = new Map(instances.map((s) => [s.instance.lead.contactId, s]));
    const called = new Set(old.filter((_, i) => i % 3 === 0).map((c) => c.id));
    for (const c of old) {
      const fc = byContact.get(c.id)?.evaluation?.firstContact;
      if (called.has(c.id)) expect(fc).toMatchObject({ state: 'met' });
      else expect(fc).toMatchObject({ state: 'breached', excused: true, excuse: 'before_sla_bot' });
    }
    expect(byContact.get(inWindow.id)?.evaluation?.firstContact).toMatchObject({ state: 'pending' });

    // Two messages in all: Wanda's ping and Zoe's, to their owner.
    expect(posted().map((m) => m.text)).toEqual([
      expect.stringMatching(/^New SQL lead: Wanda/),
      expect.stringMatching(/^New SQL lead: Zoe/),
    ]);
    // The log says how far it got, and that it finished.
    const progress = log.lines().filter((l) => String(l.msg).startsWith('backfill'));
    expect(progress[0]).toMatchObject({ msg: 'backfill started: first install, importing open handoffs' });
    expect(progress.at(-1)).toMatchObject({
      msg: 'backfill finished',
      progress: expect.stringMatching(/^451 of 451 leads read, 451 imported, oldest 2026-01-3\d$/),
    });

    // Wanda's window then runs out as usual: the breach note and the escalation follow. (The
    // clock only moves on: HubSpot's pacing waits moved it during the import.)
    expect(clock.now()).toBeLessThan(INSTALL + 20 * MINUTE);
    clock.set(INSTALL + 20 * MINUTE + MINUTE);
    expect(await app.runOnce()).toBe('ok');
    clock.set(INSTALL + 35 * MINUTE + MINUTE);
    expect(await app.runOnce()).toBe('ok');
    const texts = posted().map((m) => m.text ?? '');
    expect(texts.filter((t) => /Wanda/.test(t)).length).toBeGreaterThanOrEqual(3);
    expect(texts.every((t) => /Wanda|Zoe/.test(t))).toBe(true);
    expect(slack.state.messagesIn('sales-benelux').map((m) => m.text)).toEqual([
      expect.stringMatching(/^SLA escalation: .*Wanda/),
    ]);

    // Within sla-bot's share of the Starter portal's budget, without a single 429.
    expect(hubspot.stats.snapshot().rateLimited).toMatchObject({ total: 0 });
    expect(hubspot.limits?.peakTenSecondly('pat-install')).toBeLessThanOrEqual(50);
  });

  it('resumes after a restart mid-import where it stopped, importing and pinging nothing twice', async () => {
    fresh('Xavi', 10 * MINUTE);
    clock.set(INSTALL);
    const first = await start();
    let installedAt = 0;
    first.events.on('backfill:progress', (b) => {
      installedAt = b.installedAt;
    });
    expect(await first.runOnce()).toBe('ok');
    const midway = (await stored()).length;
    expect(midway).toBeGreaterThan(1);
    expect(midway).toBeLessThan(OLD_LEADS + 1);
    await stop(first);

    clock.advance(2 * MINUTE); // a restart, shorter than the 5-minute outage threshold
    const second = await start();
    const chunks: number[] = [];
    second.events.on('backfill:progress', (b) => chunks.push(b.read));
    const done = await importAll(second);
    expect(done).toMatchObject({ installedAt, read: OLD_LEADS + 1, imported: OLD_LEADS + 1 });
    const instances = await stored();
    expect(new Set(instances.map((s) => s.instance.id)).size).toBe(OLD_LEADS + 1);
    expect(instances).toHaveLength(OLD_LEADS + 1);
    // The second process did not start over: the two pages left of the window, a page a cycle.
    expect(
      log.lines().filter((l) => l.msg === 'backfill started: first install, importing open handoffs'),
    ).toHaveLength(1);
    expect(chunks).toHaveLength(2);
    expect(chunks[0]).toBeGreaterThan(200); // counted on from the first process's page
    expect(chunks[1]).toBe(OLD_LEADS + 1);
    expect(posted().map((m) => m.text)).toEqual([expect.stringMatching(/^New SQL lead: Xavi/)]);
  });

  it('does nothing of the kind on a store that already has a poll position', async () => {
    // A store some earlier version polled from: a contacts cursor an hour old, nothing open.
    const store = await openStore(join(dir, 'sla.sqlite'), { logger: captureLogger().logger });
    await store.commitCycle({
      now: INSTALL - HOUR,
      cursors: { contacts: encodeCursor({ watermark: INSTALL - HOUR, resume: null, seen: new Map() }) },
      newInstances: [],
      updatedInstances: [],
      closed: [],
      touches: [],
      evaluations: [],
      outbox: [],
    });
    await store.close();
    const late = fresh('Yara', 30 * MINUTE);
    clock.set(INSTALL);
    const app = await start();
    const progress: Backfill[] = [];
    app.events.on('backfill:progress', (b) => progress.push(b));
    expect(await app.runOnce()).toBe('ok');
    expect(await app.runOnce()).toBe('ok');

    expect(progress).toEqual([]);
    expect(log.lines().filter((l) => String(l.msg).startsWith('backfill'))).toEqual([]);
    // Only what the cursor's look-back finds: Yara, seen live (not imported), pinged (and reminded:
    // her reminder moment came as sla-bot saw her).
    const instances = await stored();
    expect(instances.map((s) => [s.instance.lead.contactId, s.instance.importedAt ?? null])).toEqual([
      [late.id, null],
    ]);
    expect(slack.state.dmsTo('bram@example.com')[0]?.text).toMatch(/^New SQL lead: Yara/);
  });
});
