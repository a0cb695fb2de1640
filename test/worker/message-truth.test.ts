import { afterEach, describe, expect, it } from 'vitest';
import type { LeadChange } from '../../src/domain/model.ts';
import { MINUTE, SECOND } from '../../src/domain/time.ts';
import { currentContent, type RecordedMessage, type SlackSandbox } from '../../src/sandbox/index.ts';
import { keyOf } from '../../src/slack/message-key.ts';
import { runCycle } from '../../src/worker/cycle/run-cycle.ts';
import { slaEngine } from '../../src/worker/sla-engine.ts';
import { WorkerState } from '../../src/worker/worker-state.ts';
import { call, handoff, owner, testConfig, testPolicy } from '../fakes/sla-fixtures.ts';
import { T0 } from './harness.ts';
import { withSlack } from './slack-harness.ts';

/**
 * Issue 15, the Slack half of "done when": every message sent about a lead tells the truth as it is
 * now. The worker with the real Slack adapter against the loopback Slack, the real SLA engine, the clock
 * moved by hand through the lead's first minutes: deadline 5 min, a reminder at 2 min, escalation at
 * the deadline to the owner, the manager and the team channel, repeated once 5 min later.
 */
const DEADLINE = T0 + 5 * MINUTE;
const ID = `contact:c1:sql:${T0}`;

const config = testConfig({
  teams: [
    {
      name: 'benelux',
      manager: 'anna@example.com',
      members: ['bram@example.com', 'ghost@example.com'],
      channel: '#sales',
    },
  ],
  policies: [
    testPolicy({
      escalate: [
        {
          level: 0,
          after: 0,
          notify: [{ kind: 'owner' }, { kind: 'manager' }, { kind: 'team_channel' }],
          repeat: { every: 5 * MINUTE, times: 1 },
        },
      ],
    }),
  ],
});

