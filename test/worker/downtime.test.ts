import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { HEARTBEAT_CURSOR, heartbeatOf, workerDowntime } from '../../src/worker/downtime.ts';
import { handoff } from '../fakes/sla-fixtures.ts';
import { T0, workerHarness } from './harness.ts';

const ID = `contact:c1:sql:${T0}`;

describe("the worker's own downtime", () => {
  it('writes a heartbeat with every committed cycle', async () => {
    const h = workerHarness();
    await h.cycleAt(T0);
    expect(h.store.cursorState[HEARTBEAT_CURSOR]).toBe(String(T0));
    await h.cycleAt(T0 + 30 * SECOND);
    expect(heartbeatOf(h.store.cursorState)).toBe(T0 + 30 * SECOND);
  });

  it('after 20 minutes away: records a worker outage, tells the admins once and excuses the breach that fell in the gap', async () => {
    const h = workerHarness();
    h.crm.addHandoff(handoff('c1', T0));
    await h.cycleAt(T0 + 10 * SECOND); // handoff ping; the deadline is T0 + 5 min
    h.restart(); // the process died right after; it comes back 20 minutes later

    await h.cycleAt(T0 + 20 * MINUTE);

    expect(h.store.outageList).toEqual([
      { system: 'worker', from: T0 + 10 * SECOND, until: T0 + 20 * MINUTE },
    ]);
    const breach = h.notifier.sent.find((d) => d.notification.kind === 'breach');
    expect(breach?.notification.reason).toMatchObject({ kind: 'breach', excused: true });
    expect(h.store.instances.get(ID)?.evaluation?.firstContact).toMatchObject({
      state: 'breached',
      excused: true,
    });
    expect(h.notifier.alerts.map((a) => a.key)).toEqual([`admin:outage:worker:${T0 + 10 * SECOND}`]);
    expect(h.notifier.alerts[0]?.text).toContain('sla-bot itself was not running');

    h.restart(); // a quick restart afterwards is no outage and no second alert
    await h.cycleAt(T0 + 21 * MINUTE);
    expect(h.store.outageList).toHaveLength(1);
    expect(h.notifier.alerts).toHaveLength(1);
  });

  it('a restart within the threshold is no outage: the breach counts against the rep', async () => {
    const h = workerHarness();
    h.crm.addHandoff(handoff('c1', T0));
    await h.cycleAt(T0 + 10 * SECOND);
    h.restart();
    await h.cycleAt(T0 + 3 * MINUTE);
    await h.cycleAt(T0 + 5 * MINUTE);

    expect(h.store.outageList).toEqual([]);
    const breach = h.notifier.sent.find((d) => d.notification.kind === 'breach');
    expect(breach?.notification.reason).toMatchObject({ kind: 'breach', excused: false });
    expect(h.notifier.alerts).toEqual([]);
  });

  it('a fresh store (first start ever) records no outage', async () => {
    const h = workerHarness();
    await h.cycleAt(T0 + 365 * 24 * 60 * MINUTE);
    expect(h.store.outageList).toEqual([]);
  });

  it('a failed outage write is retried by the next cycle: the same outage, extended, and one alert', async () => {
    const h = workerHarness();
    await h.cycleAt(T0);
    h.restart();
    h.store.failNext('recordOutage', new Error('SQLITE_BUSY: database is locked'));
    const failed = await h.cycleAt(T0 + 10 * MINUTE);
    expect(failed.outcome).toBe('failed');
    await h.cycleAt(T0 + 11 * MINUTE);

    expect(h.store.outageList).toEqual([{ system: 'worker', from: T0, until: T0 + 11 * MINUTE }]);
    expect(h.notifier.alerts.map((a) => a.key)).toEqual([`admin:outage:worker:${T0}`]);
  });
});

describe('workerDowntime', () => {
  it.each([
    ['no heartbeat yet', null, T0, null],
    ['exactly the threshold', T0, T0 + 5 * MINUTE, null],
    [
      'just past the threshold',
      T0,
      T0 + 5 * MINUTE + 1,
      { system: 'worker', from: T0, until: T0 + 5 * MINUTE + 1 },
    ],
  ] as const)('%s', (_, last, now, expected) => {
    expect(workerDowntime(last, now, 5 * MINUTE)).toEqual(expected);
  });

  it('ignores a heartbeat that is not a timestamp', () => {
    expect(heartbeatOf({ [HEARTBEAT_CURSOR]: 'yesterday' })).toBeNull();
  });
});
