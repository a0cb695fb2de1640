import { describe, expect, it } from 'vitest';
import type { Silence } from '../../../src/domain/model.ts';
import { HOUR, MINUTE } from '../../../src/domain/time.ts';
import { cycle, slaInstance, T0 } from '../builders.ts';
import type { StoreContext } from '../store-contract.ts';

const silence = (id: string, from: number, until: number, overrides: Partial<Silence> = {}): Silence => ({
  id,
  scope: { kind: 'owner', ownerId: 'owner-1' },
  from,
  until,
  reason: 'on holiday',
  by: 'anna@example.com',
  ...overrides,
});

export function describeFeedbackContract(ctx: StoreContext): void {
  const seedInstances = () =>
    ctx.store.commitCycle(cycle({ newInstances: [slaInstance(1), slaInstance(2), slaInstance(3)] }));

  describe('acknowledgements', () => {
    it('the first "On it" counts; a second one and one for an unknown instance do not', async () => {
      await seedInstances();
      const ack = { instanceId: slaInstance(1).id, by: 'U111', at: T0 + MINUTE };

      expect(await ctx.store.acknowledge(ack)).toBe(true);
      expect(await ctx.store.acknowledge({ ...ack, by: 'U222', at: T0 + 2 * MINUTE })).toBe(false);
      expect(await ctx.store.acknowledge({ ...ack, instanceId: 'contact:404:sql:0' })).toBe(false);
      expect(
        await ctx.store.acknowledgements([slaInstance(1).id, slaInstance(2).id, 'contact:404:sql:0']),
      ).toEqual([ack]);
      expect(await ctx.store.acknowledgements([])).toEqual([]);
    });

    it('keeps the name of whoever pressed "On it" when it is known', async () => {
      await seedInstances();
      const named = { instanceId: slaInstance(1).id, by: 'chris@example.com', byName: 'Chris Claes', at: T0 };
      const unnamed = { instanceId: slaInstance(2).id, by: 'slack:U222', at: T0 + MINUTE };
      for (const ack of [named, unnamed]) expect(await ctx.store.acknowledge(ack)).toBe(true);

      expect(await ctx.store.acknowledgements([named.instanceId, unnamed.instanceId])).toEqual([
        named,
        unnamed,
      ]);
      expect(await ctx.store.acknowledgementsSince(T0)).toEqual([named, unnamed]);
      const [again] = await ctx.store.acknowledgements([unnamed.instanceId]);
      expect(again !== undefined && 'byName' in again).toBe(false);
    });

    it('lists the acknowledgements made at or after a moment, oldest first', async () => {
      await seedInstances();
      const late = { instanceId: slaInstance(1).id, by: 'U111', at: T0 + 5 * MINUTE };
      const early = { instanceId: slaInstance(2).id, by: 'U222', at: T0 + MINUTE };
      const edge = { instanceId: slaInstance(3).id, by: 'U333', at: T0 + 3 * MINUTE };
      for (const ack of [late, early, edge]) expect(await ctx.store.acknowledge(ack)).toBe(true);

      expect(await ctx.store.acknowledgementsSince(T0 + 3 * MINUTE)).toEqual([edge, late]);
      expect(await ctx.store.acknowledgementsSince(T0)).toEqual([early, edge, late]);
      expect(await ctx.store.acknowledgementsSince(T0 + 6 * MINUTE)).toEqual([]);
    });
  });

  describe('rejections ("Not a fit")', () => {
    it('the first reason stands and rejections are listed by time, half-open', async () => {
      await seedInstances();
      const first = { instanceId: slaInstance(1).id, reason: 'student', by: 'U1', at: T0 + MINUTE };
      const second = { instanceId: slaInstance(2).id, reason: 'job seeker', by: 'U2', at: T0 + 2 * MINUTE };

      expect(await ctx.store.reject(second)).toBe(true);
      expect(await ctx.store.reject(first)).toBe(true);
      expect(await ctx.store.reject({ ...first, reason: 'changed my mind' })).toBe(false);
      expect(await ctx.store.reject({ ...first, instanceId: 'contact:404:sql:0' })).toBe(false);

      expect(await ctx.store.rejections(T0, T0 + HOUR)).toEqual([first, second]);
      expect(await ctx.store.rejections(T0 + MINUTE + 1, T0 + 2 * MINUTE)).toEqual([]);
    });
  });

  describe('silences', () => {
    it('are active from their start until (not including) their end', async () => {
      const s = silence('s1', T0, T0 + HOUR);
      await ctx.store.addSilence(s);

      expect(await ctx.store.silences(T0 - 1)).toEqual([]);
      expect(await ctx.store.silences(T0)).toEqual([s]);
      expect(await ctx.store.silences(T0 + HOUR - 1)).toEqual([s]);
      expect(await ctx.store.silences(T0 + HOUR)).toEqual([]);
    });

    it('round-trip both scopes, and saving an id again replaces it (ended early)', async () => {
      const team = silence('s2', T0, T0 + 2 * HOUR, { scope: { kind: 'team', team: 'benelux' } });
      await ctx.store.addSilence(silence('s1', T0, T0 + HOUR));
      await ctx.store.addSilence(team);
      await ctx.store.addSilence(silence('s1', T0, T0 + MINUTE, { reason: 'back early' }));

      expect(await ctx.store.silences(T0 + 30 * MINUTE)).toEqual([team]);
      expect(await ctx.store.silencesBetween(T0, T0 + 1)).toEqual([
        silence('s1', T0, T0 + MINUTE, { reason: 'back early' }),
        team,
      ]);
    });

    it('silencesBetween returns every silence overlapping the range', async () => {
      const before = silence('a', T0 - 2 * HOUR, T0 - HOUR);
      const touching = silence('b', T0 - HOUR, T0);
      const inside = silence('c', T0 + MINUTE, T0 + 2 * MINUTE);
      const spanning = silence('d', T0 - HOUR, T0 + 2 * HOUR);
      for (const s of [before, touching, inside, spanning]) await ctx.store.addSilence(s);

      expect(await ctx.store.silencesBetween(T0, T0 + HOUR)).toEqual([spanning, inside]);
    });
  });

  describe('outages', () => {
    it('overlapping outages are listed, and recording the same start again extends it', async () => {
      await ctx.store.recordOutage({ system: 'hubspot', from: T0, until: T0 + MINUTE });
      await ctx.store.recordOutage({ system: 'hubspot', from: T0, until: T0 + 10 * MINUTE });
      await ctx.store.recordOutage({ system: 'hubspot', from: T0, until: T0 + 5 * MINUTE });
      await ctx.store.recordOutage({ system: 'slack', from: T0 + HOUR, until: T0 + 2 * HOUR });

      expect(await ctx.store.outages(T0 + 9 * MINUTE, T0 + HOUR + 1)).toEqual([
        { system: 'hubspot', from: T0, until: T0 + 10 * MINUTE },
        { system: 'slack', from: T0 + HOUR, until: T0 + 2 * HOUR },
      ]);
      expect(await ctx.store.outages(T0 + 10 * MINUTE, T0 + HOUR)).toEqual([]);
    });
  });

  describe('owner → Slack mappings', () => {
    it('are unknown until saved, matched case-insensitively, and can cache "not found"', async () => {
      expect(await ctx.store.slackUser('bram@example.com')).toBeNull();

      await ctx.store.saveSlackUser({ email: 'Bram@Example.com', slackUserId: null, checkedAt: T0 });
      expect(await ctx.store.slackUser('bram@example.com')).toEqual({
        email: 'Bram@Example.com',
        slackUserId: null,
        checkedAt: T0,
      });

      await ctx.store.saveSlackUser({
        email: 'bram@example.com',
        slackUserId: 'U0BRAM',
        checkedAt: T0 + HOUR,
      });
      expect(await ctx.store.slackUser('BRAM@example.com')).toEqual({
        email: 'bram@example.com',
        slackUserId: 'U0BRAM',
        checkedAt: T0 + HOUR,
      });
    });
  });
}
