import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/domain/time.ts';
import type { LeaseToken, NewOutboxEntry, ShownMessage, Store } from '../../../src/ports/store.ts';
import { cycle, handoffEntry, slaInstance, T0 } from '../builders.ts';
import type { StoreCapabilities, StoreContext } from '../store-contract.ts';

const TTL = 30_000;
const LEASE = 'sla-bot:cycle';
const ref = { channel: 'D0123', ts: '1767171234.000200' };

const shown = (fingerprint: string, channel = ref.channel): ShownMessage => ({
  fingerprint,
  aboutOwner: 'o1',
  copies: [
    { channel, ts: ref.ts, zone: 'Europe/Amsterdam', note: null },
    { channel: 'C0SALES', ts: '1767171234.000300', zone: 'UTC', note: 'Meant for bram, who <is> away' },
  ],
});

const breachEntry = (n: number): NewOutboxEntry => ({
  ...handoffEntry(slaInstance(n)),
  key: `${slaInstance(n).id}:breach:owner`,
  kind: 'breach',
  payload: { key: `${slaInstance(n).id}:breach`, reason: { kind: 'breach', deadline: T0, excused: false } },
  dueAt: T0 + 5 * MINUTE,
});

/**
 * What each sent message shows, and the requests to bring it up to date when its instance's truth
 * changes (issue 15): asked for in the cycle's transaction, checked by delivery, fenced like posts.
 */
