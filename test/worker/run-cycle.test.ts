import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { runCycle } from '../../src/worker/cycle/run-cycle.ts';
import { WorkerState } from '../../src/worker/worker-state.ts';
import { call, handoff } from '../fakes/sla-fixtures.ts';
import { cycleHarness, T0 } from './harness.ts';

describe('one worker cycle', () => {
  it('opens an instance for a handoff, records the ping in the outbox and delivers it once', async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0 - 10 * SECOND));
    const state = new WorkerState();
    const report = await runCycle(h.deps, state);
    expect(report.outcome).toBe('ok');
    expect(report.handoffs).toBe(1);
    expect(h.notifier.sentKeys()).toEqual([`contact:c1:sql:${T0 - 10 * SECOND}:handoff:owner`]);
    const row = h.store.outbox.get(`contact:c1:sql:${T0 - 10 * SECOND}:handoff:owner`);
    expect(row?.state).toBe('sent');
    expect(h.store.cursorState).toEqual({ handoffs: '1', touches: '0' });
    expect(h.store.instances.get(`contact:c1:sql:${T0 - 10 * SECOND}`)?.pingRef).toEqual(row?.ref);

    h.clock.advance(30 * SECOND);
    await runCycle(h.deps, state);
    expect(h.notifier.sent).toHaveLength(1);
  });

  it('sends the reminder and the breach when their moments come, and escalates to the manager', async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(h.deps, state);
    h.clock.set(T0 + 2 * MINUTE);
    const r2 = await runCycle(h.deps, state);
    expect(r2.nextDueAt).toBe(T0 + 5 * MINUTE);
    h.clock.set(T0 + 5 * MINUTE);
    await runCycle(h.deps, state);
    expect(h.notifier.sent.map((d) => d.notification.kind)).toEqual([
      'handoff',
      'reminder',
      'breach',
      'escalation',
    ]);
    expect(h.notifier.sent.at(-1)?.target).toEqual({ kind: 'manager' });
  });

  it('updates the handoff ping in place once the lead is contacted', async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(h.deps, state);
    h.clock.set(T0 + MINUTE);
    h.crm.addTouch(call('1', 'c1', T0 + 50 * SECOND));
    await runCycle(h.deps, state);
    expect(h.notifier.updates).toHaveLength(1);
    expect(h.notifier.updates[0]?.context.evaluation.firstContact.state).toBe('met');
    h.clock.set(T0 + 10 * MINUTE);
    await runCycle(h.deps, state);
    expect(h.notifier.updates).toHaveLength(1);
    expect(h.notifier.sent.map((d) => d.notification.kind)).toEqual(['handoff']);
  });

  it('does not advance the cursor or remember anything when the store rejects the write', async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    h.store.failNext('commitCycle', new Error('SQLITE_BUSY: database is locked'));
    const failed = await runCycle(h.deps, state);
    expect(failed.outcome).toBe('failed');
    expect(state.cursors).toEqual({});
    expect(state.open.size).toBe(0);
    expect(h.notifier.sent).toHaveLength(0);
    const ok = await runCycle(h.deps, state);
    expect(ok.outcome).toBe('ok');
    expect(h.notifier.sent).toHaveLength(1);
  });

  it('keeps judging and delivering what it knows while HubSpot fails', async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(h.deps, state);
    h.clock.set(T0 + 2 * MINUTE);
    h.crm.failNext('owners', Object.assign(new Error('HubSpot 503'), { code: 'hubspot_unavailable' }));
    const r = await runCycle(h.deps, state);
    expect(r.outcome).toBe('degraded');
    expect(h.notifier.sent.map((d) => d.notification.kind)).toEqual(['handoff', 'reminder']);
  });
});
