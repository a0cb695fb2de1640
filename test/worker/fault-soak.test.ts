import { afterAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../src/domain/time.ts';
import type { Store } from '../../src/ports/store.ts';
import { type SoakFigures, soak } from './fault-harness.ts';

const figures: SoakFigures[] = [];
const record = (f: SoakFigures): SoakFigures => {
  figures.push(f);
  return f;
};

/** Fault tests of the worker in-process (real engine, fake ports); figures printed at the end. */
describe('fault tests (in-process)', () => {
  afterAll(() => {
    const rows = figures.map(
      (f) =>
        `${f.scenario.padEnd(34)} cycles=${f.cycles} faults=${f.faults} handed_off=${f.handedOff} pings=${f.pingsDelivered} (not needed: ${f.pingsNotNeeded}) breaches=${f.breachesDelivered} duplicates=${f.duplicates} in_flight_resends=${f.inFlightResends} lost=${f.lost}`,
    );
    process.stdout.write(`\nworker fault figures\n${rows.join('\n')}\n`);
  });

  it('loses and duplicates nothing without faults (baseline)', async () => {
    const f = record(await soak({ scenario: 'baseline', seed: 1, leads: 40, hours: 3 }));
    expect(f.pingsDelivered).toBe(40);
    expect(f.lost).toBe(0);
    expect(f.duplicates).toBe(0);
  });

  it('survives the process dying at random points: nothing lost, only in-flight messages resent', async () => {
    const f = record(
      await soak({ scenario: 'crash at random points (p=3%)', seed: 2, leads: 40, hours: 3, crashP: 0.03 }),
    );
    expect(f.faults).toBeGreaterThan(20);
    expect(f.lost).toBe(0);
    expect(f.duplicates).toBe(0);
  });

  it('rides out HubSpot 429s, 5xx and timeouts on a third of the requests', async () => {
    const errors = [
      Object.assign(new Error('HubSpot 429 Too Many Requests'), { status: 429 }),
      Object.assign(new Error('HubSpot 502 Bad Gateway'), { status: 502 }),
      Object.assign(new Error('request timed out after 10000 ms'), { code: 'ETIMEDOUT' }),
    ];
    const f = record(
      await soak({
        scenario: 'hubspot 429/5xx/timeouts (33%)',
        seed: 3,
        leads: 40,
        hours: 3,
        beforeCycle: ({ crm, rand }) => {
          crm.clearFailures();
          for (const m of ['pollHandoffs', 'pollTouches', 'touchesOf', 'owners'] as const)
            if (rand() < 0.33) crm.failNext(m, errors[Math.floor(rand() * errors.length)]);
        },
      }),
    );
    expect(f.faults).toBeGreaterThan(20);
    expect(f.lost).toBe(0);
    expect(f.duplicates).toBe(0);
  });

  it('holds messages while Slack is down for 40 minutes and delivers them once it is back', async () => {
    const T_DOWN = Date.UTC(2026, 2, 2, 9, 30);
    const f = record(
      await soak({
        scenario: 'slack down 40 min, then back',
        seed: 4,
        leads: 40,
        hours: 3,
        beforeCycle: ({ t, notifier }) => {
          notifier.mode = t >= T_DOWN && t < T_DOWN + 40 * MINUTE ? 'down' : 'ok';
        },
      }),
    );
    expect(f.lost).toBe(0);
    expect(f.duplicates).toBe(0);
  });

  it('copes with a busy, locked database on a fifth of the writes', async () => {
    let rand = 0;
    const busy = (store: Store): Store =>
      new Proxy(store, {
        get: (obj, prop, receiver) => {
          const value = Reflect.get(obj, prop, receiver);
          if (typeof value !== 'function') return value;
          if (
            !['commitCycle', 'markSent', 'markRetry', 'markFailed', 'setPing', 'enqueue'].includes(
              String(prop),
            )
          )
            return value.bind(obj);
          return async (...args: unknown[]) => {
            rand = (rand * 9301 + 49297) % 233280;
            if (rand / 233280 < 0.2)
              throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
            return value.apply(obj, args);
          };
        },
      });
    const f = record(
      await soak({
        scenario: 'database busy/locked (20% of writes)',
        seed: 5,
        leads: 40,
        hours: 3,
        wrapStore: busy,
      }),
    );
    expect(f.lost).toBe(0);
    expect(f.duplicates).toBe(0);
  });
});
