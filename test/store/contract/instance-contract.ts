import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../src/domain/evaluation.ts';
import type { SlaInstance } from '../../../src/domain/model.ts';
import { DAY, HOUR, MINUTE } from '../../../src/domain/time.ts';
import {
  type InstancePageKey,
  type OpenInstanceSummary,
  pageKeyOf,
  type StoredInstance,
  summaryOf,
} from '../../../src/ports/store.ts';
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

    it('keeps when an instance was imported at the first install, and reads it back by id and with the open ones', async () => {
      const imported = slaInstance(1, { importedAt: T0 + DAY });
      const live = slaInstance(2);
      await ctx.store.commitCycle(cycle({ newInstances: [imported, live] }));

      expect((await ctx.store.instance(imported.id))?.instance).toEqual(imported);
      expect((await ctx.store.instance(live.id))?.instance).not.toHaveProperty('importedAt');
      const open = await ctx.store.openInstancesByIds([imported.id, live.id]);
      expect(open.find((s) => s.instance.id === imported.id)?.instance.importedAt).toBe(T0 + DAY);
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

    it('openInstancesBefore lists open instances that entered before the moment, oldest first', async () => {
      const [a, b, c, d] = [slaInstance(1), slaInstance(2), slaInstance(3), slaInstance(4)];
      await ctx.store.commitCycle(cycle({ newInstances: [d, c, b, a], evaluations: [pendingEvaluation(a)] }));
      await ctx.store.commitCycle(
        cycle({ closed: [{ instanceId: b.id, at: T0 + 9 * MINUTE, reason: 'recycled' }] }),
      );

      const before = await ctx.store.openInstancesBefore(d.enteredAt);

      expect(before.map((s) => s.instance.id)).toEqual([a.id, c.id]);
      expect(before[0]?.evaluation).toEqual(pendingEvaluation(a));
      expect(await ctx.store.openInstancesBefore(a.enteredAt)).toEqual([]);
    });

    it('closeInstance closes an open instance once and leaves cursors, evaluation and ping alone', async () => {
      const [a, b] = [slaInstance(1), slaInstance(2)];
      await ctx.store.commitCycle(
        cycle({
          cursors: { 'handoffs:sql': 'c7', 'touches:calls': 't3' },
          newInstances: [a, b],
          evaluations: [pendingEvaluation(a)],
        }),
      );
      await ctx.store.setPing(a.id, { channel: 'D1', ts: '1.1' }, 'pending');

      expect(await ctx.store.closeInstance(a.id, T0 + MINUTE, 'not_a_fit')).toBe(true);
      expect(await ctx.store.closeInstance(a.id, T0 + 2 * MINUTE, 'recycled')).toBe(false);

      expect(await ctx.store.instance(a.id)).toEqual({
        instance: { ...a, closedAt: T0 + MINUTE, closeReason: 'not_a_fit' },
        evaluation: pendingEvaluation(a),
        pingRef: { channel: 'D1', ts: '1.1' },
        pingState: 'pending',
      });
      expect((await ctx.store.openInstances()).map((s) => s.instance.id)).toEqual([b.id]);
      expect(await ctx.store.cursors()).toEqual({ 'handoffs:sql': 'c7', 'touches:calls': 't3' });
    });

    it('closeInstance on an unknown instance reports false and creates nothing', async () => {
      expect(await ctx.store.closeInstance('contact:nope:sql:0', T0, 'not_a_fit')).toBe(false);
      expect(await ctx.store.instance('contact:nope:sql:0')).toBeNull();
    });

    it('a cycle that missed a close does not reopen the instance when it updates it', async () => {
      const inst = slaInstance(1);
      await ctx.store.commitCycle(cycle({ newInstances: [inst] }));
      await ctx.store.closeInstance(inst.id, T0 + MINUTE, 'not_a_fit');
      const reassigned = { ...inst, ownerId: 'owner-new', ownerAssignedAt: inst.enteredAt + 2 * MINUTE };

      await ctx.store.commitCycle(cycle({ updatedInstances: [reassigned] }));

      expect((await ctx.store.instance(inst.id))?.instance).toEqual({
        ...reassigned,
        closedAt: T0 + MINUTE,
        closeReason: 'not_a_fit',
      });
      expect(await ctx.store.openInstances()).toEqual([]);
    });

    it('outages of the worker itself round-trip next to HubSpot and Slack ones', async () => {
      await ctx.store.recordOutage({ system: 'worker', from: T0, until: T0 + 20 * MINUTE });

      expect(await ctx.store.outages(T0 + 5 * MINUTE, T0 + 6 * MINUTE)).toEqual([
        { system: 'worker', from: T0, until: T0 + 20 * MINUTE },
      ]);
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

    it('openInstancesPage reads the open instances in pages, in the order of openInstances', async () => {
      // Two share a stage entry: the id breaks the tie, within a page and across pages.
      const instances = [5, 1, 4, 2, 3, 6].map((n) => slaInstance(n));
      const twin = slaInstance(7, { enteredAt: slaInstance(2).enteredAt });
      await ctx.store.commitCycle(
        cycle({
          newInstances: [...instances, twin],
          evaluations: [pendingEvaluation(slaInstance(1))],
        }),
      );
      await ctx.store.commitCycle(
        cycle({ closed: [{ instanceId: slaInstance(4).id, at: T0, reason: 'recycled' }] }),
      );
      const all = (await ctx.store.openInstances()).map((s) => s.instance.id);

      const pages: string[][] = [];
      let after: InstancePageKey | null = null;
      for (;;) {
        const page: readonly StoredInstance[] = await ctx.store.openInstancesPage(after, 2);
        if (page.length === 0) break;
        pages.push(page.map((s) => s.instance.id));
        after = pageKeyOf(page[page.length - 1] as StoredInstance);
      }

      expect(all).toHaveLength(6);
      expect(pages.flat()).toEqual(all);
      expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
      const [first] = await ctx.store.openInstancesPage(null, 1);
      expect(first).toEqual({
        instance: slaInstance(1),
        evaluation: pendingEvaluation(slaInstance(1)),
        pingRef: null,
        pingState: null,
      });
      expect(await ctx.store.openInstancesPage(pageKeyOf(first as StoredInstance), 0)).toEqual([]);
    });

    it('openInstancesOfOwners lists the open instances of just those owners, oldest first', async () => {
      const mine = [3, 1, 10].map((n) => slaInstance(n, { ownerId: 'owner-a' }));
      const theirs = slaInstance(2, { ownerId: 'owner-b' });
      const nobody = slaInstance(4, { ownerId: null, ownerAssignedAt: null });
      const other = slaInstance(5, { ownerId: 'owner-c' });
      await ctx.store.commitCycle(cycle({ newInstances: [...mine, theirs, nobody, other] }));
      await ctx.store.commitCycle(
        cycle({ closed: [{ instanceId: slaInstance(10).id, at: T0, reason: 'progressed' }] }),
      );

      const found = await ctx.store.openInstancesOfOwners(['owner-a', 'owner-b', 'owner-z']);

      expect(found.map((s) => s.instance.id)).toEqual([1, 2, 3].map((n) => slaInstance(n).id));
      expect(found[0]?.instance).toEqual(mine[1]);
      expect(await ctx.store.openInstancesOfOwners([])).toEqual([]);
    });

    it('openInstanceSummariesPage pages like openInstancesPage, with the facts read from columns only', async () => {
      const [a, b, c, d, e] = [1, 2, 3, 4, 5].map((n) =>
        slaInstance(n, n === 2 ? { ownerChangedAt: T0 + 9 * MINUTE, ownerId: 'owner-x' } : {}),
      ) as [SlaInstance, SlaInstance, SlaInstance, SlaInstance, SlaInstance];
      const withAttempts: Evaluation = {
        ...pendingEvaluation(c),
        attempts: { made: 2, required: 6, atMost: 10, windowEnd: T0 + DAY, state: 'open', overkill: false },
      };
      // The late contact was a call nobody answered: the ping says "first attempt", and so must the summary.
      const breached = breachedEvaluation(b);
      const fc = breached.firstContact;
      const attempted: Evaluation = {
        ...breached,
        firstContact: fc.state === 'breached' ? { ...fc, contact: 'attempt' } : fc,
      };
      await ctx.store.commitCycle(
        cycle({
          newInstances: [a, b, c, d, e],
          evaluations: [pendingEvaluation(a), attempted, withAttempts, metEvaluation(d)],
        }),
      );
      await ctx.store.setPing(b.id, { channel: 'D1', ts: '1.1' }, 'breached:contacted:true|-|ack|open');
      await ctx.store.commitCycle(
        cycle({ closed: [{ instanceId: d.id, at: T0 + HOUR, reason: 'progressed' }] }),
      );

      const first = await ctx.store.openInstanceSummariesPage(null, 2);
      const rest = await ctx.store.openInstanceSummariesPage(
        pageKeyOf(first.at(-1) as OpenInstanceSummary),
        10,
      );

      const whole = await ctx.store.openInstancesPage(null, 10);
      expect([...first, ...rest]).toEqual(whole.map(summaryOf));
      expect(rest.map((s) => s.id)).toEqual([c.id, e.id]);
      expect(first[1]).toMatchObject({
        ownerId: 'owner-x',
        ownerChangedAt: T0 + 9 * MINUTE,
        hasPing: true,
        verdict: {
          settled: true,
          firstContact: {
            state: 'breached',
            contactedAt: T0 + 2 * MINUTE + 12 * MINUTE,
            contact: 'attempt',
            excused: true,
          },
          acknowledged: true,
        },
      });
      expect(rest[0]?.verdict?.attempts).toEqual({ made: 2, required: 6, state: 'open', overkill: false });
      expect(rest[1]?.verdict).toBeNull();
    });

    it('keeps when an owner last changed hands', async () => {
      const inst = slaInstance(1, { ownerChangedAt: T0 + 3 * MINUTE });
      await ctx.store.commitCycle(cycle({ newInstances: [inst] }));
      expect((await ctx.store.instance(inst.id))?.instance).toEqual(inst);
      const moved = { ...inst, ownerId: 'owner-y', ownerChangedAt: T0 + 8 * MINUTE };
      await ctx.store.commitCycle(cycle({ updatedInstances: [moved] }));
      expect((await ctx.store.openInstancesByIds([inst.id]))[0]?.instance).toEqual(moved);
    });

    it('openInstancesByIds reads back just the open ones among the ids, however many', async () => {
      const all = Array.from({ length: 1_205 }, (_, n) => slaInstance(n + 1));
      await ctx.store.commitCycle(cycle({ newInstances: all }));
      await ctx.store.commitCycle(
        cycle({ closed: [{ instanceId: slaInstance(7).id, at: T0, reason: 'progressed' }] }),
      );
      const wanted = [...all.map((i) => i.id), 'contact:unknown:mql:0'];

      const found = await ctx.store.openInstancesByIds(wanted);

      expect(found.map((s) => s.instance.id).sort()).toEqual(
        all
          .filter((i) => i.id !== slaInstance(7).id)
          .map((i) => i.id)
          .sort(),
      );
      expect(found.find((s) => s.instance.id === slaInstance(3).id)?.instance).toEqual(slaInstance(3));
      expect(await ctx.store.openInstancesByIds([])).toEqual([]);
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
