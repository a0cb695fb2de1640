import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import type { SlackSandbox } from '../../src/sandbox/index.ts';
import { runCycle } from '../../src/worker/cycle/run-cycle.ts';
import { WorkerState } from '../../src/worker/worker-state.ts';
import { call, handoff, owner } from '../fakes/sla-fixtures.ts';
import { cycleHarness, T0 } from './harness.ts';
import { withSlack } from './slack-harness.ts';

const id = (c: string) => `contact:${c}:sql:${T0}`;

describe('App Home kept current by the worker', () => {
  it("republishes a rep's Home when a lead is handed to them or its verdict changes, not on quiet cycles", async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(h.deps, state);
    expect(h.notifier.homes).toEqual([{ email: 'bram@example.com', leadIds: [id('c1')], now: T0, more: 0 }]);

    h.clock.set(T0 + 30 * SECOND);
    await runCycle(h.deps, state); // nothing changed
    h.crm.addTouch(call('1', 'c1', T0 + 40 * SECOND));
    h.clock.set(T0 + 45 * SECOND);
    await runCycle(h.deps, state); // contacted, but the Home was published 45 s ago: it waits
    expect(h.notifier.homes).toHaveLength(1);

    h.clock.set(T0 + 75 * SECOND);
    await runCycle(h.deps, state);
    expect(h.notifier.homes.map((x) => x.now)).toEqual([T0, T0 + 75 * SECOND]);
    expect(state.homes.dirty.size).toBe(0);
  });

  it('republishes the Home of the rep who lost a lead that left the funnel', async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0));
    h.crm.addHandoff(handoff('c2', T0));
    const state = new WorkerState();
    await runCycle(h.deps, state);
    h.crm.addChange({ kind: 'left_funnel', objectType: 'contact', objectId: 'c1', toStage: 'lead', at: T0 });
    h.clock.set(T0 + 2 * MINUTE);
    await runCycle(h.deps, state);
    expect(h.notifier.homes.at(-1)?.leadIds).toEqual([id('c2')]);
  });

  it('publishes at most the configured number of Homes per cycle; the rest follow next cycle', async () => {
    const h = cycleHarness();
    h.deps = { ...h.deps, home: { perCycle: 2, minInterval: MINUTE } };
    h.crm.ownerList = ['o1', 'o2', 'o3'].map((o) => owner(o, `${o}@example.com`));
    for (const o of ['o1', 'o2', 'o3']) h.crm.addHandoff(handoff(`lead-${o}`, T0, o));
    const state = new WorkerState();
    await runCycle(h.deps, state);
    expect(h.notifier.homes).toHaveLength(2);
    h.clock.set(T0 + 30 * SECOND);
    await runCycle(h.deps, state);
    expect(h.notifier.homes.map((x) => x.email).sort()).toEqual([
      'o1@example.com',
      'o2@example.com',
      'o3@example.com',
    ]);
  });

  it('a failing Home publish is logged and does not fail the cycle or the messages', async () => {
    const h = cycleHarness();
    h.notifier.homeResult = { status: 'failed', error: 'ratelimited' };
    h.crm.addHandoff(handoff('c1', T0));
    const report = await runCycle(h.deps, new WorkerState());
    expect(report.outcome).toBe('ok');
    expect(h.notifier.sent).toHaveLength(1);
    expect(h.log.lines().some((l) => l.msg === 'app home could not be republished')).toBe(true);

    h.notifier.homeResult = new Error('socket hang up');
    h.crm.addHandoff(handoff('c2', T0));
    h.clock.set(T0 + 2 * MINUTE);
    expect((await runCycle(h.deps, new WorkerState())).outcome).toBe('ok');
  });
});

describe('App Home through the Slack adapter', () => {
  let sandbox: SlackSandbox | null = null;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = null;
  });

  it("views.publish puts the rep's open leads on their Home tab after a cycle", async () => {
    const s = await withSlack();
    sandbox = s.sandbox;
    s.h.crm.addHandoff(handoff('c1', T0));
    await runCycle(s.deps, new WorkerState());
    const bram = s.sandbox.state.userByEmail('bram@example.com');
    const home = bram ? s.sandbox.state.seenBy(bram.id).home : null;
    expect(JSON.stringify(home?.view)).toContain('1 open lead');
    expect(JSON.stringify(home?.view)).toContain('Lead c1');
  });
});
