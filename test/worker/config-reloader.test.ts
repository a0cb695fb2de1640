import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECOND } from '../../src/domain/time.ts';
import {
  ConfigHolder,
  type ConfigLoader,
  ConfigReloader,
  QUIET_MS,
} from '../../src/worker/config-reloader.ts';
import { WorkerEvents } from '../../src/worker/events.ts';
import { FakeStore } from '../fakes/fake-store.ts';
import { captureLogger } from '../fakes/logger.ts';
import { testConfig } from '../fakes/sla-fixtures.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { ManualTimers } from '../support/manual-timers.ts';

/** A stand-in loader: `every: <seconds>` lines are valid, anything else is one problem per line. */
const load: ConfigLoader = async (path) => {
  const { readFile } = await import('node:fs/promises');
  const text = await readFile(path, 'utf8');
  const m = /^every: (\d+)$/m.exec(text);
  if (!m) return { ok: false, problems: [`${path}:1:1: poll.every is required (e.g. every: 30s)`] };
  return { ok: true, config: testConfig({ poll: { every: Number(m[1]) * SECOND, overlap: 0 } }) };
};

describe('hot reload of the SLA file', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-reload-'));
    file = join(dir, 'sla.yaml');
    await writeFile(file, 'every: 30\n');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function setup(loader: ConfigLoader = load) {
    const holder = new ConfigHolder(testConfig());
    const store = new FakeStore();
    const events = new WorkerEvents();
    const log = captureLogger();
    let changed: (() => void) | null = null;
    const reloader = new ConfigReloader({
      path: file,
      holder,
      load: loader,
      summarize: (a, b) => `poll.every ${Number(a.poll.every) / SECOND}s → ${Number(b.poll.every) / SECOND}s`,
      store,
      clock: new FakeClock(Date.UTC(2026, 0, 1)),
      events,
      logger: log.logger,
      watch: (_p, onChange) => {
        changed = onChange;
        return { close: () => {} };
      },
      debounceMs: 0,
    });
    return { holder, store, events, log, reloader, fire: () => changed?.() };
  }

  it('swaps in a valid file atomically and logs a one-line summary', async () => {
    const s = setup();
    await s.reloader.start();
    await writeFile(file, 'every: 10\n');
    expect(await s.reloader.reload()).toBe('swapped');
    expect(s.holder.current.poll.every).toBe(10 * SECOND);
    expect(s.holder.version).toBe(1);
    const line = s.log.lines().find((l) => l.msg === 'sla config reloaded');
    expect(line?.summary).toBe('poll.every 30s → 10s');
    expect(await s.reloader.reload()).toBe('unchanged');
  });

  it('swaps in a valid file that has warnings, and logs them as validate prints them', async () => {
    const warning = `${file}:3:16: warning: calendars.support.hours.mon-fri: '17:00-08:00' closes before it opens`;
    const s = setup(async (path) => {
      const loaded = await load(path);
      return loaded.ok ? { ...loaded, warnings: [warning] } : loaded;
    });
    await s.reloader.start();
    await writeFile(file, 'every: 10\n');
    expect(await s.reloader.reload()).toBe('swapped');
    const line = s.log.lines().find((l) => l.msg === 'sla config has warnings; it is in force');
    expect(line).toMatchObject({ level: 40, file, warnings: [warning] });
  });

  it('logs no warnings line for a file without any', async () => {
    const s = setup();
    await s.reloader.start();
    await writeFile(file, 'every: 10\n');
    expect(await s.reloader.reload()).toBe('swapped');
    expect(s.log.lines().filter((l) => l.level === 40)).toEqual([]);
  });

  it('rejects an invalid file with the validate problems, keeps the old config and tells admins once', async () => {
    const s = setup();
    await s.reloader.start();
    const before = s.holder.current;
    await writeFile(file, 'poll: [oops\n');
    expect(await s.reloader.reload()).toBe('rejected');
    expect(s.holder.current).toBe(before);
    const alerts = [...s.store.outbox.values()].filter((e) => e.kind === 'admin_alert');
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0]?.payload)).toContain(`${file}:1:1: poll.every is required`);
    s.fire();
    expect(await s.reloader.reload()).toBe('unchanged');
    expect([...s.store.outbox.values()]).toHaveLength(1);
  });

  it('rejects a deleted file and picks up the file once it is back', async () => {
    const s = setup();
    await s.reloader.start();
    await rm(file);
    expect(await s.reloader.reload()).toBe('rejected');
    expect(s.holder.version).toBe(0);
    await writeFile(file, 'every: 20\n');
    expect(await s.reloader.reload()).toBe('swapped');
    expect(s.holder.current.poll.every).toBe(20 * SECOND);
  });

  it('notices an editor replacing the file by rename through the real file watcher', async () => {
    const holder = new ConfigHolder(testConfig());
    const events = new WorkerEvents();
    const reloader = new ConfigReloader({
      path: file,
      holder,
      load,
      summarize: () => 'changed',
      store: new FakeStore(),
      clock: new FakeClock(0),
      events,
      logger: captureLogger().logger,
      debounceMs: 20,
    });
    await reloader.start();
    const reloaded = events.next('config:reloaded');
    await writeFile(join(dir, '.sla.yaml.swp'), 'every: 5\n');
    await rename(join(dir, '.sla.yaml.swp'), file);
    await expect(reloaded).resolves.toEqual({ summary: 'changed' });
    reloader.stop();
    expect(holder.current.poll.every).toBe(5 * SECOND);
  });

  describe('an editor saving in steps (issue 16): read once the file is quiet', () => {
    /** The reloader with its quiet period (the default, 1 s) on timers the test moves by hand. */
    function quiet() {
      const clock = new FakeClock(Date.UTC(2026, 0, 1));
      const timers = new ManualTimers(clock);
      const holder = new ConfigHolder(testConfig());
      const store = new FakeStore();
      const events = new WorkerEvents();
      const rejected: unknown[] = [];
      events.on('config:rejected', (e) => rejected.push(e));
      let changed: (() => void) | null = null;
      const reloader = new ConfigReloader({
        path: file,
        holder,
        load,
        summarize: () => 'changed',
        store,
        clock,
        events,
        logger: captureLogger().logger,
        watch: (_p, onChange) => {
          changed = onChange;
          return { close: () => {} };
        },
        sleep: timers.sleep,
      });
      const alerts = () => [...store.outbox.values()].filter((e) => e.kind === 'admin_alert');
      return { timers, holder, events, rejected, reloader, alerts, fire: () => changed?.() };
    }

    it('an empty save then the full one within the quiet period: one reload, no admin alert', async () => {
      const q = quiet();
      await q.reloader.start();
      await writeFile(file, '');
      const settling = q.timers.nextSleep();
      q.fire();
      expect(await settling).toBe(QUIET_MS);
      q.timers.advance(300);
      await writeFile(file, 'every: 10\n');
      q.fire();
      // The first quiet period ends with a change in it: it waits for another one.
      const again = q.timers.nextSleep();
      q.timers.advance(700);
      await again;
      const reloaded = q.events.next('config:reloaded');
      q.timers.advance(QUIET_MS);
      await reloaded;
      expect(q.holder.version).toBe(1);
      expect(q.holder.current.poll.every).toBe(10 * SECOND);
      expect(q.rejected).toEqual([]);
      expect(q.alerts()).toEqual([]);
    });

    it('a file read while empty but full by the re-check a quiet period later: swapped, no admin alert', async () => {
      const q = quiet();
      await q.reloader.start();
      await writeFile(file, '');
      const settling = q.timers.nextSleep();
      q.fire();
      await settling;
      const recheck = q.timers.nextSleep();
      q.timers.advance(QUIET_MS);
      await recheck; // the empty file did not load: it is looked at again before anyone is told
      await writeFile(file, 'every: 15\n');
      const reloaded = q.events.next('config:reloaded');
      q.timers.advance(QUIET_MS);
      await reloaded;
      expect(q.holder.current.poll.every).toBe(15 * SECOND);
      expect(q.rejected).toEqual([]);
      expect(q.alerts()).toEqual([]);
    });

    it('a file still empty after the re-check is rejected, and the admins told once', async () => {
      const q = quiet();
      await q.reloader.start();
      await writeFile(file, '');
      const settling = q.timers.nextSleep();
      q.fire();
      await settling;
      const recheck = q.timers.nextSleep();
      q.timers.advance(QUIET_MS);
      await recheck;
      const rejected = q.events.next('config:rejected');
      q.timers.advance(QUIET_MS);
      await rejected;
      expect(q.holder.version).toBe(0);
      expect(q.alerts()).toHaveLength(1);
    });
  });
});
