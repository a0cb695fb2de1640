import { describe, expect, it } from 'vitest';
import type { SlaConfig } from '../../src/config/types.ts';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { HubSpotDailyLimitError } from '../../src/hubspot/errors.ts';
import { WRITE_BACK_CURSOR } from '../../src/worker/write-back/write-back-queue.ts';
import { FakeLeadWriter, hubspotFailure } from '../fakes/fake-lead-writer.ts';
import { call, handoff, testConfig } from '../fakes/sla-fixtures.ts';
import { T0, workerHarness } from './harness.ts';

const ID = `contact:c1:sql:${T0}`;

const writeBack = (createTaskOnBreach: boolean): SlaConfig => {
  const base = testConfig();
  return testConfig({
    hubspot: { ...base.hubspot, writeBack: { enabled: true, createTaskOnBreach, notAFitLeadStatus: null } },
  });
};

const setup = (config: SlaConfig) => {
  const leadWriter = new FakeLeadWriter();
  const h = workerHarness({ config, leadWriter });
  h.crm.addHandoff(handoff('c1', T0));
  return { h, leadWriter };
};

describe('HubSpot write-back from the worker', () => {
  it('writes the outcome when the verdict changes, not on every cycle', async () => {
    const { h, leadWriter } = setup(writeBack(false));
    await h.cycleAt(T0 + 10 * SECOND);
    await h.cycleAt(T0 + 40 * SECOND);
    await h.cycleAt(T0 + 70 * SECOND);
    expect(leadWriter.of('outcome')).toEqual([{ kind: 'outcome', instanceId: ID, status: 'pending' }]);

    h.crm.addTouch(call('1', 'c1', T0 + 80 * SECOND));
    await h.cycleAt(T0 + 100 * SECOND);
    await h.cycleAt(T0 + 130 * SECOND);
    expect(leadWriter.of('outcome').map((c) => c.kind === 'outcome' && c.status)).toEqual(['pending', 'met']);
    expect(h.store.cursorState[WRITE_BACK_CURSOR]).toBe('{"v":1,"items":[]}');
  });

  it('writes nothing with write-back off in the SLA file', async () => {
    const { h, leadWriter } = setup(testConfig());
    await h.cycleAt(T0 + 10 * SECOND);
    await h.cycleAt(T0 + 6 * MINUTE);
    expect(leadWriter.calls).toEqual([]);
  });

  it('follows a hot reload that turns write-back on', async () => {
    const { h, leadWriter } = setup(testConfig());
    await h.cycleAt(T0 + 10 * SECOND);
    h.holder.swap(writeBack(true));
    await h.cycleAt(T0 + 6 * MINUTE);
    expect(leadWriter.calls.map((c) => c.kind)).toEqual(['outcome', 'breach_task']);
  });

  it('creates one breach task per breach, also across restarts', async () => {
    const { h, leadWriter } = setup(writeBack(true));
    await h.cycleAt(T0 + 10 * SECOND);
    await h.cycleAt(T0 + 5 * MINUTE);
    await h.cycleAt(T0 + 6 * MINUTE);
    h.restart();
    await h.cycleAt(T0 + 7 * MINUTE);
    h.restart();
    await h.cycleAt(T0 + 8 * MINUTE);
    expect(leadWriter.of('breach_task')).toEqual([{ kind: 'breach_task', instanceId: ID }]);
    expect(leadWriter.of('outcome').map((c) => c.kind === 'outcome' && c.status)).toEqual([
      'pending',
      'breached',
    ]);
  });

  it('keeps a failing write for later without failing the cycle, and it survives a restart', async () => {
    const { h, leadWriter } = setup(writeBack(true));
    leadWriter.failNext(hubspotFailure('HubSpot 503', 'HUBSPOT_SERVER', true), 2);
    const first = await h.cycleAt(T0 + 10 * SECOND);
    expect(first.outcome).toBe('ok');
    expect(leadWriter.calls).toEqual([]);
    expect(h.notifier.sent.map((d) => d.notification.kind)).toEqual(['handoff']);

    h.restart();
    await h.cycleAt(T0 + 20 * SECOND); // still backing off: nothing tried
    await h.cycleAt(T0 + 50 * SECOND); // tried, fails again
    expect(leadWriter.calls).toEqual([]);
    await h.cycleAt(T0 + 3 * MINUTE);
    expect(leadWriter.of('outcome')).toEqual([{ kind: 'outcome', instanceId: ID, status: 'pending' }]);
  });

  it("tries a write that hit HubSpot's daily limit again at the limit's next probe, not only after midnight", async () => {
    const { h, leadWriter } = setup(writeBack(false));
    const midnight = Date.UTC(2026, 2, 3);
    leadWriter.failNext(
      new HubSpotDailyLimitError('contacts.update', midnight, { zone: 'UTC', nextProbeAt: T0 + 3 * MINUTE }),
    );
    await h.cycleAt(T0 + 10 * SECOND);
    await h.cycleAt(T0 + 3 * MINUTE - 1);
    expect(leadWriter.calls).toEqual([]);
    await h.cycleAt(T0 + 3 * MINUTE);
    expect(leadWriter.of('outcome')).toEqual([{ kind: 'outcome', instanceId: ID, status: 'pending' }]);
  });

  it('is saved with the verdicts that caused it: a process that dies before trying it leaves it to the next', async () => {
    const { h, leadWriter } = setup(writeBack(false));
    leadWriter.failNext(hubspotFailure('HubSpot 503', 'HUBSPOT_SERVER', true));
    // After the cycle's commits, when write-back begins (before the queue is saved again), the
    // database goes away.
    leadWriter.onCall = () => h.store.failNext('commitCycle', new Error('connection lost'));
    await h.cycleAt(T0 + 10 * SECOND);
    leadWriter.onCall = null;
    expect(leadWriter.calls).toEqual([]);

    h.restart();
    await h.cycleAt(T0 + 20 * SECOND);
    expect(leadWriter.of('outcome')).toEqual([{ kind: 'outcome', instanceId: ID, status: 'pending' }]);
  });

  it('waits while HubSpot polling fails, then writes', async () => {
    const { h, leadWriter } = setup(writeBack(false));
    await h.cycleAt(T0 + 10 * SECOND);
    h.crm.failNext('pollHandoffs', new Error('HubSpot 503'));
    const degraded = await h.cycleAt(T0 + 5 * MINUTE); // breached, judged from what is known
    expect(degraded.outcome).toBe('degraded');
    expect(leadWriter.of('outcome').map((c) => c.kind === 'outcome' && c.status)).toEqual(['pending']);
    await h.cycleAt(T0 + 5 * MINUTE + 30 * SECOND);
    expect(leadWriter.of('outcome').map((c) => c.kind === 'outcome' && c.status)).toEqual([
      'pending',
      'breached',
    ]);
  });

  it('drops a write HubSpot refuses for good and tells the admins once per kind of failure', async () => {
    const { h, leadWriter } = setup(writeBack(false));
    h.crm.addHandoff(handoff('c2', T0));
    leadWriter.failNext(
      hubspotFailure('Property sla_bot_status does not exist', 'HUBSPOT_REQUEST', false),
      2,
    );
    const r = await h.cycleAt(T0 + 10 * SECOND);
    expect(r.outcome).toBe('ok');
    await h.cycleAt(T0 + 40 * SECOND);
    expect(leadWriter.calls).toEqual([]);
    expect(h.notifier.alerts.map((a) => a.key)).toEqual(['admin:write-back-failed:outcome:HUBSPOT_REQUEST']);
    expect(h.notifier.alerts[0]?.text).toContain('sla-bot hubspot-setup');
  });

  it('completes the breach task once when a call logged late proves the deadline was met, also across restarts', async () => {
    const { h, leadWriter } = setup(writeBack(true));
    await h.cycleAt(T0 + 10 * SECOND);
    await h.cycleAt(T0 + 6 * MINUTE); // breached: the outcome and the task
    h.crm.addTouch(call('1', 'c1', T0 + 2 * MINUTE)); // logged now, dated two minutes in
    await h.cycleAt(T0 + 7 * MINUTE);
    h.restart();
    await h.cycleAt(T0 + 8 * MINUTE);
    h.restart();
    await h.cycleAt(T0 + 9 * MINUTE);
    expect(leadWriter.calls.map((c) => (c.kind === 'outcome' ? `outcome ${c.status}` : c.kind))).toEqual([
      'outcome pending',
      'outcome breached',
      'breach_task',
      'outcome met',
      'retract_task',
    ]);
    expect(leadWriter.of('retract_task')).toEqual([{ kind: 'retract_task', instanceId: ID }]);
  });

  it('keeps the task retraction through a failure and restarts, and does it once', async () => {
    const { h, leadWriter } = setup(writeBack(true));
    await h.cycleAt(T0 + 10 * SECOND);
    await h.cycleAt(T0 + 6 * MINUTE);
    h.crm.addTouch(call('1', 'c1', T0 + 2 * MINUTE));
    // HubSpot answers 503 to the met outcome: the batch stops there, the retraction waits too.
    leadWriter.failNext(hubspotFailure('HubSpot 503', 'HUBSPOT_SERVER', true));
    await h.cycleAt(T0 + 7 * MINUTE);
    expect(leadWriter.calls.map((c) => c.kind)).toEqual(['outcome', 'outcome', 'breach_task']);
    h.restart();
    // The outcome backs off; the retraction, never tried, is due and goes.
    await h.cycleAt(T0 + 7 * MINUTE + 10 * SECOND);
    expect(leadWriter.of('retract_task')).toEqual([{ kind: 'retract_task', instanceId: ID }]);
    h.restart();
    await h.cycleAt(T0 + 12 * MINUTE);
    await h.cycleAt(T0 + 20 * MINUTE);
    expect(leadWriter.of('retract_task')).toHaveLength(1);
    expect(leadWriter.of('outcome').map((c) => c.kind === 'outcome' && c.status)).toEqual([
      'pending',
      'breached',
      'met',
    ]);
  });

  it('completes no task with create_task_on_breach off', async () => {
    const { h, leadWriter } = setup(writeBack(false));
    await h.cycleAt(T0 + 10 * SECOND);
    await h.cycleAt(T0 + 6 * MINUTE);
    h.crm.addTouch(call('1', 'c1', T0 + 2 * MINUTE));
    await h.cycleAt(T0 + 7 * MINUTE);
    expect(leadWriter.calls.map((c) => (c.kind === 'outcome' ? c.status : c.kind))).toEqual([
      'pending',
      'breached',
      'met',
    ]);
  });

  it('creates no task for a lead contacted before the task could be made', async () => {
    const { h, leadWriter } = setup(writeBack(true));
    await h.cycleAt(T0 + 10 * SECOND);
    leadWriter.failNext(hubspotFailure('HubSpot 429', 'HUBSPOT_RATE_LIMIT', true));
    await h.cycleAt(T0 + 5 * MINUTE); // breach outcome write fails; the task waits behind it
    h.crm.addTouch(call('1', 'c1', T0 + 6 * MINUTE));
    await h.cycleAt(T0 + 7 * MINUTE);
    await h.cycleAt(T0 + 12 * MINUTE);
    expect(leadWriter.of('breach_task')).toEqual([]);
    expect(leadWriter.of('outcome').at(-1)).toMatchObject({ status: 'breached' });
  });
});