export function describeMessageTruthContract(ctx: StoreContext, capabilities: StoreCapabilities): void {
  const seed = (...entries: NewOutboxEntry[]) =>
    ctx.store.commitCycle(cycle({ newInstances: [1, 2, 3].map((n) => slaInstance(n)), outbox: entries }));
  const sent = (key: string, s: ShownMessage | undefined = shown('open'), at = T0 + MINUTE) =>
    ctx.store.markSent(key, ref, null, at, s);
  const recheck = (ids: readonly string[], now: number) =>
    ctx.store.commitCycle(cycle({ now, recheck: ids }));
  const lead = async (holder: string, at: number, store: Store = ctx.store): Promise<LeaseToken> => {
    const epoch = await store.acquireLease(LEASE, holder, at, TTL);
    if (epoch === null) throw new Error(`${holder} did not get the lease at ${at}`);
    return { name: LEASE, holder, epoch };
  };

  describe('what each sent message shows (issue 15)', () => {
    it('a send records what it shows, whose lead it was and every copy; one recorded without it keeps none', async () => {
      const ping = handoffEntry(slaInstance(1));
      const old = handoffEntry(slaInstance(2));
      await seed(ping, old);
      await sent(ping.key);
      await ctx.store.markSent(old.key, ref, null, T0 + MINUTE);

      expect(await ctx.store.outboxEntry(ping.key)).toMatchObject({
        state: 'sent',
        shown: 'open',
        aboutOwner: 'o1',
        copies: shown('open').copies,
        edit: null,
      });
      expect(await ctx.store.outboxEntry(old.key)).toMatchObject({
        shown: null,
        aboutOwner: null,
        copies: null,
      });
    });

    it('a cycle asks for the sent messages of the instances it names to be checked: only those Slack gave a ref', async () => {
      const ping = handoffEntry(slaInstance(1));
      const breach = breachEntry(1);
      const pending = { ...breachEntry(1), key: 'pending-escalation', kind: 'escalation' as const };
      const maybe = { ...breachEntry(1), key: 'unconfirmed-one' };
      const other = handoffEntry(slaInstance(2));
      await seed(ping, breach, pending, maybe, other);
      await sent(breach.key);
      await sent(ping.key);
      await sent(other.key);
      await ctx.store.markUnconfirmed(maybe.key, 'no history scope', T0 + MINUTE);

      await recheck([slaInstance(1).id], T0 + 2 * MINUTE);

      expect(await ctx.store.dueEdits(T0 + 2 * MINUTE - 1, 10)).toEqual([]);
      const due = await ctx.store.dueEdits(T0 + 2 * MINUTE, 10);
      // The ping first, then the breach note: the order they were sent out in.
      expect(due.map((e) => e.key)).toEqual([ping.key, breach.key]);
      expect(due[0]?.edit).toEqual({ dueAt: T0 + 2 * MINUTE, nextAt: T0 + 2 * MINUTE, seq: 1 });
      expect((await ctx.store.outboxEntry(pending.key))?.edit).toBeNull();
      expect((await ctx.store.outboxEntry(other.key))?.edit).toBeNull();
    });

    it('an update records what the message shows now and clears the requests it saw; a newer one stays due', async () => {
      const ping = handoffEntry(slaInstance(1));
      await seed(ping);
      await sent(ping.key);
      await recheck([slaInstance(1).id], T0 + 2 * MINUTE);
      const [seen] = await ctx.store.dueEdits(T0 + 2 * MINUTE, 10);
      // A second change comes while the first is being shown: counted, the first request's time kept.
      await recheck([slaInstance(1).id], T0 + 3 * MINUTE);
      expect((await ctx.store.outboxEntry(ping.key))?.edit).toEqual({
        dueAt: T0 + 2 * MINUTE,
        nextAt: T0 + 3 * MINUTE,
        seq: 2,
      });

      expect(
        await ctx.store.markEdited(ping.key, shown('closed'), seen?.edit?.seq ?? -1, null, T0 + 3 * MINUTE),
      ).toBe(true);
      expect(await ctx.store.outboxEntry(ping.key)).toMatchObject({ shown: 'closed', edit: { seq: 2 } });

      const [again] = await ctx.store.dueEdits(T0 + 3 * MINUTE, 10);
      await ctx.store.markEdited(
        ping.key,
        shown('closed again'),
        again?.edit?.seq ?? -1,
        null,
        T0 + 4 * MINUTE,
      );
      expect(await ctx.store.outboxEntry(ping.key)).toMatchObject({ shown: 'closed again', edit: null });
      expect(await ctx.store.dueEdits(T0 + HOUR, 10)).toEqual([]);
      // Counting goes on from where it was: a later request is told apart from the cleared ones.
      await recheck([slaInstance(1).id], T0 + 5 * MINUTE);
      expect((await ctx.store.outboxEntry(ping.key))?.edit?.seq).toBe(3);
    });

    it('a transient failure waits; a new request makes it due at once', async () => {
      const ping = handoffEntry(slaInstance(1));
      await seed(ping);
      await sent(ping.key);
      await recheck([slaInstance(1).id], T0 + 2 * MINUTE);

      await ctx.store.markEditRetry(ping.key, T0 + 3 * MINUTE);
      expect(await ctx.store.dueEdits(T0 + 3 * MINUTE - 1, 10)).toEqual([]);
      expect((await ctx.store.dueEdits(T0 + 3 * MINUTE, 10)).map((e) => e.key)).toEqual([ping.key]);
      await recheck([slaInstance(1).id], T0 + 2 * MINUTE + 30_000);
      expect((await ctx.store.dueEdits(T0 + 2 * MINUTE + 30_000, 10)).map((e) => e.key)).toEqual([ping.key]);
    });

    it('what is due survives a restart: another store on the same database finds it', async () => {
      const ping = handoffEntry(slaInstance(1));
      await seed(ping);
      await sent(ping.key);
      await recheck([slaInstance(1).id], T0 + 2 * MINUTE);

      const second = await ctx.fixture.openSecond();
      expect((await second.dueEdits(T0 + 2 * MINUTE, 10)).map((e) => [e.key, e.shown, e.copies])).toEqual([
        [ping.key, 'open', shown('open').copies],
      ]);
    });

    it('closing from Slack keeps who did it and asks for the messages to be checked, in one write; only the first close', async () => {
      const ping = handoffEntry(slaInstance(1));
      await seed(ping);
      await sent(ping.key);

      expect(
        await ctx.store.closeInstance(slaInstance(1).id, T0 + 2 * MINUTE, 'not_a_fit', 'slack:U0BRAM'),
      ).toBe(true);
      expect((await ctx.store.instance(slaInstance(1).id))?.instance).toMatchObject({
        closeReason: 'not_a_fit',
        closeDetail: 'slack:U0BRAM',
      });
      expect((await ctx.store.dueEdits(T0 + 2 * MINUTE, 10)).map((e) => e.edit?.seq)).toEqual([1]);

      expect(await ctx.store.closeInstance(slaInstance(1).id, T0 + 3 * MINUTE, 'deleted', '42')).toBe(false);
      expect((await ctx.store.outboxEntry(ping.key))?.edit?.seq).toBe(1);
      expect((await ctx.store.instance(slaInstance(1).id))?.instance.closeDetail).toBe('slack:U0BRAM');
    });

    it('a cycle keeps what a merged lead was merged into, and never overwrites a close made from Slack', async () => {
      await seed();
      await ctx.store.commitCycle(
        cycle({
          closed: [{ instanceId: slaInstance(1).id, at: T0 + MINUTE, reason: 'deleted', detail: '303' }],
        }),
      );
      await ctx.store.closeInstance(slaInstance(2).id, T0 + MINUTE, 'not_a_fit', 'anna@example.com');
      await ctx.store.commitCycle(cycle({ updatedInstances: [slaInstance(2, { ownerId: 'o2' })] }));

      expect((await ctx.store.instance(slaInstance(1).id))?.instance.closeDetail).toBe('303');
      expect((await ctx.store.instance(slaInstance(2).id))?.instance).toMatchObject({
        ownerId: 'o2',
        closeReason: 'not_a_fit',
        closeDetail: 'anna@example.com',
      });
      expect((await ctx.store.instance(slaInstance(3).id))?.instance.closeDetail ?? null).toBeNull();
    });

    it('an update claims the row for the leader’s epoch; a replaced leader is fenced; a row with nothing due is taken', async () => {
      const ping = handoffEntry(slaInstance(1));
      await seed(ping);
      await sent(ping.key);
      const a = await lead('a', T0);
      expect(await ctx.store.claimForEdit(ping.key, a, null, T0 + 2 * MINUTE)).toBe('taken');

      await recheck([slaInstance(1).id], T0 + 2 * MINUTE);
      expect(await ctx.store.claimForEdit(ping.key, a, null, T0 + 2 * MINUTE)).toBe('claimed');
      expect(await ctx.store.outboxEntry(ping.key)).toMatchObject({ claimedEpoch: a.epoch, state: 'sent' });

      const b = await lead('b', capabilities.exclusiveLeases ? T0 + TTL : T0 + 1);
      expect(await ctx.store.claimForEdit(ping.key, a, a.epoch, T0 + TTL + 1)).toBe('fenced');
      // The new leader read the row before: a claim since by another epoch than it saw is not its to make.
      expect(await ctx.store.claimForEdit(ping.key, b, null, T0 + TTL + 1)).toBe('taken');
      expect(await ctx.store.claimForEdit(ping.key, b, a.epoch, T0 + TTL + 1)).toBe('claimed');
    });

    it('an update recorded under a claim another leadership took since is not trusted: checked again', async () => {
      const ping = handoffEntry(slaInstance(1));
      await seed(ping);
      await sent(ping.key);
      await recheck([slaInstance(1).id], T0 + 2 * MINUTE);
      const a = await lead('a', T0);
      await ctx.store.claimForEdit(ping.key, a, null, T0 + 2 * MINUTE);
      const b = await lead('b', capabilities.exclusiveLeases ? T0 + TTL : T0 + 1);
      await ctx.store.claimForEdit(ping.key, b, a.epoch, T0 + TTL + 1);

      expect(await ctx.store.markEdited(ping.key, shown('stale'), 1, a.epoch, T0 + TTL + 2)).toBe(false);
      expect(await ctx.store.outboxEntry(ping.key)).toMatchObject({
        shown: null,
        copies: shown('open').copies,
        edit: { dueAt: T0 + 2 * MINUTE, nextAt: T0 + TTL + 2, seq: 2 },
      });
      expect(await ctx.store.markEdited(ping.key, shown('fresh'), 2, b.epoch, T0 + TTL + 3)).toBe(true);
      expect(await ctx.store.outboxEntry(ping.key)).toMatchObject({ shown: 'fresh', edit: null });
    });
  });
}

const HOUR = 60 * MINUTE;
