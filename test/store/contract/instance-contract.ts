import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/domain/time.ts';
import { StoreNotFoundError } from '../../../src/store/errors.ts';
import {
  breachedEvaluation,
  cycle,
  lead,
  metEvaluation,
  pendingEvaluation,
  slaInstance,
  T0,
} from '../builders.ts';
import type { StoreContext } from '../store-contract.ts';

export function describeInstanceContract(ctx: StoreContext): void {
  describe('SLA instances', () => {
    it('round-trips an instance with every lead field, before its first evaluation', async () => {
      const odd = slaInstance(1, {
        lead: lead(1, {
          objectType: 'lead',
          contactId: '555',
          firstName: 'Zoë 😀',
          lastName: 'O\'Brien\n"quoted" \\ \u0000 nul',
          score: null,
          recentConversionAt: null,
          properties: { empty: '', nothing: null, nested: '{"a":1}' },
        }),
        ownerId: null,
        ownerAssignedAt: null,
      });
      await ctx.store.commitCycle(cycle({ newInstances: [odd] }));

      expect(await ctx.store.instance(odd.id)).toEqual({
        instance: odd,
        evaluation: null,
        pingRef: null,
        pingState: null,
      });
      expect(await ctx.store.instance('contact:nope:sql:0')).toBeNull();
    });

    it.each([
      ['pending', pendingEvaluation],
      ['met', metEvaluation],
      ['breached, excused and acknowledged', breachedEvaluation],
    ])('round-trips a %s evaluation exactly', async (_, make) => {
      const inst = slaInstance(1);
      await ctx.store.commitCycle(cycle({ newInstances: [inst], evaluations: [make(inst)] }));

      expect((await ctx.store.instance(inst.id))?.evaluation).toEqual(make(inst));
    });

    it('the latest evaluation replaces the previous one', async () => {
      const inst = slaInstance(1);
      await ctx.store.commitCycle(cycle({ newInstances: [inst], evaluations: [pendingEvaluation(inst)] }));
      await ctx.store.commitCycle(cycle({ evaluations: [metEvaluation(inst)] }));

      expect((await ctx.store.instance(inst.id))?.evaluation).toEqual(metEvaluation(inst));
    });

    it('a handoff seen again keeps when it was first seen', async () => {
      const inst = slaInstance(1);
      await ctx.store.commitCycle(cycle({ newInstances: [inst] }));
      await ctx.store.commitCycle(
        cycle({ newInstances: [{ ...inst, firstSeenAt: inst.firstSeenAt + MINUTE }] }),
      );

      expect((await ctx.store.instance(inst.id))?.instance.firstSeenAt).toBe(inst.firstSeenAt);
    });

    it('an updated instance replaces the stored one and keeps its ping', async () => {
      const inst = slaInstance(1);
      await ctx.store.commitCycle(cycle({ newInstances: [inst] }));
      await ctx.store.setPing(inst.id, { channel: 'D123', ts: '1700000000.000100' }, 'pending');
      const reassigned = { ...inst, ownerId: 'owner-new', ownerAssignedAt: inst.enteredAt + MINUTE };

      await ctx.store.commitCycle(cycle({ updatedInstances: [reassigned] }));

      expect(await ctx.store.instance(inst.id)).toEqual({
        instance: reassigned,
        evaluation: null,
        pingRef: { channel: 'D123', ts: '1700000000.000100' },
        pingState: 'pending',
      });
    });

    it('closing takes an instance out of the open set, once', async () => {
      const [a, b] = [slaInstance(1), slaInstance(2)];
      await ctx.store.commitCycle(cycle({ newInstances: [a, b] }));

      await ctx.store.commitCycle(
        cycle({ closed: [{ instanceId: a.id, at: T0 + MINUTE, reason: 'recycled' }] }),
      );
      await ctx.store.commitCycle(
        cycle({ closed: [{ instanceId: a.id, at: T0 + 9 * MINUTE, reason: 'deleted' }] }),
      );

      expect((await ctx.store.openInstances()).map((s) => s.instance.id)).toEqual([b.id]);
      expect((await ctx.store.instance(a.id))?.instance).toEqual({
        ...a,
        closedAt: T0 + MINUTE,
        closeReason: 'recycled',
      });
    });

    it('open instances come oldest handoff first, with their evaluations and pings', async () => {
      const instances = [slaInstance(3), slaInstance(1), slaInstance(2)];
      await ctx.store.commitCycle(
        cycle({ newInstances: instances, evaluations: instances.map(pendingEvaluation) }),
      );
      await ctx.store.setPing(instances[1]?.id ?? '', { channel: 'D1', ts: '1.2' }, 'v1');

      const open = await ctx.store.openInstances();

      expect(open.map((s) => s.instance.id)).toEqual([
        slaInstance(1).id,
        slaInstance(2).id,
        slaInstance(3).id,
      ]);
      expect(open[0]).toEqual({
        instance: slaInstance(1),
        evaluation: pendingEvaluation(slaInstance(1)),
        pingRef: { channel: 'D1', ts: '1.2' },
        pingState: 'v1',
      });
    });

    it('instancesBetween is half-open on stage entry and includes closed instances', async () => {
      const instances = [0, 1, 2, 3].map((n) => slaInstance(n));
      await ctx.store.commitCycle(cycle({ newInstances: instances }));
      await ctx.store.commitCycle(
        cycle({ closed: [{ instanceId: slaInstance(1).id, at: T0, reason: 'progressed' }] }),
      );

      const between = await ctx.store.instancesBetween(T0 + MINUTE, T0 + 3 * MINUTE);

      expect(between.map((s) => s.instance.id)).toEqual([slaInstance(1).id, slaInstance(2).id]);
      expect(between[0]?.instance.closeReason).toBe('progressed');
    });

    it('setPing on an unknown instance is an error, not a silent no-op', async () => {
      await expect(
        ctx.store.setPing('contact:1:sql:0', { channel: 'D1', ts: '1.1' }, 'x'),
      ).rejects.toBeInstanceOf(StoreNotFoundError);
    });

    it('setPing again moves the ping to its new state', async () => {
      const inst = slaInstance(1);
      await ctx.store.commitCycle(cycle({ newInstances: [inst] }));
      await ctx.store.setPing(inst.id, { channel: 'D1', ts: '1.1' }, 'pending');
      await ctx.store.setPing(inst.id, { channel: 'D1', ts: '1.1' }, 'met');

      expect((await ctx.store.instance(inst.id))?.pingState).toBe('met');
    });
  });
}
