import { describe, expect, it } from 'vitest';
import { DAY, HOUR, MINUTE } from '../../src/domain/time.ts';
import type { CrmSource, Deal, DealRead } from '../../src/ports/crm-source.ts';
import { CrmMirror } from '../../src/worker/mirror/crm-mirror.ts';
import { FakeCrmSource } from '../fakes/fake-crm-source.ts';
import { FakeStore } from '../fakes/fake-store.ts';
import { captureLogger } from '../fakes/logger.ts';
import { owner, testConfig } from '../fakes/sla-fixtures.ts';
import { cycle, slaInstance, T0 } from '../store/builders.ts';

const won = (id: string, contactId: string): Deal => ({
  id,
  contactIds: [contactId],
  pipeline: 'default',
  stage: 'closedwon',
  closed: true,
  closedWon: true,
  closedAt: T0,
  amount: '1000',
  currency: 'EUR',
  createdAt: T0 - DAY,
});

/** A CRM whose `dealsOf` records each call and answers one won deal per contact. */
function dealCrm(fail?: () => unknown) {
  const calls: string[][] = [];
  const base = new FakeCrmSource();
  const crm: CrmSource = Object.assign(base, {
    dealsOf: async (contactIds: readonly string[]): Promise<DealRead> => {
      calls.push([...contactIds]);
      const error = fail?.();
      if (error !== undefined) throw error;
      return { contactIds, deals: contactIds.map((c) => won(`d-${c}`, c)), rejected: [] };
    },
  });
  return { crm, calls };
}

async function seeded(count: number, enteredAt: (n: number) => number) {
  const store = new FakeStore();
  const instances = Array.from({ length: count }, (_, n) => slaInstance(n, { enteredAt: enteredAt(n) }));
  await store.commitCycle(cycle({ newInstances: instances }));
  return store;
}

const config = testConfig();
const limits = { limit: 100, runEvery: 5 * MINUTE, recent: 7 * DAY, recentEvery: HOUR, every: 6 * HOUR };

describe('deal refresh', () => {
  it('reads at most 100 contacts per run and at most one run per 5 minutes, whatever is waiting', async () => {
    const store = await seeded(250, () => T0 - 30 * DAY);
    const { crm, calls } = dealCrm();
    const mirror = new CrmMirror(limits);
    const deps = { store, crm, logger: captureLogger().logger };

    await mirror.refreshDeals(deps, config, T0);
    await mirror.refreshDeals(deps, config, T0 + MINUTE); // a cycle 1 min later: no run
    await mirror.refreshDeals(deps, config, T0 + 5 * MINUTE);
    await mirror.refreshDeals(deps, config, T0 + 10 * MINUTE);
    await mirror.refreshDeals(deps, config, T0 + 15 * MINUTE); // all read: nothing due

    expect(calls.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(new Set(calls.flat()).size).toBe(250);
    expect(await store.dealsOf(['1007'])).toEqual([won('d-1007', '1007')]);
  });

  it('recent SQLs come round every hour, older ones every 6 hours', async () => {
    // Contacts 1000 and 1001 entered yesterday; 1002 and 1003 a month ago.
    const store = await seeded(4, (n) => (n < 2 ? T0 - DAY : T0 - 30 * DAY));
    const { crm, calls } = dealCrm();
    const mirror = new CrmMirror(limits);
    const deps = { store, crm, logger: captureLogger().logger };

    await mirror.refreshDeals(deps, config, T0);
    await mirror.refreshDeals(deps, config, T0 + HOUR);
    await mirror.refreshDeals(deps, config, T0 + 2 * HOUR);
    await mirror.refreshDeals(deps, config, T0 + 6 * HOUR);

    expect(calls).toEqual([
      ['1000', '1001', '1002', '1003'],
      ['1000', '1001'],
      ['1000', '1001'],
      // At 6 h the recent ones are 3 h overdue (read at 2 h, due every hour), the old ones just due.
      ['1000', '1001', '1002', '1003'],
    ]);
  });

  it('a missing scope waits a full interval and keeps the deals already stored; a passing fault retries next run', async () => {
    const store = await seeded(1, () => T0 - DAY);
    let error: unknown;
    const { crm, calls } = dealCrm(() => error);
    const log = captureLogger();
    const mirror = new CrmMirror(limits);
    const deps = { store, crm, logger: log.logger };
    await mirror.refreshDeals(deps, config, T0);

    error = Object.assign(new Error('missing scope crm.objects.deals.read'), { retryable: false });
    expect(await mirror.refreshDeals(deps, config, T0 + HOUR)).toBeNull();
    await mirror.refreshDeals(deps, config, T0 + HOUR + 10 * MINUTE);
    expect(calls).toHaveLength(2);

    error = Object.assign(new Error('429'), { retryable: true });
    await mirror.refreshDeals(deps, config, T0 + 7 * HOUR);
    error = undefined;
    await mirror.refreshDeals(deps, config, T0 + 7 * HOUR + 5 * MINUTE);
    expect(calls).toHaveLength(4);
    expect(await store.dealsOf(['1000'])).toEqual([won('d-1000', '1000')]);
    expect(
      log.lines().filter((l) => l.msg === 'deals not refreshed; reports keep the deals last read'),
    ).toHaveLength(2);
  });

  it('does nothing for a CRM without deals', async () => {
    const store = await seeded(1, () => T0);
    const mirror = new CrmMirror(limits);
    expect(
      await mirror.refreshDeals(
        { store, crm: new FakeCrmSource(), logger: captureLogger().logger },
        config,
        T0,
      ),
    ).toBeNull();
    expect(store.crmMirror.saves).toEqual([]);
  });
});

describe('owner copy', () => {
  it('stores owners when they change, not every cycle', async () => {
    const store = new FakeStore();
    const mirror = new CrmMirror();
    const deps = { store, crm: new FakeCrmSource(), logger: captureLogger().logger };
    const list = [owner('o1', 'bram@example.com'), owner('o2', 'chris@example.com')];

    await mirror.saveOwners(deps, list, T0);
    await mirror.saveOwners(deps, [...list].reverse(), T0 + MINUTE);
    let saves = 0;
    const counting = Object.assign(Object.create(store) as FakeStore, {
      saveOwners: async () => {
        saves += 1;
      },
    });
    await mirror.saveOwners({ ...deps, store: counting }, list, T0 + 2 * MINUTE);
    expect(saves).toBe(0);
    await mirror.saveOwners(
      deps,
      [list[0] ?? owner('x', 'x'), { ...owner('o2', 'chris@example.com'), active: false }],
      T0 + 3 * MINUTE,
    );

    expect(await store.owners()).toEqual([list[0], { ...list[1], active: false }]);
  });
});
