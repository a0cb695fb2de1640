import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { runCycle } from '../../src/worker/cycle/run-cycle.ts';
import { slaEngine } from '../../src/worker/sla-engine.ts';
import { WorkerState } from '../../src/worker/worker-state.ts';
import { call, handoff } from '../fakes/sla-fixtures.ts';
import { cycleHarness, T0 } from './harness.ts';

/** The same pipeline with the real engine (src/domain/sla/) instead of the stand-in. */
describe('worker cycle with the real SLA engine', () => {
  it('pings, reminds, breaches and escalates a lead nobody calls, each exactly once', async () => {
    const h = cycleHarness();
    const deps = { ...h.deps, engine: slaEngine };
    h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    for (let t = T0; t <= T0 + 20 * MINUTE; t += 30 * SECOND) {
      h.clock.set(t);
      const r = await runCycle(deps, state);
      expect(r.outcome).toBe('ok');
    }
    const kinds = h.notifier.sent.map((d) => d.notification.kind);
    expect(kinds.slice(0, 2)).toEqual(['handoff', 'reminder']);
    expect(kinds).toContain('breach');
    expect(kinds).toContain('escalation');
    const keys = h.notifier.sentKeys();
    expect(new Set(keys).size).toBe(keys.length);
    const breach = h.notifier.sent.find((d) => d.notification.kind === 'breach');
    expect(breach?.notification.dueAt).toBe(T0 + 5 * MINUTE);
  });

  it('sends no breach for a lead called within five minutes', async () => {
    const h = cycleHarness();
    const deps = { ...h.deps, engine: slaEngine };
    h.crm.addHandoff(handoff('c1', T0));
    h.crm.addTouch(call('1', 'c1', T0 + 90 * SECOND));
    const state = new WorkerState();
    for (let t = T0; t <= T0 + 20 * MINUTE; t += 30 * SECOND) {
      h.clock.set(t);
      await runCycle(deps, state);
    }
    expect(h.notifier.sent.map((d) => d.notification.kind)).toEqual(['handoff']);
    expect((await h.store.instance(`contact:c1:sql:${T0}`))?.evaluation?.firstContact.state).toBe('met');
  });
});
