import { describe, expect, it } from 'vitest';
import type { EvaluationInput } from '../../src/domain/evaluation.ts';
import type { TouchRule } from '../../src/domain/policy.ts';
import { HOUR, MINUTE } from '../../src/domain/time.ts';
import { runCycle } from '../../src/worker/cycle/run-cycle.ts';
import type { Engine } from '../../src/worker/engine.ts';
import { verdictOf } from '../../src/worker/memory/settled-instances.ts';
import { evaluationFingerprint } from '../../src/worker/shared/fingerprint.ts';
import { slaEngine } from '../../src/worker/sla-engine.ts';
import { WorkerState } from '../../src/worker/worker-state.ts';
import { call, handoff, testConfig, testPolicy } from '../fakes/sla-fixtures.ts';
import { cycleHarness, T0 } from './harness.ts';

const anyTouch: TouchRule = {
  kinds: ['call', 'email', 'meeting'],
  callOutcomes: null,
  outboundOnly: false,
  ownerOnly: false,
  includeBeforeHandoff: false,
};

/** First contact within 5 minutes, then three attempts within the first hour. */
const policy = testPolicy({
  attempts: { required: 3, within: HOUR, atMost: null, minGap: null, counts: anyTouch },
});
const config = testConfig({ policies: [policy] });
const id = (contact: string): string => `contact:${contact}:sql:${T0}`;

/** The real engine, noting every instance it judges and the touches it was given. */
function watchedEngine() {
  const judged: { id: string; touches: string[] }[] = [];
  const engine: Engine = {
    evaluate: (input: EvaluationInput, now: number) => {
      judged.push({ id: input.instance.id, touches: input.touches.map((t) => t.id) });
      return slaEngine.evaluate(input, now);
    },
    applyLeadEvents: slaEngine.applyLeadEvents,
  };
  return { engine, take: () => judged.splice(0) };
}

function setup(judgeChunk?: number) {
  const h = cycleHarness(config);
  const watched = watchedEngine();
  const deps = { ...h.deps, engine: watched.engine, ...(judgeChunk ? { judgeChunk } : {}) };
  const state = new WorkerState();
  const cycleAt = async (at: number) => {
    h.clock.set(at);
    const report = await runCycle(deps, state);
    expect(report.outcome).toBe('ok');
    return report;
  };
  return { h, deps, state, watched, cycleAt };
}

