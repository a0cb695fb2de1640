import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { createLogger } from '../../src/log/logger.ts';
import type { Store } from '../../src/ports/store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { runCycle } from '../../src/worker/cycle/run-cycle.ts';
import { slaEngine } from '../../src/worker/sla-engine.ts';
import { WorkerState } from '../../src/worker/worker-state.ts';
import { handoff } from '../fakes/sla-fixtures.ts';
import { cycleHarness, T0 } from './harness.ts';

const LEADS = 24;
const DOWN_UNTIL = T0 + 9 * MINUTE;

/**
 * Issue 16, point 3: Slack is down while the handoff pings and, later, the breach notes and escalations
 * fall due; the pings back off, the later rows pile up. When Slack returns, every lead's ping is
 * delivered before anything else about that lead. The real engine and cycle, lanes side by side, on
 * the in-memory store and on SQLite (the store's query decides what is due).
 */
describe('after a Slack outage, each lead’s ping goes first', () => {
  const dirs: string[] = [];
  const opened: Store[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function sqlite(): Promise<Store> {
    const dir = await mkdtemp(join(tmpdir(), 'sla-order-'));
    dirs.push(dir);
    const store = await openStore(`file:${join(dir, 'sla.sqlite')}`, { logger: createLogger('silent') });
    opened.push(store);
    // The cycle harness sends under epoch 1 of this lease: a fresh store grants exactly that.
    expect(await store.acquireLease('sla-bot:cycle', 'test-cycle', T0, 60_000)).toBe(1);
    return store;
  }

  it.each(['the in-memory store', 'SQLite'])('on %s', async (backend) => {
    const h = cycleHarness();
    const store: Store = backend === 'SQLite' ? await sqlite() : h.store;
    const deps = { ...h.deps, store, engine: slaEngine, concurrency: 8 };
    for (let i = 0; i < LEADS; i++) h.crm.addHandoff(handoff(`c${i}`, T0 - i * 7 * SECOND));
    const state = new WorkerState();
    h.notifier.mode = 'down';
    for (let at = T0; at < DOWN_UNTIL; at += 30 * SECOND) {
      h.clock.set(at);
      await runCycle(deps, state);
    }
    h.notifier.mode = 'ok';
    for (let at = DOWN_UNTIL; at < DOWN_UNTIL + 5 * MINUTE; at += 10 * SECOND) {
      h.clock.set(at);
      await runCycle(deps, state);
    }

    const kindsOf = (lead: string) =>
      h.notifier.sent
        .filter((d) => d.notification.instanceId.includes(`:${lead}:`))
        .map((d) => d.notification.kind);
    const leads = Array.from({ length: LEADS }, (_, i) => `c${i}`);
    // Every lead got its ping, its breach note and more — and the ping first.
    for (const lead of leads) {
      const kinds = kindsOf(lead);
      expect(kinds, lead).toContain('breach');
      expect(kinds[0], lead).toBe('handoff');
      expect(
        kinds.filter((k) => k === 'handoff'),
        lead,
      ).toHaveLength(1);
    }
  });
});
