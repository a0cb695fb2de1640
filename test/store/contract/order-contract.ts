import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/domain/time.ts';
import { adminMessage } from '../../../src/i18n/admin-message.ts';
import type { NewOutboxEntry } from '../../../src/ports/store.ts';
import { adminAlert } from '../../../src/worker/admin-alert.ts';
import { cycle, handoffEntry, slaInstance, T0 } from '../builders.ts';
import type { StoreContext } from '../store-contract.ts';

const ref = { channel: 'D0123', ts: '1767171234.000200' };

/**
 * Per-instance order (issue 16): nothing about an instance is delivered before its handoff ping —
 * through outages (the ping backing off) and retries — while other instances go on.
 */
export function describeOrderContract(ctx: StoreContext): void {
  const one = slaInstance(1);
  const other = slaInstance(2);
  const ping = handoffEntry(one);
  const note = (kind: NewOutboxEntry['kind'], dueAt: number): NewOutboxEntry =>
    handoffEntry(one, { key: `${one.id}:${kind}:${dueAt}:owner`, kind, dueAt });
  const keysDue = async (at: number, limit = 50) => (await ctx.store.duePending(at, limit)).map((e) => e.key);
  const commit = (at: number, ...outbox: NewOutboxEntry[]) =>
    ctx.store.commitCycle(cycle({ now: at, outbox }));

  describe('per-instance order of the outbox', () => {
    it('a later note waits while its instance’s ping backs off (Slack down), and goes once the ping is sent', async () => {
      await ctx.store.commitCycle(cycle({ newInstances: [one, other], outbox: [ping] }));
      await ctx.store.markRetry(ping.key, 'slack down', T0 + 10 * MINUTE);
      const breach = note('breach', one.enteredAt + 5 * MINUTE);
      const otherPing = handoffEntry(other);
      await commit(T0 + 6 * MINUTE, breach, otherPing);

      // The breach note is due, the ping is not (its next attempt is later): the note waits; the other lead's ping goes.
      expect(await keysDue(T0 + 6 * MINUTE)).toEqual([otherPing.key]);
      // The ping due again: both, the ping first.
      expect(await keysDue(T0 + 10 * MINUTE)).toEqual([ping.key, otherPing.key, breach.key]);

      await ctx.store.markSent(ping.key, ref, null, T0 + 10 * MINUTE);
      expect(await keysDue(T0 + 6 * MINUTE)).toEqual([otherPing.key, breach.key]);
    });

    it('queued in one cycle, the ping goes first even when due later (a lead seen late), the note next time', async () => {
      const breach = note('breach', one.enteredAt + 5 * MINUTE);
      const late = { ...ping, dueAt: one.enteredAt + 20 * MINUTE };
      await ctx.store.commitCycle(
        cycle({ now: T0 + 30 * MINUTE, newInstances: [one], outbox: [breach, late] }),
      );

      expect(await keysDue(T0 + 30 * MINUTE)).toEqual([late.key]);
      await ctx.store.markSent(late.key, ref, null, T0 + 30 * MINUTE);
      expect(await keysDue(T0 + 30 * MINUTE)).toEqual([breach.key]);
    });

    it('rows of one instance due together come in one batch in order; a ping given up holds nothing back', async () => {
      await ctx.store.commitCycle(cycle({ newInstances: [one], outbox: [ping] }));
      const reminder = note('reminder', one.enteredAt + 2 * MINUTE);
      const breach = note('breach', one.enteredAt + 5 * MINUTE);
      await commit(T0 + 6 * MINUTE, reminder, breach);

      expect(await keysDue(T0 + 6 * MINUTE)).toEqual([ping.key, reminder.key, breach.key]);
      // A limit that cuts the batch keeps the earlier rows.
      expect(await keysDue(T0 + 6 * MINUTE, 2)).toEqual([ping.key, reminder.key]);

      await ctx.store.markFailed(ping.key, 'gave up', T0 + 7 * MINUTE);
      await ctx.store.markRetry(reminder.key, 'slack down', T0 + 9 * MINUTE);
      // The reminder (pending, not due) holds the breach back; the failed ping holds nothing.
      expect(await keysDue(T0 + 8 * MINUTE)).toEqual([]);
      expect(await keysDue(T0 + 9 * MINUTE)).toEqual([reminder.key, breach.key]);
    });

    it('admin alerts and other instances are never held back by an instance’s pending ping', async () => {
      await ctx.store.commitCycle(cycle({ newInstances: [one, other], outbox: [ping, handoffEntry(other)] }));
      await ctx.store.markRetry(ping.key, 'slack down', T0 + 60 * MINUTE);
      await ctx.store.enqueue(
        [
          adminAlert(
            'admin:slack-down',
            adminMessage('alert.outage.start', { system: 'slack', since: T0, error: 'down' }),
            T0 + MINUTE,
          ),
        ],
        T0 + MINUTE,
      );

      expect(await keysDue(T0 + 2 * MINUTE)).toEqual(['admin:slack-down', handoffEntry(other).key]);
    });
  });
}
