import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../src/domain/time.ts';
import type { Deal, Owner } from '../../../src/ports/crm-source.ts';
import { cycle, slaInstance, T0 } from '../builders.ts';
import type { StoreContext } from '../store-contract.ts';

const deal = (id: string, contactIds: string[], overrides: Partial<Deal> = {}): Deal => ({
  id,
  contactIds,
  pipeline: 'default',
  stage: 'closedwon',
  closed: true,
  closedWon: true,
  closedAt: T0 + 3 * DAY,
  amount: '12500.50',
  currency: 'EUR',
  createdAt: T0 + DAY,
  ...overrides,
});

const owner = (id: string, overrides: Partial<Owner> = {}): Owner => ({
  id,
  email: `${id}@example.com`,
  firstName: 'Bram',
  lastName: 'de Boer',
  userId: `u-${id}`,
  active: true,
  ...overrides,
});

export function describeDealsContract(ctx: StoreContext): void {
  describe('deals', () => {
    it('keeps deals per contact, with amounts as written and flags and dates intact', async () => {
      const open = deal('d1', ['1001', '1002'], {
        closed: false,
        closedWon: false,
        closedAt: null,
        amount: null,
        currency: null,
      });
      await ctx.store.saveDeals({
        contactIds: ['1001', '1002'],
        deals: [deal('d0', ['1001']), open],
        at: T0,
      });

      expect(await ctx.store.dealsOf(['1001'])).toEqual([
        deal('d0', ['1001']),
        { ...open, contactIds: ['1001'] },
      ]);
      expect(await ctx.store.dealsOf(['1002', '1001', '9999'])).toEqual([deal('d0', ['1001']), open]);
      expect(await ctx.store.dealsOf([])).toEqual([]);
    });

    it("a later read replaces the contact's links: a deal dissociated in HubSpot leaves, others' links stay", async () => {
      await ctx.store.saveDeals({
        contactIds: ['1001', '1002'],
        deals: [deal('d0', ['1001', '1002'])],
        at: T0,
      });
      await ctx.store.saveDeals({
        contactIds: ['1001'],
        deals: [deal('d2', ['1001'], { amount: '99', closedWon: false })],
        at: T0 + HOUR,
      });

      expect(await ctx.store.dealsOf(['1001'])).toEqual([
        deal('d2', ['1001'], { amount: '99', closedWon: false }),
      ]);
      expect(await ctx.store.dealsOf(['1002'])).toEqual([deal('d0', ['1002'])]);
    });

    it('an updated deal replaces the stored one', async () => {
      await ctx.store.saveDeals({
        contactIds: ['1001'],
        deals: [deal('d0', ['1001'], { closedWon: false, closed: false })],
        at: T0,
      });
      await ctx.store.saveDeals({ contactIds: ['1001'], deals: [deal('d0', ['1001'])], at: T0 + HOUR });
      expect(await ctx.store.dealsOf(['1001'])).toEqual([deal('d0', ['1001'])]);
    });

    it('lists the contacts of tracked stages entered since a time, with their last deal refresh', async () => {
      const sql1 = slaInstance(1, { stage: 'sql', enteredAt: T0 });
      const sql1Again = slaInstance(1, { stage: 'sql', enteredAt: T0 + 2 * DAY });
      const mql2 = slaInstance(2, { stage: 'mql', enteredAt: T0 });
      const oldSql3 = slaInstance(3, { stage: 'sql', enteredAt: T0 - 30 * DAY });
      await ctx.store.commitCycle(cycle({ newInstances: [sql1, sql1Again, mql2, oldSql3] }));
      await ctx.store.saveDeals({ contactIds: ['1001'], deals: [], at: T0 + 3 * DAY });

      expect(await ctx.store.dealCandidates(['sql'], T0 - DAY)).toEqual([
        { contactId: '1001', enteredAt: T0 + 2 * DAY, refreshedAt: T0 + 3 * DAY },
      ]);
      expect(await ctx.store.dealCandidates(['sql', 'mql'], T0 - 31 * DAY)).toEqual([
        { contactId: '1001', enteredAt: T0 + 2 * DAY, refreshedAt: T0 + 3 * DAY },
        { contactId: '1002', enteredAt: T0, refreshedAt: null },
        { contactId: '1003', enteredAt: T0 - 30 * DAY, refreshedAt: null },
      ]);
      expect(await ctx.store.dealCandidates([], T0 - 31 * DAY)).toEqual([]);
    });
  });

  describe('owners', () => {
    it('upserts owners and keeps ones no longer listed', async () => {
      await ctx.store.saveOwners([owner('o1'), owner('o2', { firstName: null, email: null })], T0);
      await ctx.store.saveOwners([owner('o1', { active: false, lastName: 'Jansen' })], T0 + HOUR);

      expect(await ctx.store.owners()).toEqual([
        owner('o1', { active: false, lastName: 'Jansen' }),
        owner('o2', { firstName: null, email: null }),
      ]);
    });

    it('has none before the worker saved any', async () => {
      expect(await ctx.store.owners()).toEqual([]);
    });
  });
}
