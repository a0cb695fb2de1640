import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/domain/time.ts';
import type { NewOutboxEntry } from '../../../src/ports/store.ts';
import { StoreNotFoundError } from '../../../src/store/errors.ts';
import { cycle, handoffEntry, slaInstance, T0 } from '../builders.ts';
import type { StoreContext } from '../store-contract.ts';

const ref = { channel: 'D0123', ts: '1767171234.000200' };

export function describeOutboxContract(ctx: StoreContext): void {
  /** Instances 0–4 exist, so entries may point at them. */
  const seed = (...entries: NewOutboxEntry[]) =>
    ctx.store.commitCycle(
      cycle({ newInstances: [0, 1, 2, 3, 4].map((n) => slaInstance(n)), outbox: entries }),
    );

  describe('notification log (outbox)', () => {
    it('a new entry is pending, due at its due time, with nothing tried yet', async () => {
      const entry = handoffEntry(slaInstance(1));
      await seed(entry);

      expect(await ctx.store.outboxEntry(entry.key)).toEqual({
        ...entry,
        createdAt: T0,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: entry.dueAt,
        lastError: null,
        ref: null,
        sentAt: null,
        fallback: null,
        inDoubtSince: null,
        claimedEpoch: null,
        claimedAt: null,
        shown: null,
        aboutOwner: null,
        copies: null,
        edit: null,
      });
    });

    it('the same key twice — in one cycle, in a later cycle, or enqueued — keeps one row, the first', async () => {
      const entry = handoffEntry(slaInstance(1));
      const again = { ...entry, payload: { changed: true }, dueAt: entry.dueAt + MINUTE };

      await seed(entry, again);
      await ctx.store.commitCycle(cycle({ outbox: [again] }));
      await ctx.store.enqueue([again], T0 + MINUTE);

      expect(await ctx.store.outboxBetween(0, T0 + 999 * MINUTE)).toHaveLength(1);
      expect((await ctx.store.outboxEntry(entry.key))?.payload).toEqual(entry.payload);
    });

    it('an entry for an SLA instance the store never saw is refused, enqueued or in a cycle', async () => {
      const stray = handoffEntry(slaInstance(9));

      await expect(ctx.store.enqueue([stray], T0)).rejects.toThrow();
      await expect(ctx.store.commitCycle(cycle({ outbox: [stray] }))).rejects.toThrow();

      expect(await ctx.store.outboxEntry(stray.key)).toBeNull();
    });

    it('an admin alert round-trips without instance or target, its text as payload', async () => {
      const alert: NewOutboxEntry = {
        key: 'admin:hubspot-down:2026-03-02',
        instanceId: null,
        kind: 'admin_alert',
        target: null,
        payload: 'HubSpot returned 401: check HUBSPOT_ACCESS_TOKEN ✗',
        dueAt: T0,
      };
      await ctx.store.enqueue([alert], T0 + 5);

      expect(await ctx.store.outboxEntry(alert.key)).toMatchObject({
        ...alert,
        createdAt: T0 + 5,
        state: 'pending',
      });
    });

    it.each([
      { kind: 'owner' },
      { kind: 'manager' },
      { kind: 'team_channel' },
      { kind: 'user', email: 'anna@example.com' },
      { kind: 'channel', channel: '#sales-benelux' },
    ] as const)('round-trips target %o and a nested payload', async (target) => {
      const payload = {
        n: 1.5,
        list: [null, 'x', { deep: [true, false] }],
        text: 'line\n"two" ✓',
        empty: {},
      };
      const entry = handoffEntry(slaInstance(1), { target, payload, key: `k:${JSON.stringify(target)}` });
      await seed(entry);

      expect(await ctx.store.outboxEntry(entry.key)).toMatchObject({ target, payload });
    });

    it('duePending returns pending entries due by now, oldest due first, up to the limit', async () => {
      const [a, b, c] = [slaInstance(3), slaInstance(1), slaInstance(2)].map((i) => handoffEntry(i));
      if (!a || !b || !c) throw new Error('builders');
      await seed(a, b, c);

      expect((await ctx.store.duePending(c.dueAt, 10)).map((e) => e.key)).toEqual([b.key, c.key]);
      expect((await ctx.store.duePending(a.dueAt, 2)).map((e) => e.key)).toEqual([b.key, c.key]);
      expect(await ctx.store.duePending(b.dueAt - 1, 10)).toEqual([]);
    });

    it('markSent records where the message lives and takes it off the due list', async () => {
      const entry = handoffEntry(slaInstance(1));
      await seed(entry);

      await ctx.store.markSent(entry.key, ref, 'team channel: owner has no Slack account', T0 + MINUTE);

      expect(await ctx.store.outboxEntry(entry.key)).toMatchObject({
        state: 'sent',
        attempts: 1,
        ref,
        sentAt: T0 + MINUTE,
        fallback: 'team channel: owner has no Slack account',
      });
      expect(await ctx.store.duePending(T0 + 999 * MINUTE, 10)).toEqual([]);
    });

    it('markSent on an entry already sent changes nothing', async () => {
      const entry = handoffEntry(slaInstance(1));
      await seed(entry);
      await ctx.store.markSent(entry.key, ref, null, T0 + MINUTE);
      const first = await ctx.store.outboxEntry(entry.key);

      await ctx.store.markSent(entry.key, { channel: 'C999', ts: '2.2' }, 'other', T0 + 2 * MINUTE);

      expect(await ctx.store.outboxEntry(entry.key)).toEqual(first);
    });

    it('markRetry counts the attempt, keeps the error and waits until the next attempt', async () => {
      const entry = handoffEntry(slaInstance(1));
      await seed(entry);

      await ctx.store.markRetry(entry.key, 'ratelimited: retry after 30s', T0 + 30_000);
      await ctx.store.markRetry(entry.key, 'HTTP 503', T0 + 90_000);

      expect(await ctx.store.outboxEntry(entry.key)).toMatchObject({
        state: 'pending',
        attempts: 2,
        lastError: 'HTTP 503',
        nextAttemptAt: T0 + 90_000,
      });
      expect(await ctx.store.duePending(T0 + 89_999, 10)).toEqual([]);
      expect((await ctx.store.duePending(T0 + 90_000, 10)).map((e) => e.key)).toEqual([entry.key]);
    });

    it('markInDoubt keeps the first attempt still in doubt; a definite retry or the end clears it', async () => {
      const [a, b, c] = [
        handoffEntry(slaInstance(1)),
        handoffEntry(slaInstance(2)),
        handoffEntry(slaInstance(3)),
      ];
      await seed(a, b, c);

      await ctx.store.markInDoubt(a.key, T0 + 1_000);
      await ctx.store.markInDoubt(a.key, T0 + 9_000);
      expect(await ctx.store.outboxEntry(a.key)).toMatchObject({ inDoubtSince: T0 + 1_000, attempts: 0 });
      await ctx.store.markRetry(a.key, 'timeout', T0 + 20_000);
      expect(await ctx.store.outboxEntry(a.key)).toMatchObject({ inDoubtSince: T0 + 1_000, attempts: 1 });
      await ctx.store.markRetry(a.key, 'ratelimited', T0 + 40_000, true);
      expect(await ctx.store.outboxEntry(a.key)).toMatchObject({ inDoubtSince: null, attempts: 2 });

      await ctx.store.markInDoubt(b.key, T0);
      await ctx.store.markSent(b.key, { channel: 'D1', ts: '1.1' }, null, T0 + MINUTE);
      await ctx.store.markInDoubt(c.key, T0);
      await ctx.store.markFailed(c.key, 'channel_not_found', T0 + MINUTE);
      expect((await ctx.store.outboxEntry(b.key))?.inDoubtSince).toBeNull();
      expect((await ctx.store.outboxEntry(c.key))?.inDoubtSince).toBeNull();
      await ctx.store.markInDoubt(b.key, T0 + 2 * MINUTE); // a finished row is left alone
      expect((await ctx.store.outboxEntry(b.key))?.inDoubtSince).toBeNull();
    });

    it('markUnconfirmed records a maybe-delivered message as sent without a ref, once', async () => {
      const entry = handoffEntry(slaInstance(1));
      await seed(entry);
      await ctx.store.markInDoubt(entry.key, T0);

      await ctx.store.markUnconfirmed(entry.key, 'conversations.history:missing_scope', T0 + MINUTE);
      expect(await ctx.store.outboxEntry(entry.key)).toMatchObject({
        state: 'sent',
        ref: null,
        sentAt: T0 + MINUTE,
        lastError: 'conversations.history:missing_scope',
        inDoubtSince: null,
        attempts: 1,
      });
      expect(await ctx.store.duePending(T0 + 2 * MINUTE, 10)).toEqual([]);
      await ctx.store.markUnconfirmed(entry.key, 'again', T0 + 2 * MINUTE);
      expect(await ctx.store.outboxEntry(entry.key)).toMatchObject({ sentAt: T0 + MINUTE, attempts: 1 });
    });

    it('markFailed ends the entry; a late retry or failure never demotes a sent entry', async () => {
      const [failing, sent] = [handoffEntry(slaInstance(1)), handoffEntry(slaInstance(2))];
      await seed(failing, sent);
      await ctx.store.markSent(sent.key, ref, null, T0);

      await ctx.store.markFailed(failing.key, 'channel_not_found', T0 + MINUTE);
      await ctx.store.markRetry(failing.key, 'late retry', T0 + 2 * MINUTE);
      await ctx.store.markRetry(sent.key, 'late retry', T0 + 2 * MINUTE);
      await ctx.store.markFailed(sent.key, 'late failure', T0 + 2 * MINUTE);

      expect(await ctx.store.outboxEntry(failing.key)).toMatchObject({
        state: 'failed',
        attempts: 1,
        lastError: 'channel_not_found',
      });
      expect(await ctx.store.outboxEntry(sent.key)).toMatchObject({
        state: 'sent',
        attempts: 1,
        lastError: null,
      });
      expect(await ctx.store.duePending(T0 + 999 * MINUTE, 10)).toEqual([]);
    });

    it.each(['markSent', 'markRetry', 'markFailed'] as const)(
      '%s on an unknown key is an error',
      async (method) => {
        const call =
          method === 'markSent'
            ? ctx.store.markSent('nope', ref, null, T0)
            : method === 'markRetry'
              ? ctx.store.markRetry('nope', 'x', T0)
              : ctx.store.markFailed('nope', 'x', T0);

        await expect(call).rejects.toBeInstanceOf(StoreNotFoundError);
      },
    );

    it('outboxSummariesBetween lists the same rows without payloads', async () => {
      const entries = [1, 2, 3].map((n) => handoffEntry(slaInstance(n)));
      await seed(...entries);
      await ctx.store.markSent(entries[0]?.key ?? '', ref, null, T0 + 7);
      await ctx.store.markFailed(entries[1]?.key ?? '', 'boom', T0);

      const from = slaInstance(1).enteredAt;
      const until = slaInstance(3).enteredAt;
      const full = await ctx.store.outboxBetween(from, until);
      const summaries = await ctx.store.outboxSummariesBetween(from, until);

      expect(summaries).toEqual(
        full.map((e) => ({
          key: e.key,
          instanceId: e.instanceId,
          kind: e.kind,
          target: e.target,
          state: e.state,
          dueAt: e.dueAt,
          sentAt: e.sentAt,
        })),
      );
      expect(summaries.map((e) => [e.key, e.state, e.sentAt])).toEqual([
        [entries[0]?.key, 'sent', T0 + 7],
        [entries[1]?.key, 'failed', null],
      ]);
    });

    it('outboxBetween lists every state with dueAt in the half-open range', async () => {
      const entries = [1, 2, 3].map((n) => handoffEntry(slaInstance(n)));
      await seed(...entries);
      await ctx.store.markSent(entries[0]?.key ?? '', ref, null, T0);
      await ctx.store.markFailed(entries[1]?.key ?? '', 'boom', T0);

      const between = await ctx.store.outboxBetween(slaInstance(1).enteredAt, slaInstance(3).enteredAt);

      expect(between.map((e) => [e.key, e.state])).toEqual([
        [entries[0]?.key, 'sent'],
        [entries[1]?.key, 'failed'],
      ]);
    });

    it('outboxOf lists one instance’s rows, every state, by due time', async () => {
      const one = slaInstance(1);
      const ping = handoffEntry(one);
      const later = handoffEntry(one, {
        key: `${one.id}:escalation:0:0:manager`,
        dueAt: ping.dueAt + MINUTE,
      });
      const other = handoffEntry(slaInstance(2));
      await seed(later, other, ping);
      await ctx.store.markSent(ping.key, ref, null, T0);

      const rows = await ctx.store.outboxOf(one.id);

      expect(rows.map((e) => [e.key, e.state, e.ref])).toEqual([
        [ping.key, 'sent', ref],
        [later.key, 'pending', null],
      ]);
      expect(await ctx.store.outboxOf(slaInstance(4).id)).toEqual([]);
    });
  });
}
