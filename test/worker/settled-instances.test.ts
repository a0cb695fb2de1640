import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { HOME_ROWS } from '../../src/ports/notifier.ts';
import { runCycle } from '../../src/worker/cycle/run-cycle.ts';
import type { VerdictTally } from '../../src/worker/judge/evaluate-open.ts';
import { inactiveOwnerKey } from '../../src/worker/shared/owner-problems.ts';
import { slaEngine } from '../../src/worker/sla-engine.ts';
import { WorkerState } from '../../src/worker/worker-state.ts';
import { call, handoff, owner } from '../fakes/sla-fixtures.ts';
import { cycleHarness, T0 } from './harness.ts';

const id = (c: string) => `contact:${c}:sql:${T0}`;

/** Two leads of o1 handed over at T0; c1 is called at once (settled, its ping updated), c2 is not. */
async function oneSettled() {
  const h = cycleHarness();
  h.deps = { ...h.deps, home: { perCycle: 10, minInterval: 0 } };
  const tallies: VerdictTally[] = [];
  h.events.on('verdicts', (t) => tallies.push(t));
  const held: { whole: number; compact: number }[] = [];
  h.events.on('open:held', (e) => held.push(e));
  h.crm.addHandoff(handoff('c1', T0));
  h.crm.addHandoff(handoff('c2', T0));
  const state = new WorkerState();
  const cycleAt = async (at: number) => {
    h.clock.set(at);
    const report = await runCycle(h.deps, state);
    expect(report.outcome).toBe('ok');
  };
  await cycleAt(T0);
  h.crm.addTouch(call('1', 'c1', T0 + 30 * SECOND));
  await cycleAt(T0 + MINUTE);
  return { h, state, tallies, held, cycleAt };
}

