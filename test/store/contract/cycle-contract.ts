import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/domain/time.ts';
import { cycle, handoffEntry, openingCycle, pendingEvaluation, slaInstance, T0, touch } from '../builders.ts';
import type { StoreContext } from '../store-contract.ts';

export function describeCycleContract(ctx: StoreContext): void {
  describe('cycle writes', () => {
    it('starts empty, and migrating again changes nothing', async () => {
      await ctx.store.commitCycle(openingCycle(2));
      await ctx.store.migrate();

      expect(await ctx.store.openInstances()).toHaveLength(2);
      expect(await ctx.store.cursors()).toEqual({ 'handoffs:sql': 'cursor-2' });
    });

    it('closing twice is harmless (shutdown paths may both close)', async () => {
      await ctx.store.close();
      await expect(ctx.store.close()).resolves.toBeUndefined();
    });

    it('a fresh store has no cursors, instances or due messages', async () => {
      expect(await ctx.store.cursors()).toEqual({});
      expect(await ctx.store.openInstances()).toEqual([]);
      expect(await ctx.store.duePending(T0 + 365 * 24 * 60 * MINUTE, 10)).toEqual([]);
    });

    it('cursors advance per source and keep the sources a cycle did not mention', async () => {
      await ctx.store.commitCycle(cycle({ cursors: { 'handoffs:sql': 'a1', 'touches:calls': 'c1' } }));
      await ctx.store.commitCycle(cycle({ cursors: { 'handoffs:sql': 'a2', 'handoffs:mql': 'm1' } }));

      expect(await ctx.store.cursors()).toEqual({
        'handoffs:sql': 'a2',
        'handoffs:mql': 'm1',
        'touches:calls': 'c1',
      });
    });

    it('a cycle that fails half-way leaves nothing behind: no cursor, instance, touch, verdict or message', async () => {
      await ctx.store.commitCycle(cycle({ cursors: { 'handoffs:sql': 'before' } }));
      const fresh = slaInstance(1);
      const unknown = slaInstance(2);
      const failing = cycle({
        cursors: { 'handoffs:sql': 'after' },
        newInstances: [fresh],
        touches: [touch(fresh.lead.contactId, 1)],
        // An evaluation for an instance the store never saw violates a foreign key, after the rest was written.
        evaluations: [pendingEvaluation(fresh), pendingEvaluation(unknown)],
        outbox: [handoffEntry(fresh)],
      });

      await expect(ctx.store.commitCycle(failing)).rejects.toThrow();

      expect(await ctx.store.cursors()).toEqual({ 'handoffs:sql': 'before' });
      expect(await ctx.store.instance(fresh.id)).toBeNull();
      expect(await ctx.store.touchesOf([fresh.lead.contactId])).toEqual([]);
      expect(await ctx.store.outboxEntry(handoffEntry(fresh).key)).toBeNull();
    });

    it('a failed cycle can be committed again once corrected', async () => {
      const fresh = slaInstance(1);
      const bad = cycle({ newInstances: [fresh], evaluations: [pendingEvaluation(slaInstance(2))] });
      await expect(ctx.store.commitCycle(bad)).rejects.toThrow();

      await ctx.store.commitCycle(cycle({ newInstances: [fresh], evaluations: [pendingEvaluation(fresh)] }));

      expect((await ctx.store.instance(fresh.id))?.evaluation).toEqual(pendingEvaluation(fresh));
    });

    it('commits thousands of instances, verdicts and messages in one cycle', async () => {
      await ctx.store.commitCycle(openingCycle(2_345));

      const open = await ctx.store.openInstances();
      expect(open).toHaveLength(2_345);
      expect(open.every((s) => s.evaluation !== null)).toBe(true);
      expect(await ctx.store.duePending(T0 + 3_000 * MINUTE, 5_000)).toHaveLength(2_345);
    });

    it('the same touch twice in one cycle keeps the last version', async () => {
      const first = touch('42', 1, { outcome: 'No answer', status: 'NO_ANSWER' });
      const corrected = { ...first, outcome: 'Connected', status: 'COMPLETED' };

      await ctx.store.commitCycle(cycle({ touches: [first, corrected] }));

      expect(await ctx.store.touchesOf(['42'])).toEqual([corrected]);
    });
  });

  describe('touches', () => {
    it('are read back per contact, oldest first, with every field', async () => {
      const late = touch('7', 9, { kind: 'email', direction: 'inbound', durationMs: null, outcome: null });
      const early = touch('7', 2, { kind: 'meeting', ownerId: null, direction: null, status: null });
      await ctx.store.commitCycle(cycle({ touches: [late, early, touch('8', 1)] }));

      expect(await ctx.store.touchesOf(['7'])).toEqual([early, late]);
      expect(await ctx.store.touchesOf(['7', '8'])).toHaveLength(3);
      expect(await ctx.store.touchesOf([])).toEqual([]);
      expect(await ctx.store.touchesOf(['unknown'])).toEqual([]);
    });

    it('a touch logged again with a new outcome replaces the old one', async () => {
      const call = touch('7', 1, { outcome: null });
      await ctx.store.commitCycle(cycle({ touches: [call] }));
      await ctx.store.commitCycle(cycle({ touches: [{ ...call, outcome: 'Left voicemail' }] }));

      expect(await ctx.store.touchesOf(['7'])).toEqual([{ ...call, outcome: 'Left voicemail' }]);
    });

    it('one call associated with two contacts is kept for both', async () => {
      await ctx.store.commitCycle(
        cycle({ touches: [touch('1', 1, { id: 'call:9' }), touch('2', 1, { id: 'call:9' })] }),
      );

      expect((await ctx.store.touchesOf(['1'])).map((t) => t.contactId)).toEqual(['1']);
      expect((await ctx.store.touchesOf(['2'])).map((t) => t.contactId)).toEqual(['2']);
    });

    it('looks up more contacts than fit in one query', async () => {
      const touches = Array.from({ length: 2_000 }, (_, i) => touch(`c${i}`, i));
      await ctx.store.commitCycle(cycle({ touches }));

      expect(await ctx.store.touchesOf(touches.map((t) => t.contactId))).toHaveLength(2_000);
    });
  });
}
