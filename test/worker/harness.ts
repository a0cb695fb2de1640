import type { SlaConfig } from '../../src/config/types.ts';
import { MINUTE } from '../../src/domain/time.ts';
import { ConfigHolder } from '../../src/worker/config-reloader.ts';
import type { CycleDeps } from '../../src/worker/cycle/run-cycle.ts';
import { WorkerEvents } from '../../src/worker/events.ts';
import { OutageTracker } from '../../src/worker/outage-tracker.ts';
import { DEFAULT_WORKER_OPTIONS, Worker, type WorkerOptions } from '../../src/worker/worker.ts';
import { FakeCrmSource } from '../fakes/fake-crm-source.ts';
import { FakeLeadWriter } from '../fakes/fake-lead-writer.ts';
import { FakeNotifier } from '../fakes/fake-notifier.ts';
import { FakeStore } from '../fakes/fake-store.ts';
import { captureLogger } from '../fakes/logger.ts';
import { simpleEngine } from '../fakes/simple-engine.ts';
import { owner, testConfig } from '../fakes/sla-fixtures.ts';
import { FakeClock } from '../support/fake-clock.ts';

export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

/** Everything a cycle needs, built from fakes. */
export function cycleHarness(config: SlaConfig = testConfig()) {
  const clock = new FakeClock(T0);
  const crm = new FakeCrmSource();
  crm.ownerList = [owner('o1', 'bram@example.com')];
  const store = new FakeStore();
  const notifier = new FakeNotifier();
  const events = new WorkerEvents();
  const log = captureLogger();
  let current = config;
  let sending = true;
  // The cycle runs as the leader: the lease it claims its sends with is held in the store.
  const lease = { name: 'sla-bot:cycle', holder: 'test-cycle', epoch: 1 };
  store.leases.set(lease.name, { holder: lease.holder, until: Number.POSITIVE_INFINITY, epoch: lease.epoch });
  let deps: CycleDeps = {
    crm,
    store,
    notifier,
    engine: simpleEngine,
    clock,
    logger: log.logger,
    events,
    outages: new OutageTracker(5 * MINUTE),
    config: () => current,
    canSend: () => sending,
    lease: () => (sending ? lease : null),
    maxAttempts: 5,
    maxPages: 10,
    deliverLimit: 100,
    pause: async () => {},
  };
  return {
    get deps() {
      return deps;
    },
    set deps(next: CycleDeps) {
      deps = next;
    },
    clock,
    crm,
    store,
    notifier,
    events,
    log,
    setConfig: (c: SlaConfig) => {
      current = c;
    },
    setSending: (s: boolean) => {
      sending = s;
    },
  };
}

/**
 * A whole `Worker` on fakes with a hand-moved clock; `restart()` builds a new worker on the same
 * store (a process that died and came back: memory gone, store kept).
 */
export function workerHarness(
  options: { config?: SlaConfig; leadWriter?: FakeLeadWriter | null; worker?: Partial<WorkerOptions> } = {},
) {
  const clock = new FakeClock(T0);
  const crm = new FakeCrmSource();
  crm.ownerList = [owner('o1', 'bram@example.com')];
  const store = new FakeStore();
  const notifier = new FakeNotifier();
  const log = captureLogger();
  const holder = new ConfigHolder(options.config ?? testConfig());
  const leadWriter = options.leadWriter === undefined ? new FakeLeadWriter() : options.leadWriter;
  const build = () => {
    const events = new WorkerEvents();
    const worker = new Worker({
      crm,
      store,
      notifier,
      leadWriter,
      engine: simpleEngine,
      clock,
      logger: log.logger,
      events,
      config: holder,
      holder: 'test-worker',
      options: { ...DEFAULT_WORKER_OPTIONS, ...options.worker },
    });
    return { worker, events };
  };
  let current = build();
  return {
    clock,
    crm,
    store,
    notifier,
    log,
    holder,
    leadWriter,
    get worker() {
      return current.worker;
    },
    get events() {
      return current.events;
    },
    /** One cycle at `at` (epoch ms). */
    cycleAt: async (at: number) => {
      clock.set(at);
      const report = await current.worker.runOnce();
      if (report === null) throw new Error('the test worker did not get the lease');
      return report;
    },
    restart: () => {
      // The dead process's lease would expire; a restart on the same holder name takes it back.
      current = build();
    },
  };
}
