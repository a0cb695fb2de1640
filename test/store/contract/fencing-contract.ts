import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/domain/time.ts';
import type { LeaseToken, NewOutboxEntry, Store } from '../../../src/ports/store.ts';
import { cycle, handoffEntry, slaInstance, T0 } from '../builders.ts';
import type { StoreCapabilities, StoreContext } from '../store-contract.ts';

const TTL = 30_000;
const LEASE = 'sla-bot:cycle';
const ref = { channel: 'D0123', ts: '1767171234.000200' };

/**
 * Fencing tokens (ADR 0012): a send claims its outbox row for the lease epoch of the leadership that
 * decided it, in one conditional write; a takeover moves the epoch on, so a stale leader's claim fails.
 */
export function describeFencingContract(ctx: StoreContext, capabilities: StoreCapabilities): void {
  const seed = (...entries: NewOutboxEntry[]) =>
    ctx.store.commitCycle(cycle({ newInstances: [1, 2, 3].map((n) => slaInstance(n)), outbox: entries }));

  /** Takes the lease for `holder` at `at`; a holder that cannot get it is a broken test. */
  const lead = async (holder: string, at: number, store: Store = ctx.store): Promise<LeaseToken> => {
    const epoch = await store.acquireLease(LEASE, holder, at, TTL);
    if (epoch === null) throw new Error(`${holder} did not get the lease at ${at}`);
    return { name: LEASE, holder, epoch };
  };
  /** Another replica takes over from `old`: after its lease ran out (PostgreSQL), or at once (SQLite). */
  const takeOver = (holder: string, store: Store = ctx.store) =>
    lead(holder, capabilities.exclusiveLeases ? T0 + TTL : T0 + 1, store);

  describe('fencing: claiming an outbox row for a send', () => {
    it('the leader claims a pending row for its epoch: in doubt from then on, with who claimed it and when', async () => {
      const entry = handoffEntry(slaInstance(1));
      await seed(entry);
      const a = await lead('a', T0);

      expect(await ctx.store.claimForSend(entry.key, a, null, T0 + 5)).toBe('claimed');
      // Claimed again for the same epoch (a retry, a second fallback copy): fine, the first doubt stays.
      expect(await ctx.store.claimForSend(entry.key, a, null, T0 + 9)).toBe('claimed');

      expect(await ctx.store.outboxEntry(entry.key)).toMatchObject({
        state: 'pending',
        claimedEpoch: a.epoch,
        claimedAt: T0 + 9,
        inDoubtSince: T0 + 5,
      });
    });

    it('a claim by an older epoch after a takeover fails and changes nothing; the new leader’s claim succeeds', async () => {
      const entry = handoffEntry(slaInstance(1));
      await seed(entry);
      const stale = await lead('a', T0);
      const fresh = await takeOver('b');
      expect(fresh.epoch).toBeGreaterThan(stale.epoch);

      expect(await ctx.store.claimForSend(entry.key, stale, null, T0 + TTL + 5)).toBe('fenced');
      expect(await ctx.store.outboxEntry(entry.key)).toMatchObject({
        claimedEpoch: null,
        claimedAt: null,
        inDoubtSince: null,
      });

      expect(await ctx.store.claimForSend(entry.key, fresh, null, T0 + TTL + 6)).toBe('claimed');
      expect(await ctx.store.outboxEntry(entry.key)).toMatchObject({ claimedEpoch: fresh.epoch });
      // And the stale leader still cannot, whatever it saw.
      expect(await ctx.store.claimForSend(entry.key, stale, fresh.epoch, T0 + TTL + 7)).toBe('fenced');
    });

    // One process (SQLite): the lease never runs out.
    it.skipIf(!capabilities.exclusiveLeases)(
      'the same holder after its lease ran out is a new leadership: its old token is refused',
      async () => {
        const entry = handoffEntry(slaInstance(1));
        await seed(entry);
        const before = await lead('a', T0);
        const after = await lead('a', T0 + TTL);

        expect(after.epoch).toBe(before.epoch + 1);
        expect(await ctx.store.claimForSend(entry.key, before, null, T0 + TTL + 1)).toBe('fenced');
        expect(await ctx.store.claimForSend(entry.key, after, null, T0 + TTL + 2)).toBe('claimed');
      },
    );

    it('a row claimed by an earlier leadership is claimed by the new one only when it read that claim', async () => {
      const entry = handoffEntry(slaInstance(1));
      await seed(entry);
      const a = await lead('a', T0);
      expect(await ctx.store.claimForSend(entry.key, a, null, T0 + 5)).toBe('claimed');
      const b = await takeOver('b');

      // b read the row before a's claim: a's post may be on its way, so b must not post blindly.
      expect(await ctx.store.claimForSend(entry.key, b, null, T0 + TTL + 1)).toBe('taken');
      // b read a's claim (and looked for the message): now b may.
      expect(await ctx.store.claimForSend(entry.key, b, a.epoch, T0 + TTL + 2)).toBe('claimed');
      expect(await ctx.store.outboxEntry(entry.key)).toMatchObject({
        claimedEpoch: b.epoch,
        inDoubtSince: T0 + 5,
      });
    });

    it('a row already sent, or failed, is taken; an unknown key is an error', async () => {
      const sent = handoffEntry(slaInstance(1));
      const failed = handoffEntry(slaInstance(2));
      await seed(sent, failed);
      const a = await lead('a', T0);
      await ctx.store.markSent(sent.key, ref, null, T0 + 1);
      await ctx.store.markFailed(failed.key, 'channel_not_found', T0 + 1);

      expect(await ctx.store.claimForSend(sent.key, a, null, T0 + 2)).toBe('taken');
      expect(await ctx.store.claimForSend(failed.key, a, null, T0 + 2)).toBe('taken');
      await expect(ctx.store.claimForSend('no-such-key', a, null, T0 + 2)).rejects.toThrow();
    });

    it('markSent tells whether it recorded the send: the second sender learns its copy is a duplicate', async () => {
      const entry = handoffEntry(slaInstance(1));
      await seed(entry);

      expect(await ctx.store.markSent(entry.key, ref, null, T0 + MINUTE)).toBe(true);
      expect(
        await ctx.store.markSent(entry.key, { channel: 'D0123', ts: '2.2' }, null, T0 + 2 * MINUTE),
      ).toBe(false);
      expect((await ctx.store.outboxEntry(entry.key))?.ref).toEqual(ref);
    });

    it('a stale leader racing the new one from another process: every row goes to the new epoch, none to the old', async () => {
      const second = await ctx.fixture.openSecond();
      const entries = Array.from({ length: 12 }, (_, i) =>
        handoffEntry(slaInstance(1), { key: `k${i}`, dueAt: T0 + i }),
      );
      await seed(...entries);
      const stale = await lead('a', T0);
      const fresh = await takeOver('b', second);

      const claims = await Promise.all(
        entries.flatMap((e) => [
          ctx.store.claimForSend(e.key, stale, null, T0 + TTL + 1).then((c) => ({ by: 'a', c })),
          second.claimForSend(e.key, fresh, null, T0 + TTL + 1).then((c) => ({ by: 'b', c })),
        ]),
      );

      expect(claims.filter((x) => x.by === 'a').map((x) => x.c)).toEqual(entries.map(() => 'fenced'));
      expect(claims.filter((x) => x.by === 'b').map((x) => x.c)).toEqual(entries.map(() => 'claimed'));
    });
  });
}
