import { describe, expect, it } from 'vitest';
import type { EvaluationInput } from '../../src/domain/evaluation.ts';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { runCycle } from '../../src/worker/cycle/run-cycle.ts';
import type { Engine } from '../../src/worker/engine.ts';
import { slaEngine } from '../../src/worker/sla-engine.ts';
import { WorkerState } from '../../src/worker/worker-state.ts';
import { call, handoff } from '../fakes/sla-fixtures.ts';
import { cycleHarness, T0 } from './harness.ts';

/** The real engine, counting which instances it was asked to judge. */
function countingEngine() {
  const judged: string[] = [];
  const engine: Engine = {
    evaluate: (input: EvaluationInput, now: number) => {
      judged.push(input.instance.id);
      return slaEngine.evaluate(input, now);
    },
    applyLeadEvents: slaEngine.applyLeadEvents,
  };
  return { engine, judged, take: () => judged.splice(0) };
}

const ID = `contact:c1:sql:${T0}`;

/**
 * Between its due moments an open instance is not judged again unless its touches, its
 * acknowledgements or the world (config, silences, outages, owners) changed — and the messages are
 * exactly those of judging it every cycle.
 */
describe('judging only what can have changed', () => {
  it('leaves an open lead alone between its due moments and judges it at the reminder', async () => {
    const h = cycleHarness();
    const c = countingEngine();
    const deps = { ...h.deps, engine: c.engine };
    h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(deps, state);
    expect(c.take()).toEqual([ID]);
    const next = state.memory.hot.get(ID)?.evaluation?.nextDueAt ?? 0;
    expect(next).toBeGreaterThan(T0);
    h.clock.set(next - SECOND);
    await runCycle(deps, state);
    expect(c.take()).toEqual([]);
    h.clock.set(next);
    await runCycle(deps, state);
    expect(c.take()).toEqual([ID]);
    expect(h.notifier.sent.map((d) => d.notification.kind)).toEqual(['handoff', 'reminder']);
  });

  it('judges again at once when a call is logged, the rep acknowledges, or a silence starts', async () => {
    const h = cycleHarness();
    const c = countingEngine();
    const deps = { ...h.deps, engine: c.engine };
    h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(deps, state);
    c.take();

    h.clock.set(T0 + 10 * SECOND);
    await h.store.acknowledge({ instanceId: ID, by: 'U1', at: T0 + 10 * SECOND });
    await runCycle(deps, state);
    expect(c.take()).toEqual([ID]);
    expect(state.memory.hot.get(ID)?.evaluation?.acknowledged?.at).toBe(T0 + 10 * SECOND);

    h.clock.set(T0 + 20 * SECOND);
    await h.store.addSilence({
      id: 's1',
      scope: { kind: 'team', team: 'benelux' },
      from: T0 + 15 * SECOND,
      until: T0 + 2 * MINUTE,
      reason: 'offsite',
      by: 'U2',
    });
    await runCycle(deps, state);
    expect(c.take()).toEqual([ID]);

    h.clock.set(T0 + 30 * SECOND);
    h.crm.addTouch(call('1', 'c1', T0 + 25 * SECOND));
    await runCycle(deps, state);
    expect(c.take()).toEqual([ID]);
    expect((await h.store.instance(ID))?.evaluation?.firstContact.state).toBe('met');

    h.clock.set(T0 + 40 * SECOND);
    await runCycle(deps, state);
    expect(c.take()).toEqual([]);
  });

  it('reads acknowledgements by time, not those of every open lead each cycle; a late-stamped one still counts', async () => {
    const h = cycleHarness();
    const c = countingEngine();
    const deps = { ...h.deps, engine: c.engine };
    for (const contact of ['c1', 'c2', 'c3']) h.crm.addHandoff(handoff(contact, T0));
    const state = new WorkerState();
    await runCycle(deps, state);
    expect(c.take()).toHaveLength(3);
    h.store.ackReads.splice(0);

    // Between due moments nothing is judged, so no instance's acknowledgements are read.
    h.clock.set(T0 + 10 * SECOND);
    await runCycle(deps, state);
    expect(c.take()).toEqual([]);
    expect(h.store.ackReads).toEqual([]);

    // Another replica stamped this click with a clock 2 minutes behind ours: still picked up, once.
    h.clock.set(T0 + 20 * SECOND);
    await h.store.acknowledge({ instanceId: ID, by: 'U1', at: T0 + 20 * SECOND - 2 * MINUTE });
    await runCycle(deps, state);
    expect(c.take()).toEqual([ID]);
    expect(h.store.ackReads).toEqual([[ID]]);
    expect(state.memory.hot.get(ID)?.evaluation?.acknowledged?.by).toBe('U1');

    h.clock.set(T0 + 30 * SECOND);
    await runCycle(deps, state);
    expect(c.take()).toEqual([]);
  });

  it('sends the same messages as judging every lead every cycle', async () => {
    const run = async (engine: Engine) => {
      const h = cycleHarness();
      const deps = { ...h.deps, engine };
      h.crm.addHandoff(handoff('c1', T0));
      h.crm.addHandoff(handoff('c2', T0 + 20 * SECOND));
      h.crm.addTouch(call('1', 'c2', T0 + 8 * MINUTE));
      const state = new WorkerState();
      for (let t = T0; t <= T0 + 40 * MINUTE; t += 15 * SECOND) {
        h.clock.set(t);
        // A fresh world fingerprint every cycle would judge everything: compare with that.
        if (engine !== slaEngine) state.judging.judgedWorld = null;
        await runCycle(deps, state);
      }
      return h.notifier.sent.map((d) => `${d.notification.key}@${d.notification.dueAt}`);
    };
    const everyCycle = countingEngine();
    expect(await run(slaEngine)).toEqual(await run(everyCycle.engine));
    expect(everyCycle.judged.length).toBeGreaterThan(100);
  });
});
