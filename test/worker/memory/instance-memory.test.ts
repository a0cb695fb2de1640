import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../../src/domain/time.ts';
import { runCycle } from '../../../src/worker/cycle/run-cycle.ts';
import { InstanceMemory } from '../../../src/worker/memory/instance-memory.ts';
import { WorkerState } from '../../../src/worker/worker-state.ts';
import { call, handoff } from '../../fakes/sla-fixtures.ts';
import { cycleHarness, T0 } from '../harness.ts';

const id = (c: string) => `contact:${c}:sql:${T0}`;

/** Two leads of o1 handed over at T0; c1 is called at once and settles, c2 is not (kept whole). */
async function oneSettled() {
  const h = cycleHarness();
  h.crm.addHandoff(handoff('c1', T0));
  h.crm.addHandoff(handoff('c2', T0));
  const state = new WorkerState();
  h.clock.set(T0);
  expect((await runCycle(h.deps, state)).outcome).toBe('ok');
  h.crm.addTouch(call('1', 'c1', T0 + 30 * SECOND));
  h.clock.set(T0 + MINUTE);
  expect((await runCycle(h.deps, state)).outcome).toBe('ok');
  expect(state.memory.settled.has(id('c1'))).toBe(true);
  expect(state.memory.hot.has(id('c2'))).toBe(true);
  return { h, memory: state.memory };
}

describe('InstanceMemory: the load and the wake of settled instances', () => {
  it('the load keeps a settled instance from its summary alone: only the others are read whole', async () => {
    const { h } = await oneSettled();
    const reads = h.store.byIdsRead.length;

    const loaded = await InstanceMemory.load(h.store);

    expect(h.store.byIdsRead.slice(reads)).toEqual([[id('c2')]]);
    expect(loaded.settled.get(id('c1'))).toMatchObject({ verdict: 'met', ownerId: 'o1' });
    expect(loaded.hot.has(id('c2'))).toBe(true);
    expect(loaded.openContactIds().has('c1')).toBe(true);
    expect(loaded.watched().size).toBe(2);
  });

  it('a woken settled instance is kept whole with the keys its stored evaluation recorded', async () => {
    const { h, memory } = await oneSettled();
    const due = h.store.instances.get(id('c1'))?.evaluation?.due ?? [];
    expect(due.length).toBeGreaterThan(0);
    memory.takeChanges(); // what the cycles changed

    const woken = await memory.wake(h.store, [id('c1'), id('c2')]); // c2 is whole already: not read

    expect(woken.map((o) => o.instance.id)).toEqual([id('c1')]);
    expect(h.store.byIdsRead.at(-1)).toEqual([id('c1')]);
    expect(memory.hot.get(id('c1'))).toBe(woken[0]);
    expect(memory.settled.has(id('c1'))).toBe(false);
    for (const n of due) expect(memory.recordedKeys.has(n.key, n.instanceId)).toBe(true);
    expect(memory.takeChanges().size).toBe(0); // it was open already: not a change
    expect(memory.takeLostOwners().size).toBe(0);
  });

  it('a settled instance the store no longer has open is let go when woken, its owner noted', async () => {
    const { h, memory } = await oneSettled();
    await h.store.closeInstance(id('c1'), T0 + 90 * SECOND, 'not_a_fit'); // by another process

    const woken = await memory.wake(h.store, [id('c1')]);

    expect(woken).toEqual([]);
    expect(memory.isOpen(id('c1'))).toBe(false);
    expect(memory.openContactIds().has('c1')).toBe(false);
    expect([...memory.takeLostOwners()]).toEqual(['o1']);
  });
});
