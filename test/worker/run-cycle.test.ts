import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { HubSpotDailyLimitError } from '../../src/hubspot/errors.ts';
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
    expect(h.store.cursorState).toEqual({
      handoffs: '1',
      touches: '0',
      'worker:heartbeat': String(T0),
      'worker:judged-world': expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(h.store.instances.get(`contact:c1:sql:${T0 - 10 * SECOND}`)?.pingRef).toEqual(row?.ref);

    h.clock.advance(30 * SECOND);
    await runCycle(h.deps, state);
    expect(h.notifier.sent).toHaveLength(1);
  });

  it('hands the open leads to the source so it can read them back (deletions, removed owners)', async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(h.deps, state);
    expect(h.crm.lastWatched).toEqual([]);
    h.clock.advance(30 * SECOND);
    await runCycle(h.deps, state);
    expect(h.crm.lastWatched.map((w) => w.lead.contactId)).toEqual(['c1']);
  });

  it('closes the instance of a lead the source reports deleted, and sends nothing more for it', async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(h.deps, state);
    h.crm.addChange({
      kind: 'deleted',
      objectType: 'contact',
      objectId: 'c1',
      mergedInto: null,
      at: T0 + MINUTE,
    });
    h.clock.set(T0 + MINUTE);
    await runCycle(h.deps, state);
    expect(h.store.instances.get(`contact:c1:sql:${T0}`)?.instance.closeReason).toBe('deleted');
    h.clock.set(T0 + 10 * MINUTE);
    await runCycle(h.deps, state);
    expect(h.notifier.sent.map((d) => d.notification.kind)).toEqual(['handoff']);
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
    expect(state.poll.cursors).toEqual({});
    expect(state.memory.hot.size).toBe(0);
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

describe('self-protection during outages', () => {
  it('tells admins once when HubSpot fails past the threshold, records the outage and excuses breaches inside it', async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(h.deps, state);
    for (let t = T0 + MINUTE; t <= T0 + 12 * MINUTE; t += MINUTE) {
      h.clock.set(t);
      h.crm.failNext('pollHandoffs', new Error('HubSpot 503'));
      h.crm.failNext('owners', new Error('HubSpot 503'));
      const r = await runCycle(h.deps, state);
      expect(r.outcome).toBe('degraded');
    }
    const alerts = [...h.store.outbox.values()].filter((e) => e.kind === 'admin_alert');
    expect(alerts.map((a) => a.key)).toEqual([`admin:outage:hubspot:${T0 + MINUTE}`]);
    expect(h.notifier.alerts).toHaveLength(1);
    h.clock.set(T0 + 13 * MINUTE);
    await runCycle(h.deps, state);
    expect(h.store.outageList).toEqual([{ system: 'hubspot', from: T0 + MINUTE, until: T0 + 13 * MINUTE }]);
    const breach = h.notifier.sent.find((d) => d.notification.kind === 'breach');
    expect(breach?.notification.reason).toMatchObject({ kind: 'breach', excused: true });
    expect(h.notifier.alerts.map((a) => a.key)).toEqual([
      `admin:outage:hubspot:${T0 + MINUTE}`,
      `admin:outage-end:hubspot:${T0 + MINUTE}`,
    ]);
  });

  it("tells admins in the same cycle when HubSpot's daily limit stops it, once, and wakes for the probe", async () => {
    const h = cycleHarness();
    const state = new WorkerState();
    await runCycle(h.deps, state);
    const midnight = Date.UTC(2026, 2, 3); // T0's next midnight in UTC
    for (let t = T0 + MINUTE; t <= T0 + 12 * MINUTE; t += MINUTE) {
      h.clock.set(t);
      const paused = new HubSpotDailyLimitError('contacts.search', midnight, {
        zone: 'UTC',
        nextProbeAt: T0 + 16 * MINUTE,
      });
      h.crm.failNext('pollHandoffs', paused);
      h.crm.failNext('owners', paused);
      const r = await runCycle(h.deps, state);
      expect(r).toMatchObject({ outcome: 'degraded', nextDueAt: T0 + 16 * MINUTE });
      // Past the generic threshold no second alert comes: the first one said how long it lasts.
      expect(h.notifier.alerts.map((a) => a.key)).toEqual([
        `admin:hubspot-daily-limit:${new Date(midnight).toISOString()}`,
      ]);
    }
    expect(JSON.stringify(h.notifier.alerts[0])).toContain(
      'midnight portal time, 00:00 Tue 3 Mar 2026 (UTC)',
    );
    h.clock.set(T0 + 16 * MINUTE);
    await runCycle(h.deps, state);
    expect(h.store.outageList).toEqual([{ system: 'hubspot', from: T0 + MINUTE, until: T0 + 16 * MINUTE }]);
  });

  it('does not send a breach while touches up to the deadline are unknown, and skips it once a call in time shows up', async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(h.deps, state);
    h.crm.addTouch(call('1', 'c1', T0 + 4 * MINUTE));
    h.clock.set(T0 + 5 * MINUTE);
    h.crm.failNext('pollTouches', new Error('HubSpot 429'));
    await runCycle(h.deps, state);
    expect(h.notifier.sent.map((d) => d.notification.kind)).toEqual(['handoff']);
    h.clock.set(T0 + 6 * MINUTE);
    await runCycle(h.deps, state);
    expect(h.notifier.sent.map((d) => d.notification.kind)).toEqual(['handoff']);
    expect(h.store.outbox.get(`contact:c1:sql:${T0}:breach:owner`)?.lastError).toBe(
      'skipped: contact was made before the deadline',
    );
  });

  it('marks a reminder whose deadline passed during downtime as stale instead of sending it, but sends the late breach', async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0));
    const state = new WorkerState();
    await runCycle(h.deps, state);
    h.clock.set(T0 + 30 * MINUTE); // the worker was down for half an hour
    await runCycle(h.deps, state);
    expect(h.store.outbox.get(`contact:c1:sql:${T0}:reminder:0:owner`)).toMatchObject({
      state: 'failed',
      lastError: 'skipped: stale reminder, its deadline has passed',
    });
    const breach = h.notifier.sent.find((d) => d.notification.kind === 'breach');
    expect((breach?.now ?? 0) - (breach?.notification.dueAt ?? 0)).toBe(25 * MINUTE);
  });

  it('pings a new lead before polling touches (issue 17), then judges what the touch poll brings', async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0 - 10 * SECOND));
    const touchPollsAtPing: number[] = [];
    h.notifier.onSend = () => {
      touchPollsAtPing.push(h.crm.calls.pollTouches);
    };
    const state = new WorkerState();
    const commits = h.store.commits.length;
    const report = await runCycle(h.deps, state);
    expect(touchPollsAtPing).toEqual([0]);
    expect(h.crm.calls.pollTouches).toBe(1);
    expect(report.delivery?.sent).toBe(1);
    // The handoffs with the pings, then the touches: two commits; a cycle without a new lead, one.
    expect(h.store.commits.length - commits).toBe(2);
    expect(h.store.cursorState).toMatchObject({ handoffs: '1', touches: '0' });
    h.clock.advance(10 * SECOND);
    await runCycle(h.deps, state);
    expect(h.store.commits.length - commits).toBe(3);
  });

  it('a touch poll failing after the pings went out degrades the cycle and is read again the next', async () => {
    const h = cycleHarness();
    h.crm.addHandoff(handoff('c1', T0 - 10 * SECOND));
    h.crm.addTouch(call('1', 'c1', T0 - 5 * SECOND));
    h.crm.failNext('pollTouches', new Error('HubSpot 502'));
    const state = new WorkerState();
    const report = await runCycle(h.deps, state);
    expect(report.outcome).toBe('degraded');
    expect(h.notifier.sent.map((d) => d.notification.kind)).toEqual(['handoff']);
    expect(h.store.cursorState).toMatchObject({ handoffs: '1' });
    expect(h.store.cursorState.touches).toBeUndefined();
    h.clock.advance(10 * SECOND);
    const next = await runCycle(h.deps, state);
    expect(next.outcome).toBe('ok');
    expect(h.store.cursorState).toMatchObject({ touches: '1' });
  });

  it('counts the pings of every page delivered before its touch poll in the cycle report', async () => {
    const h = cycleHarness();
    h.crm.pageSize = 1;
    h.crm.addHandoff(handoff('c1', T0 - 20 * SECOND));
    h.crm.addHandoff(handoff('c2', T0 - 10 * SECOND));
    const report = await runCycle(h.deps, new WorkerState());
    expect(h.notifier.sent.map((d) => d.notification.kind)).toEqual(['handoff', 'handoff']);
    expect(report.delivery?.sent).toBe(2);
  });
});
