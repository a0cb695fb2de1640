import { describe, expect, it } from 'vitest';
import type { Instant } from '../../../src/domain/time.ts';
import type { Store } from '../../../src/ports/store.ts';
import { openingCycle, T0 } from '../builders.ts';
import type { StoreCapabilities, StoreContext } from '../store-contract.ts';

const TTL = 30_000;

export function describeLeaseContract(ctx: StoreContext, capabilities: StoreCapabilities): void {
  if (!capabilities.exclusiveLeases) {
    describe('leases (single process)', () => {
      it('are always granted, to any holder, and releasing them is harmless', async () => {
        expect(await ctx.store.acquireLease('cycle', 'a', T0, TTL)).toBe(1);
        expect(await ctx.store.acquireLease('cycle', 'b', T0, TTL)).toBe(2);
        await ctx.store.releaseLease('cycle', 'a');
        expect(await ctx.store.acquireLease('cycle', 'a', T0, TTL)).toBe(3);
      });

      it('the epoch moves on only when the holder changes (a restarted process), never on renewal', async () => {
        expect(await ctx.store.acquireLease('cycle', 'a', T0, TTL)).toBe(1);
        expect(await ctx.store.acquireLease('cycle', 'a', T0 + 10 * TTL, TTL)).toBe(1);
        expect(await ctx.store.acquireLease('cycle', 'restarted', T0 + 11 * TTL, TTL)).toBe(2);
        expect(await ctx.store.acquireLease('digest', 'a', T0, TTL)).toBe(1);
      });
    });
    return;
  }

  describe('leases (several processes)', () => {
    it('a free lease is granted; another holder is refused while it runs; the holder renews it', async () => {
      expect(await ctx.store.acquireLease('cycle', 'a', T0, TTL)).toBe(1);
      expect(await ctx.store.acquireLease('cycle', 'b', T0 + 1, TTL)).toBeNull();
      expect(await ctx.store.acquireLease('cycle', 'a', T0 + TTL / 2, TTL)).toBe(1);
      // Renewed at T0 + TTL/2: still held at T0 + TTL, where the first grant would have ended.
      expect(await ctx.store.acquireLease('cycle', 'b', T0 + TTL, TTL)).toBeNull();
      expect(await ctx.store.acquireLease('cycle', 'b', T0 + TTL / 2 + TTL, TTL)).toBe(2);
    });

    it('an expired lease goes to the next holder, and the old holder is then refused', async () => {
      await ctx.store.acquireLease('cycle', 'a', T0, TTL);

      expect(await ctx.store.acquireLease('cycle', 'b', T0 + TTL - 1, TTL)).toBeNull();
      expect(await ctx.store.acquireLease('cycle', 'b', T0 + TTL, TTL)).toBe(2);
      expect(await ctx.store.acquireLease('cycle', 'a', T0 + TTL + 1, TTL)).toBeNull();
    });

    it('the epoch moves on with every takeover — the same holder after expiry too — never on renewal', async () => {
      expect(await ctx.store.acquireLease('cycle', 'a', T0, TTL)).toBe(1);
      expect(await ctx.store.acquireLease('cycle', 'a', T0 + TTL - 1, TTL)).toBe(1);
      // Ran out at T0 + 2·TTL − 1 without anyone taking it: taken again, a new leadership.
      expect(await ctx.store.acquireLease('cycle', 'a', T0 + 2 * TTL, TTL)).toBe(2);
      expect(await ctx.store.acquireLease('cycle', 'b', T0 + 3 * TTL, TTL)).toBe(3);
      await ctx.store.releaseLease('cycle', 'b');
      // A released lease keeps counting: a fresh start at 1 could match a stale holder's token.
      expect(await ctx.store.acquireLease('cycle', 'b', T0 + 3 * TTL + 1, TTL)).toBe(4);
      expect(await ctx.store.acquireLease('cycle', 'a', T0 + 3 * TTL + 2, TTL)).toBeNull();
    });

    it('a released lease is free at once; releasing a lease someone else holds does nothing', async () => {
      await ctx.store.acquireLease('cycle', 'a', T0, TTL);
      await ctx.store.releaseLease('cycle', 'b');
      expect(await ctx.store.acquireLease('cycle', 'b', T0 + 1, TTL)).toBeNull();

      await ctx.store.releaseLease('cycle', 'a');
      expect(await ctx.store.acquireLease('cycle', 'b', T0 + 2, TTL)).toBe(2);
    });

    it('leases with different names are independent', async () => {
      expect(await ctx.store.acquireLease('cycle', 'a', T0, TTL)).toBe(1);
      expect(await ctx.store.acquireLease('digest', 'b', T0, TTL)).toBe(1);
    });

    it('of many holders racing for an expired lease from two processes, exactly one wins', async () => {
      const second = await ctx.fixture.openSecond();
      await ctx.store.acquireLease('cycle', 'old', T0, TTL);

      const results = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          (i % 2 === 0 ? ctx.store : second).acquireLease('cycle', `holder-${i}`, T0 + TTL, TTL),
        ),
      );

      expect(results.filter((epoch) => epoch !== null)).toEqual([2]);
    });

    it('two processes delivering the same outbox under the lease send every message exactly once, and the standby takes over when the leader dies', async () => {
      const second = await ctx.fixture.openSecond();
      await ctx.store.commitCycle(openingCycle(60));
      const sends: { key: string; by: string }[] = [];
      const deliver = async (store: Store, holder: string, now: Instant, rounds: number) => {
        for (let round = 0; round < rounds; round++) {
          if ((await store.acquireLease('cycle', holder, now, TTL)) !== null) {
            for (const entry of await store.duePending(now, 5)) {
              sends.push({ key: entry.key, by: holder });
              await store.markSent(entry.key, { channel: 'D1', ts: `${holder}:${round}` }, null, now);
            }
          }
          await new Promise((resolve) => setImmediate(resolve));
        }
      };
      const t1 = T0 + 24 * 60 * 60_000;

      // Both run at the same time: one leads, the other stands by.
      await Promise.all([deliver(ctx.store, 'alpha', t1, 3), deliver(second, 'beta', t1, 3)]);
      const leader = sends[0]?.by;
      const standby = leader === 'alpha' ? second : ctx.store;
      const standbyName = leader === 'alpha' ? 'beta' : 'alpha';
      expect(sends).toHaveLength(15);
      expect(new Set(sends.map((s) => s.by))).toEqual(new Set([leader]));

      // The leader dies without releasing: the standby waits out the TTL, then finishes the work.
      await deliver(standby, standbyName, t1 + TTL - 1, 1);
      expect(sends).toHaveLength(15);
      await deliver(standby, standbyName, t1 + TTL, 12);

      expect(sends).toHaveLength(60);
      expect(new Set(sends.map((s) => s.key)).size).toBe(60);
      expect(new Set(sends.map((s) => s.by))).toEqual(new Set(['alpha', 'beta']));
      const log = await ctx.store.outboxBetween(0, t1);
      expect(log).toHaveLength(60);
      expect(log.every((e) => e.state === 'sent' && e.attempts === 1)).toBe(true);
    });
  });
}
