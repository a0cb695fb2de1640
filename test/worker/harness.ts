import type { SlaConfig } from '../../src/config/types.ts';
import { MINUTE } from '../../src/domain/time.ts';
import type { CycleDeps } from '../../src/worker/cycle/run-cycle.ts';
import { WorkerEvents } from '../../src/worker/events.ts';
import { OutageTracker } from '../../src/worker/outage-tracker.ts';
import { FakeCrmSource } from '../fakes/fake-crm-source.ts';
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
  const deps: CycleDeps = {
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
    maxAttempts: 5,
    maxPages: 10,
    deliverLimit: 100,
    pause: async () => {},
  };
  return {
    deps,
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
