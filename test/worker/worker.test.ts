import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../src/clock/clock.ts';
import { SECOND } from '../../src/domain/time.ts';
import { ConfigHolder } from '../../src/worker/config-reloader.ts';
import { WorkerEvents } from '../../src/worker/events.ts';
import { readiness } from '../../src/worker/health.ts';
import { DEFAULT_WORKER_OPTIONS, Worker } from '../../src/worker/worker.ts';
import { FakeCrmSource } from '../fakes/fake-crm-source.ts';
import { FakeNotifier } from '../fakes/fake-notifier.ts';
import { FakeStore } from '../fakes/fake-store.ts';
import { captureLogger } from '../fakes/logger.ts';
import { simpleEngine } from '../fakes/simple-engine.ts';
import { handoff, owner, testConfig } from '../fakes/sla-fixtures.ts';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const systemClock: Clock = { now: () => Date.now() };

function makeWorker(store: FakeStore, crm: FakeCrmSource, notifier: FakeNotifier, holder: string) {
  const events = new WorkerEvents();
  const worker = new Worker({
    crm,
    store,
    notifier,
    engine: simpleEngine,
    clock: systemClock,
    logger: captureLogger().logger,
    events,
    config: new ConfigHolder(testConfig({ poll: { every: 6 * SECOND, overlap: 0 } })),
    holder,
    options: DEFAULT_WORKER_OPTIONS,
  });
  return { worker, events };
}

describe('worker', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs one full cycle with runOnce and reports ready afterwards', async () => {
    const store = new FakeStore();
    const crm = new FakeCrmSource();
    crm.ownerList = [owner('o1', 'bram@example.com')];
    crm.addHandoff(handoff('c1', T0 - SECOND));
    const notifier = new FakeNotifier();
    const { worker } = makeWorker(store, crm, notifier, 'a');
    expect(readiness(worker.health(), Date.now(), 30 * SECOND).ready).toBe(false);
    const report = await worker.runOnce();
    expect(report?.outcome).toBe('ok');
    expect(notifier.sent).toHaveLength(1);
    expect(readiness(worker.health(), Date.now(), 30 * SECOND)).toEqual({
      ready: true,
      reason: 'last cycle succeeded',
    });
    vi.setSystemTime(T0 + 60 * SECOND);
    expect(readiness(worker.health(), Date.now(), 30 * SECOND).ready).toBe(false);
  });

  it('lets only one of two instances lead; the other takes over within one interval when it stops, without duplicates', async () => {
    const store = new FakeStore();
    const crm = new FakeCrmSource();
    crm.ownerList = [owner('o1', 'bram@example.com')];
    const notifier = new FakeNotifier();
    const a = makeWorker(store, crm, notifier, 'a');
    const b = makeWorker(store, crm, notifier, 'b');
    a.worker.start();
    await vi.advanceTimersByTimeAsync(100);
    b.worker.start();
    const cyclesOf = { a: 0, b: 0 };
    a.events.on('cycle:start', () => cyclesOf.a++);
    b.events.on('cycle:start', () => cyclesOf.b++);
    for (let i = 0; i < 5; i++) {
      crm.addHandoff(handoff(`c${i}`, Date.now()));
      await vi.advanceTimersByTimeAsync(6 * SECOND);
    }
    expect(a.worker.health().role).toBe('leader');
    expect(b.worker.health().role).toBe('follower');
    expect(cyclesOf.b).toBe(0);
    // The leader dies without releasing its lease (simulated by stopping its timers only).
    const tookOver = b.events.next('role:changed', (e) => e.role === 'leader');
    await a.worker.stop();
    const held = store.leases.get('sla-bot:cycle');
    store.leases.set('sla-bot:cycle', {
      holder: 'a',
      until: Date.now() + 4 * SECOND,
      epoch: held?.epoch ?? 1,
    });
    const diedAt = Date.now();
    for (let i = 5; i < 8; i++) {
      crm.addHandoff(handoff(`c${i}`, Date.now()));
      await vi.advanceTimersByTimeAsync(3 * SECOND);
    }
    await tookOver;
    await vi.advanceTimersByTimeAsync(12 * SECOND);
    await b.worker.stop();
    expect(cyclesOf.b).toBeGreaterThan(0);
    expect(b.worker.health().lastSuccessAt).toBeGreaterThan(diedAt);
    const keys = notifier.sentKeys();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k.endsWith(':handoff:owner'))).toHaveLength(8);
  });

  it('stops cleanly: releases the lease and sends nothing more', async () => {
    const store = new FakeStore();
    const crm = new FakeCrmSource();
    const notifier = new FakeNotifier();
    const { worker } = makeWorker(store, crm, notifier, 'a');
    worker.start();
    await vi.advanceTimersByTimeAsync(1 * SECOND);
    expect(store.leases.get('sla-bot:cycle')?.holder).toBe('a');
    await worker.stop();
    // Released: run out at once (the row stays, so the epoch goes on counting).
    expect(store.leases.get('sla-bot:cycle')?.until).toBeLessThanOrEqual(Date.now());
    crm.addHandoff(handoff('late', Date.now()));
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(notifier.sent).toHaveLength(0);
  });
});