describe('every message about a lead tells the truth as it is now (issue 15)', () => {
  let sandbox: SlackSandbox | null = null;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = null;
  });

  async function world() {
    const s = await withSlack();
    sandbox = s.sandbox;
    const { h } = s;
    h.setConfig(config);
    h.crm.ownerList = [
      { ...owner('o1', 'bram@example.com'), firstName: 'Bram', lastName: 'Bakker' },
      { ...owner('o2', 'fien@example.com'), firstName: 'Fien', lastName: 'Smit' },
      // Not in Slack: what is meant for them goes to the team channel and the manager.
      { ...owner('o3', 'ghost@example.com'), firstName: 'Gus', lastName: 'Ghost' },
    ];
    const fien = s.sandbox.state.addUser({ email: 'fien@example.com' });
    const bram = s.sandbox.state.userByEmail('bram@example.com');
    if (bram === null) throw new Error('the harness adds bram');
    const deps = { ...s.deps, engine: slaEngine };
    const edits: string[] = [];
    h.events.on('message:edited', (e) => edits.push(e.key));
    let state = new WorkerState();
    const cycleAt = async (at: number, expected: 'ok' | 'failed' = 'ok') => {
      h.clock.set(at);
      const report = await runCycle(deps, state);
      expect(report.outcome, report.error ?? '').toBe(expected);
      return report;
    };
    /** Every message the bot posted, by outbox key (without the target). */
    const messages = (): Map<string, RecordedMessage> =>
      new Map(s.sandbox.state.log.messages.map((m) => [keyOf({ metadata: m.metadata }) ?? m.ts, m]));
    const message = (key: string): RecordedMessage => {
      const found = messages().get(key);
      if (!found) throw new Error(`no message ${key}; have ${[...messages().keys()].join(', ')}`);
      return found;
    };
    const shows = (key: string): string => JSON.stringify(currentContent(message(key)).blocks);
    const updates = (key: string): number => message(key).updates.length;
    /** How many times each message was updated since `count()` was taken. */
    const count = () => {
      const before = new Map([...messages()].map(([k, m]) => [k, m.updates.length]));
      return (keys: readonly string[]) => keys.map((k) => [k, updates(k) - (before.get(k) ?? 0)]);
    };
    const once = (keys: readonly string[]) => keys.map((k) => [k, 1]);
    const never = (keys: readonly string[]) => keys.map((k) => [k, 0]);
    return {
      ...s,
      h,
      bram,
      fien,
      edits,
      cycleAt,
      message,
      shows,
      updates,
      count,
      once,
      never,
      messages,
      restart: () => {
        state = new WorkerState();
      },
    };
  }

  const ping = `${ID}:handoff:o1:owner`;
  const reminder = `${ID}:reminder:0:owner`;
  const breach = `${ID}:breach:owner`;
  const escalations = ['owner', 'manager', 'team_channel'].flatMap((t) => [
    `${ID}:escalation:0:0:${t}`,
    `${ID}:escalation:0:1:${t}`,
  ]);

  /** Handed off at T0 to Bram; reminded at 2 min; breached and escalated at 5; escalated again at 10. */
  async function breachedAndEscalated(w: Awaited<ReturnType<typeof world>>, repeat = true) {
    w.h.crm.addHandoff(handoff('c1', T0));
    await w.cycleAt(T0);
    await w.cycleAt(T0 + 2 * MINUTE);
    await w.cycleAt(DEADLINE + SECOND);
    if (repeat) await w.cycleAt(DEADLINE + 5 * MINUTE + SECOND);
    const sent = [ping, reminder, breach, ...escalations.filter((k) => repeat || k.includes(':0:0:'))];
    expect([...w.messages().keys()].sort()).toEqual(sent.sort());
    expect(w.shows(breach)).toContain('First-contact deadline missed');
    expect(w.shows(`${ID}:escalation:0:0:manager`)).toContain('has not contacted this lead');
    return sent;
  }

  it('a call logged late with an earlier time proves the deadline met: the breach note, every escalation copy, the reminder and the ping are corrected, once each', async () => {
    const w = await world();
    const sent = await breachedAndEscalated(w, false);
    const posted = w.messages().size;
    const updated = w.count();

    // Logged at 7 min, dated 4 min: within the 5-minute deadline.
    w.h.crm.addTouch(call('1', 'c1', T0 + 4 * MINUTE));
    await w.cycleAt(T0 + 7 * MINUTE);

    const correction = 'Correction: contact logged at <!date^';
    for (const key of [breach, `${ID}:escalation:0:0:owner`, `${ID}:escalation:0:0:manager`]) {
      expect(w.shows(key)).toContain(correction);
      expect(w.shows(key)).toContain('— within the deadline; no breach');
    }
    // The team channel's copy too, and no snooze button is left on any escalation.
    expect(w.shows(`${ID}:escalation:0:0:team_channel`)).toContain(correction);
    for (const key of escalations.filter((k) => k.includes(':0:0:')))
      expect(w.shows(key)).not.toContain('sla_snooze');
    expect(w.shows(reminder)).toContain('Done: contacted at');
    expect(w.shows(ping)).toContain('Contacted in 4m ✓');
    // Each updated exactly once, in place: nothing new was posted.
    expect(updated(sent)).toEqual(w.once(sent));
    expect(w.messages().size).toBe(posted);
    expect(currentContent(w.message(breach)).text).toContain('Correction: contact logged at');

    // Nothing changes any more: nothing is updated again.
    const later = w.count();
    await w.cycleAt(T0 + 20 * MINUTE);
    expect(later(sent)).toEqual(w.never(sent));
  });

  it('a late call after the escalations: the manager’s and the channel’s messages (and their repeats) say who contacted, when and how late', async () => {
    const w = await world();
    const sent = await breachedAndEscalated(w);
    const updated = w.count();

    w.h.crm.addTouch(call('1', 'c1', T0 + 12 * MINUTE));
    await w.cycleAt(T0 + 12 * MINUTE);

    const resolved = `Contacted by <@${w.bram.id}> at <!date^${(T0 + 12 * MINUTE) / 1000}^`;
    for (const key of [...escalations, breach]) {
      expect(w.shows(key)).toContain(resolved);
      expect(w.shows(key)).toContain('(7m late)');
      expect(w.shows(key)).not.toContain('has not contacted');
    }
    // The notification text names the rep plainly, at the reader's local time.
    expect(currentContent(w.message(`${ID}:escalation:0:1:manager`)).text).toMatch(
      /^Contacted by Bram Bakker at Mon \d\d:12 [A-Z+0-9]+ \(7m late\): Lead c1\.$/,
    );
    expect(w.shows(ping)).toContain('Breached: contacted 7m late.');
    expect(updated(sent)).toEqual(w.once(sent));
  });

  const closes: readonly {
    readonly why: string;
    /** The lead stays open (another rep has it): its SLA goes on. */
    readonly open?: true;
    readonly close: (w: Awaited<ReturnType<typeof world>>) => Promise<void> | void;
    readonly reads: (w: Awaited<ReturnType<typeof world>>) => string;
  }[] = [
    {
      why: 'recycled back to marketing',
      close: (w) => w.h.crm.addChange(change({ kind: 'left_funnel', toStage: 'lead' })),
      reads: () => 'back to marketing (recycled)',
    },
    {
      why: 'deleted in HubSpot',
      close: (w) => w.h.crm.addChange(change({ kind: 'deleted', mergedInto: null })),
      reads: () => 'deleted in HubSpot',
    },
    {
      why: 'merged into another contact',
      close: (w) => w.h.crm.addChange(change({ kind: 'deleted', mergedInto: '999' })),
      reads: () => 'merged into contact 999',
    },
    {
      why: 'marked not a fit in Slack',
      close: async (w) => {
        await w.h.store.closeInstance(ID, T0 + 3 * MINUTE, 'not_a_fit', `slack:${w.bram.id}`);
      },
      reads: (w) => `marked not a fit by <@${w.bram.id}>`,
    },
    {
      why: 'given to another rep',
      close: (w) => w.h.crm.addChange(change({ kind: 'owner_changed', ownerId: 'o2' })),
      reads: (w) => `reassigned to <@${w.fien.id}>`,
      open: true,
    },
  ];

  it.each(closes)(
    'a lead $why: the ping and the reminder say it is closed, and why',
    async ({ close, reads, open }) => {
      const w = await world();
      w.h.crm.addHandoff(handoff('c1', T0));
      await w.cycleAt(T0);
      await w.cycleAt(T0 + 2 * MINUTE);
      expect(w.shows(ping)).toContain('Waiting for first contact');

      await close(w);
      await w.cycleAt(T0 + 3 * MINUTE);

      expect(w.shows(ping)).toContain(`Closed: ${reads(w)}.`);
      expect(w.shows(ping)).not.toContain('Waiting for first contact');
      expect(w.shows(ping)).not.toContain('sla_on_it');
      expect(w.shows(ping)).not.toContain('sla_not_a_fit');
      expect(w.shows(reminder)).toContain(`No longer needed: ${reads(w)}`);
      expect(w.shows(reminder)).not.toContain('sla_on_it');
      expect([w.updates(ping), w.updates(reminder)]).toEqual([1, 1]);
      // No breach note follows for a closed lead; one reassigned is the new rep's to contact.
      await w.cycleAt(DEADLINE + MINUTE);
      expect(w.messages().has(breach)).toBe(open === true);
      if (open) expect(w.message(breach).channel).toBe(w.sandbox.state.dmsTo(w.fien.id)[0]?.channel);
    },
  );

  it('the rep who takes a lead over gets their own ping; the first rep’s breach note and escalations say it was reassigned', async () => {
    const w = await world();
    await breachedAndEscalated(w, false);
    w.h.crm.addChange(change({ kind: 'owner_changed', ownerId: 'o2', at: T0 + 6 * MINUTE }));
    await w.cycleAt(T0 + 6 * MINUTE);

    const reassigned = `Closed: reassigned to <@${w.fien.id}>`;
    expect(w.shows(ping)).toContain(`${reassigned}.`);
    expect(w.shows(breach)).toContain(reassigned);
    expect(w.shows(`${ID}:escalation:0:0:manager`)).toContain(reassigned);
    expect(w.shows(`${ID}:handoff:o2:owner`)).toContain('You have a new SQL lead');
    expect(w.message(`${ID}:handoff:o2:owner`).updates).toEqual([]);
  });

  it('several changes in one cycle (two pages of HubSpot changes, two commits) make one update per message, showing the latest', async () => {
    const w = await world();
    const sent = await breachedAndEscalated(w, false);
    w.h.crm.pageSize = 1;
    const commits = w.h.store.commits.length;
    // Page 1: another lead and the late call; page 2: the lead recycled.
    w.h.crm.addHandoff(handoff('c2', T0 + 8 * MINUTE));
    w.h.crm.addTouch(call('1', 'c1', T0 + 8 * MINUTE));
    w.h.crm.addChange(change({ kind: 'left_funnel', toStage: 'lead', at: T0 + 8 * MINUTE }));
    w.edits.length = 0;
    const updated = w.count();

    await w.cycleAt(T0 + 9 * MINUTE);

    // Page 1 commits twice (its new lead is pinged before the touch poll), page 2 once.
    expect(w.h.store.commits.length - commits).toBe(3);
    expect(w.shows(breach)).toContain('(3m late)');
    expect(w.shows(ping)).toContain('Closed: back to marketing (recycled).');
    expect(w.shows(ping)).toContain('Breached: contacted 3m late.');
    expect(w.shows(reminder)).toContain('Done: contacted at');
    expect(updated(sent)).toEqual(w.once(sent));
    expect(w.edits.sort()).toEqual([...sent].sort());
  });

  it('a copy someone deleted meanwhile is left alone and not tried again; the others are corrected', async () => {
    const w = await world();
    const sent = await breachedAndEscalated(w, false);
    w.sandbox.state.log.remove(w.message(breach), w.h.clock.now());
    const updated = w.count();
    const requests = w.sandbox.stats.count('chat.update');
    w.h.crm.addTouch(call('1', 'c1', T0 + 8 * MINUTE));

    await w.cycleAt(T0 + 9 * MINUTE);
    await w.cycleAt(T0 + 10 * MINUTE);

    const others = sent.filter((k) => k !== breach);
    expect(updated(others)).toEqual(w.once(others));
    expect(w.message(breach).updates).toEqual([]);
    // One try for the deleted one (message_not_found), recorded: not tried again the next cycle.
    expect(w.sandbox.stats.count('chat.update') - requests).toBe(others.length + 1);
    expect((await w.h.store.outboxEntry(breach))?.edit).toBeNull();
  });

  it('Slack failing: the update waits, and is made once Slack answers again (one per message)', async () => {
    const w = await world();
    const sent = await breachedAndEscalated(w, false);
    const updated = w.count();
    w.h.crm.addTouch(call('1', 'c1', T0 + 8 * MINUTE));
    w.sandbox.state.failNext('chat.update', 'service_unavailable', 3);

    await w.cycleAt(T0 + 9 * MINUTE);
    // The first update (the ping) failed three times in a row: the rest of the lead's messages wait.
    expect(updated(sent)).toEqual(w.never(sent));
    expect((await w.h.store.outboxEntry(ping))?.edit).toMatchObject({ dueAt: expect.any(Number) });

    await w.cycleAt(T0 + 10 * MINUTE);
    expect(updated(sent)).toEqual(w.once(sent));
    expect(w.shows(breach)).toContain('(3m late)');
  });

  it('a lead whose owner is not in Slack: both fallback copies of the ping are closed, each keeping its banner', async () => {
    const w = await world();
    w.h.crm.addHandoff(handoff('c1', T0, 'o3'));
    await w.cycleAt(T0);
    const copies = w.sandbox.state.log.messages.filter(
      (m) => keyOf({ metadata: m.metadata }) === `${ID}:handoff:o3:owner`,
    );
    expect(copies.map((m) => m.channel).sort()).toEqual(
      [
        w.sandbox.state.messagesIn('sales')[0]?.channel,
        w.sandbox.state.dmsTo('anna@example.com')[0]?.channel,
      ].sort(),
    );

    w.h.crm.addChange(change({ kind: 'left_funnel', toStage: 'lead', at: T0 + MINUTE }));
    await w.cycleAt(T0 + MINUTE);

    for (const copy of copies) {
      const shown = JSON.stringify(currentContent(copy).blocks);
      expect(copy.updates).toHaveLength(1);
      expect(shown).toContain('Closed: back to marketing (recycled).');
      expect(shown).toContain('Meant for ghost@example.com, who is not found in Slack');
    }
  });

  it('an attempts shortfall whose attempts are logged later, dated within the window, is corrected for the rep and the manager', async () => {
    const w = await world();
    const counts = testPolicy().firstContact.counts;
    w.h.setConfig({
      ...config,
      policies: [
        testPolicy({
          escalate: [],
          attempts: { required: 3, within: 30 * MINUTE, atMost: null, minGap: null, counts },
        }),
      ],
    });
    w.h.crm.addHandoff(handoff('c1', T0));
    await w.cycleAt(T0);
    w.h.crm.addTouch(call('1', 'c1', T0 + MINUTE));
    await w.cycleAt(T0 + MINUTE);
    await w.cycleAt(T0 + 31 * MINUTE);
    const shortfalls = [`${ID}:attempts_shortfall:owner`, `${ID}:attempts_shortfall:manager`];
    for (const key of shortfalls) expect(w.shows(key)).toContain('Attempts 1 of 3');
    const updated = w.count();

    w.h.crm.addTouch(call('2', 'c1', T0 + 10 * MINUTE));
    w.h.crm.addTouch(call('3', 'c1', T0 + 20 * MINUTE));
    await w.cycleAt(T0 + 40 * MINUTE);

    for (const key of shortfalls)
      expect(w.shows(key)).toContain('Correction: 3 of 3 attempts logged within the window');
    expect(w.shows(ping)).toContain('Attempts 3 of 3 ✓');
    expect(updated([...shortfalls, ping])).toEqual(w.once([...shortfalls, ping]));
  });

  it('a restart after the cycle recorded the change, before any update: nothing lost, nothing sent twice', async () => {
    const w = await world();
    const sent = await breachedAndEscalated(w, false);
    const posted = w.messages().size;
    const updated = w.count();
    w.h.crm.addTouch(call('1', 'c1', T0 + 4 * MINUTE));
    // The process dies right after the commit: the delivery stage never runs.
    w.h.store.failNext('dueEdits', new Error('process died'));
    await w.cycleAt(T0 + 7 * MINUTE, 'failed');
    expect(updated(sent)).toEqual(w.never(sent));

    w.restart();
    await w.cycleAt(T0 + 8 * MINUTE);

    expect(w.shows(breach)).toContain('Correction: contact logged at');
    expect(w.shows(`${ID}:escalation:0:0:team_channel`)).toContain('Correction: contact logged at');
    expect(updated(sent)).toEqual(w.once(sent));
    expect(w.messages().size).toBe(posted);
  });

  it('a restart in the middle of the updates: the ones done are not done again, the rest are done once', async () => {
    const w = await world();
    const sent = await breachedAndEscalated(w, false);
    w.h.crm.addTouch(call('1', 'c1', T0 + 4 * MINUTE));
    const updated = w.count();
    // The process dies as it claims its third update, two made and recorded: the store is gone.
    const { claimForEdit, markEditRetry } = w.h.store;
    let claims = 0;
    const died = async (): Promise<never> => {
      throw new Error('process died');
    };
    w.h.store.claimForEdit = async (...args) => {
      claims += 1;
      return claims >= 3 ? died() : claimForEdit.apply(w.h.store, args);
    };
    w.h.store.markEditRetry = died;
    await w.cycleAt(T0 + 7 * MINUTE, 'failed');
    expect(updated(sent).filter(([, n]) => n === 1)).toHaveLength(2);
    expect(updated(sent).filter(([, n]) => n === 0)).toHaveLength(sent.length - 2);

    w.h.store.claimForEdit = claimForEdit;
    w.h.store.markEditRetry = markEditRetry;
    w.restart();
    await w.cycleAt(T0 + 8 * MINUTE);

    expect(updated(sent)).toEqual(w.once(sent));
    for (const key of [breach, ...escalations.filter((k) => k.includes(':0:0:'))])
      expect(w.shows(key)).toContain('Correction: contact logged at');
    expect(w.messages().size).toBe(sent.length);
  });

  it('a leader replaced after the change updates nothing; the new leader does, once', async () => {
    const w = await world();
    const sent = await breachedAndEscalated(w, false);
    const updated = w.count();
    w.h.crm.addTouch(call('1', 'c1', T0 + 4 * MINUTE));
    // Another replica takes the lease over while this one commits: its updates are refused.
    const commit = w.h.store.commitCycle.bind(w.h.store);
    w.h.store.commitCycle = async (write) => {
      await commit(write);
      w.h.store.leases.set('sla-bot:cycle', { holder: 'other', until: Number.POSITIVE_INFINITY, epoch: 2 });
    };
    await w.cycleAt(T0 + 7 * MINUTE);
    expect(updated(sent)).toEqual(w.never(sent));
    expect(
      w.h.log.lines().some((l) => String(l.msg).startsWith('update refused: another replica took over')),
    ).toBe(true);

    w.h.store.commitCycle = commit;
    w.h.store.leases.set('sla-bot:cycle', {
      holder: 'test-cycle',
      until: Number.POSITIVE_INFINITY,
      epoch: 3,
    });
    const lease = { name: 'sla-bot:cycle', holder: 'test-cycle', epoch: 3 };
    w.h.clock.set(T0 + 8 * MINUTE);
    await runCycle({ ...w.deps, engine: slaEngine, lease: () => lease }, new WorkerState());
    expect(updated(sent)).toEqual(w.once(sent));
  });
});

function change(c: Partial<LeadChange> & Pick<LeadChange, 'kind'>): LeadChange {
  return { objectType: 'contact', objectId: 'c1', at: T0 + 3 * MINUTE, ...c } as LeadChange;
}
