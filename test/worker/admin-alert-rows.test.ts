import { describe, expect, it } from 'vitest';
import { adminMessage } from '../../src/i18n/admin-message.ts';
import { runCycle } from '../../src/worker/cycle/run-cycle.ts';
import { WorkerState } from '../../src/worker/worker-state.ts';
import { cycleHarness, T0 } from './harness.ts';

/** Admin alert rows in the outbox, as this version writes them and as an older one did (issue 19). */
describe('admin alert rows', () => {
  const row = (key: string, payload: unknown) => ({
    key,
    instanceId: null,
    kind: 'admin_alert' as const,
    target: null,
    payload,
    dueAt: T0,
  });

  it('a row queued by an older version (finished text) is delivered with that text, unchanged', async () => {
    const h = cycleHarness();
    const text = ':rotating_light: HubSpot has been failing since 2026-03-02T08:55:00.000Z (503).';
    await h.store.enqueue([row('admin:outage:hubspot:1', { text })], T0);
    await runCycle(h.deps, new WorkerState());
    expect(h.notifier.alerts).toHaveLength(1);
    const [alert] = h.notifier.alerts;
    expect(alert).toMatchObject({ key: 'admin:outage:hubspot:1', text });
    expect(alert !== undefined && 'message' in alert).toBe(false);
  });

  it('a row with a message key is handed to the notifier as key and values, rendered there', async () => {
    const h = cycleHarness();
    const message = adminMessage('alert.downtime', { from: T0 - 3_600_000, until: T0, minutes: 60 });
    await h.store.enqueue([row('admin:outage:worker:1', { message })], T0);
    await runCycle(h.deps, new WorkerState());
    expect(h.notifier.alerts).toMatchObject([{ key: 'admin:outage:worker:1', message }]);
    expect(h.notifier.alerts[0]?.text).toContain(
      'sla-bot itself was not running from 2026-03-02T08:00:00.000Z',
    );
  });

  it('a row that is neither is skipped as malformed, not sent', async () => {
    const h = cycleHarness();
    await h.store.enqueue([row('admin:broken', { nothing: true })], T0);
    await runCycle(h.deps, new WorkerState());
    expect(h.notifier.alerts).toEqual([]);
    expect(h.store.outbox.get('admin:broken')?.state).toBe('failed');
  });
});
