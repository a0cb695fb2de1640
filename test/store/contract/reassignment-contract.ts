import { describe, expect, it } from 'vitest';
import {
  claimKey,
  escalationReassignKey,
  type Reassignment,
} from '../../../src/domain/reassign/reassignment.ts';
import { MINUTE } from '../../../src/domain/time.ts';
import type { LeaseToken, Store } from '../../../src/ports/store.ts';
import { slaInstance, T0 } from '../builders.ts';
import type { StoreCapabilities, StoreContext } from '../store-contract.ts';

const TTL = 30_000;
const LEASE = 'sla-bot:cycle';
const ID = slaInstance(1).id;
const DEADLINE = T0 + 5 * MINUTE;

const reassignment = (overrides: Partial<Reassignment> = {}): Reassignment => ({
  key: escalationReassignKey(ID, DEADLINE, 1),
  instanceId: ID,
  deadline: DEADLINE,
  kind: 'escalation',
  level: 1,
  fromOwnerId: '101',
  toOwnerId: '102',
  toEmail: 'eva@example.com',
  waited: 6 * MINUTE,
  skipped: [{ email: 'jan@example.com', why: 'out_of_office' }],
  at: DEADLINE + MINUTE,
  state: 'pending',
  ...overrides,
});

/**
 * Reassignment (issue 18): once per instance and deadline whoever asks (levels, clicks, replicas);
 * the round-robin position moves only with a recorded reassignment and only from the position read;
 * the HubSpot write claims its row for the lease epoch.
 */
export function describeReassignmentContract(ctx: StoreContext, capabilities: StoreCapabilities): void {
  const lead = async (holder: string, at: number, store: Store = ctx.store): Promise<LeaseToken> => {
    const epoch = await store.acquireLease(LEASE, holder, at, TTL);
    if (epoch === null) throw new Error(`${holder} did not get the lease at ${at}`);
    return { name: LEASE, holder, epoch };
  };

  describe('reassignments', () => {
    it('records one, reads it back by instance, and lists it as pending until settled', async () => {
      const r = reassignment();
      expect(await ctx.store.recordReassignment(r, null)).toBe('recorded');
      expect(await ctx.store.reassignmentsOf([ID, 'contact:9:sql:1'])).toEqual([r]);
      expect(await ctx.store.pendingReassignments(10)).toEqual([r]);

      await ctx.store.settleReassignment(r.key, 'written', null, r.at + 1);
      expect(await ctx.store.pendingReassignments(10)).toEqual([]);
      expect(await ctx.store.reassignmentsOf([ID])).toEqual([{ ...r, state: 'written' }]);
      // Settled stays settled.
      await ctx.store.settleReassignment(r.key, 'failed', 'late', r.at + 2);
      expect((await ctx.store.reassignmentsOf([ID]))[0]?.state).toBe('written');
    });

    it('never two for one deadline: the same key, another level or a claim are all taken — from another store too', async () => {
      expect(await ctx.store.recordReassignment(reassignment(), null)).toBe('recorded');
      const second = await ctx.fixture.openSecond();
      expect(await second.recordReassignment(reassignment({ toOwnerId: '103' }), null)).toBe('taken');
      const otherLevel = reassignment({ key: escalationReassignKey(ID, DEADLINE, 2), level: 2 });
      expect(await ctx.store.recordReassignment(otherLevel, null)).toBe('taken');
      const claim = reassignment({ key: claimKey(ID, DEADLINE), kind: 'claim', level: null });
      expect(await second.recordReassignment(claim, null)).toBe('taken');
      // A new deadline (the clock restarted for the new owner) may move it again.
      const later = reassignment({
        key: escalationReassignKey(ID, DEADLINE + 10 * MINUTE, 1),
        deadline: DEADLINE + 10 * MINUTE,
      });
      expect(await ctx.store.recordReassignment(later, null)).toBe('recorded');
      expect((await ctx.store.reassignmentsOf([ID])).map((r) => r.key)).toEqual([
        reassignment().key,
        later.key,
      ]);
    });

    it('two clicks at once: exactly one claim wins', async () => {
      const second = await ctx.fixture.openSecond();
      const claims = ['102', '103'].map((to) =>
        reassignment({ key: claimKey(ID, DEADLINE), kind: 'claim', level: null, toOwnerId: to }),
      );
      const results = await Promise.all([
        ctx.store.recordReassignment(claims[0] as Reassignment, null),
        second.recordReassignment(claims[1] as Reassignment, null),
      ]);
      expect([...results].sort()).toEqual(['recorded', 'taken']);
      expect(await ctx.store.reassignmentsOf([ID])).toHaveLength(1);
    });

    it('moves the round-robin position with the reassignment, only from the position read', async () => {
      expect(await ctx.store.roundRobinPositions()).toEqual(new Map());
      const move = { team: 'benelux', from: null, to: 'eva@example.com' };
      expect(await ctx.store.recordReassignment(reassignment(), move)).toBe('recorded');
      expect(await ctx.store.roundRobinPositions()).toEqual(new Map([['benelux', 'eva@example.com']]));

      // Another replica read the old (empty) position: nothing recorded, the position stays.
      const stale = reassignment({
        instanceId: slaInstance(2).id,
        key: escalationReassignKey(slaInstance(2).id, DEADLINE, 1),
      });
      expect(
        await ctx.store.recordReassignment(stale, { team: 'benelux', from: null, to: 'jan@example.com' }),
      ).toBe('position_moved');
      expect(await ctx.store.reassignmentsOf([stale.instanceId])).toEqual([]);
      expect(
        await ctx.store.recordReassignment(stale, {
          team: 'benelux',
          from: 'eva@example.com',
          to: 'jan@example.com',
        }),
      ).toBe('recorded');
      // A reassignment that is taken leaves the position alone.
      expect(
        await ctx.store.recordReassignment(stale, {
          team: 'benelux',
          from: 'jan@example.com',
          to: 'lotte@example.com',
        }),
      ).toBe('taken');
      const second = await ctx.fixture.openSecond();
      expect(await second.roundRobinPositions()).toEqual(new Map([['benelux', 'jan@example.com']]));
    });

    it('the HubSpot write claims its row for the lease epoch; a stale leader is fenced', async () => {
      const r = reassignment();
      await ctx.store.recordReassignment(r, null);
      const a = await lead('a', T0);
      expect(await ctx.store.claimReassignment(r.key, a)).toBe('claimed');
      expect(await ctx.store.claimReassignment(r.key, a)).toBe('claimed');
      const b = await lead('b', capabilities.exclusiveLeases ? T0 + TTL : T0 + 1);
      expect(await ctx.store.claimReassignment(r.key, a)).toBe('fenced');
      expect(await ctx.store.claimReassignment(r.key, b)).toBe('claimed');
      await ctx.store.settleReassignment(r.key, 'superseded', 'owner changed in HubSpot', T0 + TTL + 1);
      expect(await ctx.store.claimReassignment(r.key, b)).toBe('taken');
    });
  });
}
