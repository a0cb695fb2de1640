import { describe, expect, it } from 'vitest';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { interactionsFromStore } from '../../src/slack/interactions-from-store.ts';
import { announceCloses } from '../../src/worker/observe/store-closes.ts';
import { handoff, owner } from '../fakes/sla-fixtures.ts';
import { T0, workerHarness } from './harness.ts';

const ID = `contact:c1:sql:${T0}`;

/** Slack "Not a fit" in this process: the real interactions over the store the app gets. */
function slackNotAFit(h: ReturnType<typeof workerHarness>) {
  return interactionsFromStore({
    store: announceCloses(h.store, (closed) => h.events.emit('instance:closed', closed)),
    owners: async () => [owner('o1', 'bram@example.com')],
    leadWriter: null,
    config: () => h.holder.current,
    logger: h.log.logger,
  });
}

const kindsSent = (h: ReturnType<typeof workerHarness>) => h.notifier.sent.map((d) => d.notification.kind);

describe('an SLA clock closed from Slack, outside the cycle', () => {
  it('"Not a fit" in this process: the worker stops judging the lead and sends nothing more for it', async () => {
    const h = workerHarness();
    h.crm.addHandoff(handoff('c1', T0));
    await h.cycleAt(T0 + SECOND);
    expect(kindsSent(h)).toEqual(['handoff']);

    const out = await slackNotAFit(h).markNotAFit(ID, 'Student', 'bram@example.com', T0 + MINUTE);
    expect(out.status).toBe('recorded');
    const commitsBefore = h.store.commits.length;
    await h.cycleAt(T0 + 2 * MINUTE); // reminder time
    await h.cycleAt(T0 + 6 * MINUTE); // breach and escalation time

    expect(kindsSent(h)).toEqual(['handoff']);
    const later = h.store.commits.slice(commitsBefore);
    expect(later.flatMap((w) => w.evaluations.map((e) => e.instanceId))).not.toContain(ID);
    expect(later.flatMap((w) => w.outbox.map((e) => e.key))).toEqual([]);
    expect(h.store.instances.get(ID)?.instance).toMatchObject({
      closedAt: T0 + MINUTE,
      closeReason: 'not_a_fit',
    });
  });

  it('closed by another process (no event here): the store check at delivery stops the reminder, then judging stops', async () => {
    const h = workerHarness();
    h.crm.addHandoff(handoff('c1', T0));
    await h.cycleAt(T0 + SECOND);
    expect(await h.store.closeInstance(ID, T0 + MINUTE, 'not_a_fit')).toBe(true);

    await h.cycleAt(T0 + 2 * MINUTE);
    expect(h.store.outbox.get(`${ID}:reminder:0:owner`)).toMatchObject({
      state: 'failed',
      lastError: 'skipped: the lead left the funnel or moved on',
    });
    await h.cycleAt(T0 + 6 * MINUTE);

    expect(kindsSent(h)).toEqual(['handoff']);
    expect(h.store.outbox.has(`${ID}:breach:owner`)).toBe(false);
  });

  it('an owner change polled after the close does not reopen the lead', async () => {
    const h = workerHarness();
    h.crm.addHandoff(handoff('c1', T0));
    await h.cycleAt(T0 + SECOND);
    await h.store.closeInstance(ID, T0 + MINUTE, 'not_a_fit');
    h.crm.addChange({
      kind: 'owner_changed',
      objectType: 'contact',
      objectId: 'c1',
      ownerId: 'o2',
      at: T0 + MINUTE,
    });

    await h.cycleAt(T0 + 90 * SECOND);
    h.restart();
    await h.cycleAt(T0 + 6 * MINUTE);

    expect(h.store.instances.get(ID)?.instance.closedAt).toBe(T0 + MINUTE);
    expect(kindsSent(h)).toEqual(['handoff']);
  });
});