describe('touches in memory only where they can matter', () => {
  it('keeps the touches of an unsettled lead and lets them go once it settles', async () => {
    const { h, state, cycleAt } = setup();
    h.crm.addHandoff(handoff('c1', T0));
    h.crm.addHandoff(handoff('c2', T0));
    await cycleAt(T0);
    expect(state.memory.touches.of('c1')).toEqual([]);

    h.crm.addTouch(call('1', 'c1', T0 + MINUTE));
    await cycleAt(T0 + MINUTE);
    h.crm.addTouch(call('2', 'c1', T0 + 10 * MINUTE));
    await cycleAt(T0 + 10 * MINUTE);
    expect(state.memory.touches.of('c1')?.map((t) => t.id)).toEqual(['call:1', 'call:2']);
    expect(state.memory.hot.get(id('c1'))?.evaluation?.settled).toBe(false);

    // The attempts window closes: c1 is settled (contacted, two of three attempts); c2 is not.
    await cycleAt(T0 + 61 * MINUTE);

    // Settled and shown as such: kept only in the compact index, its evaluation in the store.
    expect(state.memory.hot.has(id('c1'))).toBe(false);
    expect(state.memory.settled.get(id('c1'))).toMatchObject({ verdict: 'met', lead: { contactId: 'c1' } });
    expect((await h.store.instance(id('c1')))?.evaluation).toMatchObject({
      settled: true,
      attempts: { made: 2, state: 'short' },
    });
    expect(state.memory.hot.has(id('c2'))).toBe(true);
    expect(state.memory.touches.of('c1')).toBeNull();
    expect(state.memory.touches.of('c2')).toEqual([]);
    expect(state.memory.touches.size).toBe(1);
  });

  it('a late-logged call on a settled lead is judged with every earlier call, read from the store', async () => {
    const { h, state, watched, cycleAt } = setup();
    h.crm.addHandoff(handoff('c1', T0));
    await cycleAt(T0);
    h.crm.addTouch(call('1', 'c1', T0 + MINUTE));
    await cycleAt(T0 + MINUTE);
    h.crm.addTouch(call('2', 'c1', T0 + 10 * MINUTE));
    await cycleAt(T0 + 10 * MINUTE);
    await cycleAt(T0 + 61 * MINUTE);
    expect(state.memory.touches.of('c1')).toBeNull();
    watched.take();
    const reads = h.store.touchReads.length;
    const byIds = h.store.byIdsRead.length;

    // Made at minute 30, logged at minute 70: the third attempt, within the window.
    h.crm.addTouch(call('3', 'c1', T0 + 30 * MINUTE));
    await cycleAt(T0 + 70 * MINUTE);

    // Read back from the store by id, judged with all its calls, settled again.
    expect(h.store.byIdsRead.slice(byIds)).toEqual([[id('c1')]]);
    expect(h.store.touchReads.slice(reads)).toEqual([['c1']]);
    expect(watched.take()).toEqual([{ id: id('c1'), touches: ['call:1', 'call:2', 'call:3'] }]);
    expect((await h.store.instance(id('c1')))?.evaluation).toMatchObject({
      settled: true,
      attempts: { made: 3, state: 'met' },
      firstContact: { state: 'met', at: T0 + MINUTE },
    });
    expect(state.memory.hot.has(id('c1'))).toBe(false);
    expect(state.memory.settled.has(id('c1'))).toBe(true);
    expect(state.memory.touches.of('c1')).toBeNull();
  });

  it('a changed world judges every lead again, a chunk at a time, with the verdicts of judging from scratch', async () => {
    const { h, state, watched, cycleAt } = setup(2);
    const contacts = ['c1', 'c2', 'c3', 'c4', 'c5'];
    for (const c of contacts) h.crm.addHandoff(handoff(c, T0));
    h.crm.addTouch(call('1', 'c1', T0 + MINUTE));
    h.crm.addTouch(call('3', 'c3', T0 + 2 * MINUTE));
    for (const n of [1, 2, 3]) h.crm.addTouch(call(`4-${n}`, 'c4', T0 + n * 5 * MINUTE));
    await cycleAt(T0);
    await cycleAt(T0 + 20 * MINUTE);
    await cycleAt(T0 + 61 * MINUTE);
    // c1, c3, c4 were called and their window closed; c2 and c5 were never called.
    expect(contacts.map((c) => state.memory.touches.of(c) === null)).toEqual([
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(contacts.map((c) => state.memory.settled.has(id(c)))).toEqual([true, false, true, true, false]);
    watched.take();
    const reads = h.store.touchReads.length;
    const byIds = h.store.byIdsRead.length;

    state.judging.judgedWorld = null; // e.g. a config reload
    await cycleAt(T0 + 62 * MINUTE);

    const judged = watched.take();
    expect(judged.map((j) => j.id).sort()).toEqual(contacts.map(id));
    const read = h.store.touchReads.slice(reads);
    expect(read.flat().sort()).toEqual(['c1', 'c3', 'c4']);
    expect(read.every((r) => r.length <= 2)).toBe(true);
    // The settled ones were read back from the store a chunk at a time, and stay settled.
    const readBack = h.store.byIdsRead.slice(byIds);
    expect(readBack.flat().sort()).toEqual(['c1', 'c3', 'c4'].map(id));
    expect(readBack.every((r) => r.length <= 2)).toBe(true);
    expect(contacts.map((c) => state.memory.settled.has(id(c)))).toEqual([true, false, true, true, false]);
    for (const c of contacts) {
      const stored = await h.store.instance(id(c));
      const expected = slaEngine.evaluate(
        {
          instance: stored?.instance ?? expect.fail(`no instance for ${c}`),
          policy,
          touches: h.crm.touchLog.filter((t) => t.contactId === c),
          acknowledgements: [],
          silences: [],
          team: 'benelux',
          outages: [],
        },
        T0 + 62 * MINUTE,
      );
      const settled = state.memory.settled.get(id(c));
      if (settled) {
        expect(settled.verdict).toBe(verdictOf(expected));
        expect(evaluationFingerprint(stored?.evaluation ?? expect.fail('not judged'))).toBe(
          evaluationFingerprint(expected),
        );
      } else expect(state.memory.hot.get(id(c))?.evaluation).toEqual({ ...expected, due: [] });
    }
    expect(contacts.map((c) => state.memory.touches.of(c) === null)).toEqual([
      true,
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('loading the worker state', () => {
  it('reads open instances a page at a time, and the touches of the unsettled ones', async () => {
    const { h, deps, state, cycleAt } = setup();
    for (const c of ['c1', 'c2', 'c3', 'c4', 'c5']) h.crm.addHandoff(handoff(c, T0));
    h.crm.addTouch(call('1', 'c1', T0 + MINUTE));
    h.crm.addTouch(call('2', 'c2', T0 + MINUTE));
    await cycleAt(T0 + 2 * MINUTE);
    h.crm.addHandoff(handoff('c6', T0 + 30 * MINUTE));
    h.crm.addTouch(call('6', 'c6', T0 + 31 * MINUTE));
    await cycleAt(T0 + 31 * MINUTE);
    await cycleAt(T0 + 61 * MINUTE);

    const loaded = await WorkerState.load(h.store, undefined, 2);

    // Six open instances in pages of two: the fourth read finds no more.
    expect(h.store.pagesRead.map((p) => [p.after?.id ?? null, p.limit])).toEqual([
      [null, 2],
      [id('c2'), 2],
      [id('c4'), 2],
      [`contact:c6:sql:${T0 + 30 * MINUTE}`, 2],
    ]);
    expect([...loaded.memory.hot.keys()]).toEqual([...state.memory.hot.keys()]);
    for (const [key, o] of state.memory.hot) expect(loaded.memory.hot.get(key)).toEqual(o);
    // c1 and c2 settled (called, attempts window closed); c6's window is still open.
    const kept = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map(
      (c) => loaded.memory.touches.of(c)?.map((t) => t.id) ?? null,
    );
    expect(kept).toEqual([null, null, [], [], [], ['call:6']]);
    expect(h.store.touchReads.at(-1)).toEqual(['c5', 'c6']);

    // Judged again after the load (a new world), nothing has changed: nothing is written or sent.
    const commits = h.store.commits.length;
    h.clock.set(T0 + 61 * MINUTE);
    await runCycle(deps, loaded);
    expect(h.store.commits.slice(commits).map((c) => [c.evaluations.length, c.outbox.length])).toEqual([
      [0, 0],
    ]);
  });
});
