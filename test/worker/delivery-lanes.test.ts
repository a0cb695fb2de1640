import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { runCycle } from '../../src/worker/cycle/run-cycle.ts';
import { slaEngine } from '../../src/worker/sla-engine.ts';
import { WorkerState } from '../../src/worker/worker-state.ts';
import { handoff } from '../fakes/sla-fixtures.ts';
import { cycleHarness, T0 } from './harness.ts';

/**
 * Slack answers in tens of milliseconds and paces each channel, so a burst of handoffs to many reps
 * is delivered side by side: one lane per instance, its own messages in order.
 */
describe('delivering a burst in lanes', () => {
  it('sends different leads’ messages side by side, up to the concurrency, and every one once', async () => {
    const h = cycleHarness();
    for (let i = 1; i <= 10; i++) h.crm.addHandoff(handoff(`c${i}`, T0));
    let inFlight = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    h.notifier.onSend = async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => gates.push(resolve));
      inFlight -= 1;
    };
    const cycle = runCycle({ ...h.deps, engine: slaEngine, concurrency: 4 }, new WorkerState());
    while (h.notifier.sent.length < 10) {
      await new Promise((r) => setImmediate(r));
      for (const open of gates.splice(0)) open();
    }
    await cycle;
    expect(most).toBe(4);
    expect(new Set(h.notifier.sentKeys()).size).toBe(10);
  });

  it('keeps one lead’s messages in order while others go alongside', async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0));
    h.crm.addHandoff(handoff('c2', T0));
    const state = new WorkerState();
    const deps = { ...h.deps, engine: slaEngine, concurrency: 4 };
    h.notifier.mode = 'down'; // Slack away: the ping waits, then the reminder and breach fall due too
    await runCycle(deps, state);
    h.clock.set(T0 + 6 * MINUTE);
    await runCycle(deps, state);
    h.notifier.mode = 'ok';
    h.clock.set(T0 + 6 * MINUTE + 30 * SECOND);
    await runCycle(deps, state);
    const of = (lead: string) =>
      h.notifier.sent
        .filter((d) => d.notification.instanceId.includes(`:${lead}:`))
        .map((d) => d.notification.kind);
    expect(of('c1')).toEqual(['handoff', 'breach', 'escalation']);
    expect(of('c2')).toEqual(['handoff', 'breach', 'escalation']);
  });
});