describe('settled leads kept compact, read back when something about them changes (ADR 0007)', () => {
  it('a lead settled and shown as such leaves memory whole but stays open, watched and counted', async () => {
    const { h, state, tallies, held, cycleAt } = await oneSettled();

    expect(held.at(-1)).toEqual({ whole: 1, compact: 1 });
    expect(state.memory.hot.has(id('c1'))).toBe(false);
    expect(state.memory.settled.get(id('c1'))).toMatchObject({ verdict: 'met', ownerId: 'o1', stage: 'sql' });
    expect(state.memory.hot.has(id('c2'))).toBe(true);
    expect(state.memory.isOpen(id('c1'))).toBe(true);
    expect(state.memory.openContactIds().has('c1')).toBe(true);
    // Its ping was brought up to date (contacted ✓) before it left memory.
    expect(h.store.instances.get(id('c1'))?.pingState).toMatch(/^met\|/);
    expect(tallies.at(-1)).toEqual({ pending: 1, met: 1, breached: 0, excused: 0 });

    await cycleAt(T0 + 90 * SECOND);
    expect(h.crm.lastWatched.map((w) => w.lead.contactId).sort()).toEqual(['c1', 'c2']);
    expect(tallies.at(-1)).toEqual({ pending: 1, met: 1, breached: 0, excused: 0 });
    expect(h.store.byIdsRead).toEqual([]); // nothing about it changed: never read back
  });

  it('an owner change reads it back, judges it with the new owner and lets it settle again', async () => {
    const { h, state, cycleAt } = await oneSettled();
    h.crm.ownerList = [owner('o1', 'bram@example.com'), owner('o2', 'fien@example.com')];
    h.crm.addChange({ kind: 'owner_changed', objectType: 'contact', objectId: 'c1', ownerId: 'o2', at: T0 });

    await cycleAt(T0 + 2 * MINUTE);

    expect(h.store.byIdsRead).toEqual([[id('c1')]]);
    expect(h.store.instances.get(id('c1'))?.instance.ownerId).toBe('o2');
    expect(state.memory.settled.get(id('c1'))?.ownerId).toBe('o2');
    expect(state.memory.hot.has(id('c1'))).toBe(false);
    // Both reps' Homes: the lead left one and joined the other.
    expect(h.notifier.homes.at(-1)).toMatchObject({ email: 'fien@example.com', leadIds: [id('c1')] });
  });

  it('leaving the funnel reads it back, closes it and marks its ping closed', async () => {
    const { h, state, cycleAt } = await oneSettled();
    const updates = h.notifier.updates.length;
    h.crm.addChange({ kind: 'left_funnel', objectType: 'contact', objectId: 'c1', toStage: 'lead', at: T0 });

    await cycleAt(T0 + 2 * MINUTE);

    expect(state.memory.isOpen(id('c1'))).toBe(false);
    expect(state.memory.openContactIds().has('c1')).toBe(false);
    expect(h.store.instances.get(id('c1'))?.instance.closedAt).toBe(T0);
    expect(h.notifier.updates.length).toBe(updates + 1);
    expect(h.store.instances.get(id('c1'))?.pingState).toMatch(/\|closed$/);
  });

  it("a rep's App Home still lists the settled leads, read from the store", async () => {
    const { h, cycleAt } = await oneSettled();
    h.crm.addHandoff(handoff('c3', T0 + 2 * MINUTE));

    await cycleAt(T0 + 2 * MINUTE);

    expect(h.notifier.homes.at(-1)).toMatchObject({
      email: 'bram@example.com',
      leadIds: [id('c1'), id('c2'), `contact:c3:sql:${T0 + 2 * MINUTE}`],
    });
  });

  it('a rep whose unsettled leads fill the Home tab: the settled ones are counted, not read', async () => {
    const { h, cycleAt } = await oneSettled();
    for (let n = 0; n < HOME_ROWS; n += 1) h.crm.addHandoff(handoff(`x${n}`, T0 + 2 * MINUTE));
    const reads = h.store.ownerReads;

    await cycleAt(T0 + 2 * MINUTE);

    const home = h.notifier.homes.at(-1);
    expect(home?.leadIds).toHaveLength(HOME_ROWS + 1); // the new ones and c2, all unsettled
    expect(home?.leadIds).not.toContain(id('c1'));
    expect(home?.more).toBe(1);
    expect(h.store.ownerReads).toBe(reads);
  });

  it('an owner deactivated later is told to the admins for the settled leads too, once', async () => {
    const { h, cycleAt } = await oneSettled();
    h.crm.ownerList = [{ ...owner('o1', 'bram@example.com'), active: false }];

    await cycleAt(T0 + 2 * MINUTE); // the owners changed: judged again, and the alert written
    const reads = h.store.byIdsRead.length;
    await cycleAt(T0 + 3 * MINUTE);

    const alerts = [...h.store.outbox.values()].filter((e) => e.key.startsWith('admin:owner-inactive'));
    expect(alerts.map((e) => e.key).sort()).toEqual(
      [inactiveOwnerKey(id('c1')), inactiveOwnerKey(id('c2'))].sort(),
    );
    expect(h.store.byIdsRead.slice(reads)).toEqual([]); // told once: not read back for it again
  });

  it('closed from Slack ("Not a fit") while settled: forgotten, its rep\'s Home updated', async () => {
    const { h, state, cycleAt } = await oneSettled();
    await h.store.closeInstance(id('c1'), T0 + 90 * SECOND, 'not_a_fit');
    state.memory.closedOutside.add(id('c1'));

    await cycleAt(T0 + 2 * MINUTE);

    expect(state.memory.isOpen(id('c1'))).toBe(false);
    expect(h.notifier.homes.at(-1)).toMatchObject({ email: 'bram@example.com', leadIds: [id('c2')] });
  });

  it('a restart keeps settled leads compact and the others whole', async () => {
    const { h, state } = await oneSettled();

    const loaded = await WorkerState.load(h.store);

    expect([...loaded.memory.hot.keys()]).toEqual([...state.memory.hot.keys()]);
    expect([...loaded.memory.settled.values()]).toEqual([...state.memory.settled.values()]);
    expect(loaded.memory.tally()).toEqual(state.memory.tally());
  });

  it('a restart in the same world judges no settled lead again (issue 20); a new config judges them all', async () => {
    const { h } = await oneSettled();
    const judged: string[] = [];
    h.deps = {
      ...h.deps,
      engine: {
        evaluate: (input, now) => {
          judged.push(input.instance.id);
          return slaEngine.evaluate(input, now);
        },
        applyLeadEvents: slaEngine.applyLeadEvents,
      },
    };
    const restarted = await WorkerState.load(h.store);
    expect(restarted.judging.judgedWorld).toMatch(/^[0-9a-f]{64}$/);
    expect(restarted.memory.settled.size).toBe(1);
    h.clock.set(T0 + 2 * MINUTE);
    await runCycle(h.deps, restarted);
    expect(judged).not.toContain(id('c1'));

    // Another SLA file or sla-bot version (`configIdentity`): every settled lead is judged again.
    const reconfigured = await WorkerState.load(h.store);
    reconfigured.judging.config = 'another config';
    await runCycle(h.deps, reconfigured);
    expect(judged).toContain(id('c1'));
  });

  it('a changed world is judged a share of the settled leads a cycle, the rest in the next, never with the pings', async () => {
    const h = cycleHarness();
    const judged: string[] = [];
    h.deps = {
      ...h.deps,
      coldPerCycle: 2,
      engine: {
        evaluate: (input, now) => {
          judged.push(input.instance.id);
          return slaEngine.evaluate(input, now);
        },
        applyLeadEvents: slaEngine.applyLeadEvents,
      },
    };
    const leads = ['c1', 'c2', 'c3', 'c4', 'c5'];
    for (const c of leads) h.crm.addHandoff(handoff(c, T0));
    const state = new WorkerState();
    await runCycle(h.deps, state);
    for (const c of leads) h.crm.addTouch(call(`t-${c}`, c, T0 + 30 * SECOND));
    h.clock.set(T0 + MINUTE);
    await runCycle(h.deps, state);
    expect(state.memory.settled.size).toBe(5);
    const world = h.store.cursorState['worker:judged-world'];

    state.judging.config = 'another config'; // a reload
    judged.length = 0;
    h.crm.addHandoff(handoff('c6', T0 + 2 * MINUTE)); // with a new lead: its ping goes first
    const pingedAfter: string[][] = [];
    h.notifier.onSend = () => {
      pingedAfter.push([...judged]);
    };
    h.clock.set(T0 + 2 * MINUTE);
    const first = await runCycle(h.deps, state);
    expect(pingedAfter[0]).toEqual([`contact:c6:sql:${T0 + 2 * MINUTE}`]); // only the new lead before its ping
    expect(first.judgingLeft).toBe(3);
    expect(first.more).toBe(true);
    expect(h.store.cursorState['worker:judged-world']).toBe('partly-judged');
    const second = await runCycle(h.deps, state);
    expect(second.judgingLeft).toBe(1);
    const third = await runCycle(h.deps, state);
    expect(third.judgingLeft).toBe(0);
    expect(leads.map(id).filter((i) => !judged.includes(i))).toEqual([]);
    expect(leads.map(id).map((i) => judged.filter((j) => j === i).length)).toEqual([1, 1, 1, 1, 1]);
    expect(h.store.cursorState['worker:judged-world']).toMatch(/^[0-9a-f]{64}$/);
    expect(h.store.cursorState['worker:judged-world']).not.toBe(world);
  });
});
