import { afterEach, describe, expect, it } from 'vitest';
import type { LeadChange } from '../../../src/domain/model.ts';
import { claimKey } from '../../../src/domain/reassign/reassignment.ts';
import { MINUTE, SECOND } from '../../../src/domain/time.ts';
import { currentContent, type SlackSandbox } from '../../../src/sandbox/index.ts';
import { createSlackApp } from '../../../src/slack/app.ts';
import { keyOf } from '../../../src/slack/message-key.ts';
import { ACTION } from '../../../src/slack/render/ids.ts';
import { createSlackWebClient } from '../../../src/slack/web-client.ts';
import { runCycle } from '../../../src/worker/cycle/run-cycle.ts';
import { slaEngine } from '../../../src/worker/sla-engine.ts';
import { WorkerState } from '../../../src/worker/worker-state.ts';
import { FakeLeadWriter } from '../../fakes/fake-lead-writer.ts';
import { handoff, owner, testConfig, testPolicy } from '../../fakes/sla-fixtures.ts';
import { TestReceiver } from '../../slack/support/bolt-harness.ts';
import { T0 } from '../harness.ts';
import { withSlack } from '../slack-harness.ts';

/**
 * "Take it" (issue 18) end to end: the real worker posts the escalation to the team channel of the
 * loopback Slack; clicks made there go through the real Bolt listener; the store decides the claim;
 * the worker's reassignment stage writes the owner once (a HubSpot writer that keeps what it is told).
 */
const DEADLINE = T0 + 5 * MINUTE;
const ID = `contact:c1:sql:${T0}`;

const CONFIG = testConfig({
  teams: [
    {
      name: 'benelux',
      manager: 'anna@example.com',
      members: ['bram@example.com', 'eva@example.com', 'chris@example.com'],
      channel: '#sales',
    },
  ],
  policies: [
    testPolicy({
      escalate: [{ level: 0, after: 0, notify: [{ kind: 'team_channel' }], repeat: null }],
    }),
  ],
  hubspot: {
    ...testConfig().hubspot,
    writeBack: { enabled: true, createTaskOnBreach: false, notAFitLeadStatus: null },
  },
});

/** As `CONFIG`, with the clock restarting for a new owner and more said about the old deadline. */
const REPEATING = testConfig({
  ...CONFIG,
  policies: [
    testPolicy({
      restartOnOwnerChange: true,
      escalate: [
        { level: 0, after: 0, notify: [{ kind: 'team_channel' }], repeat: { every: 20 * SECOND, times: 3 } },
        { level: 1, after: MINUTE, notify: [{ kind: 'manager' }], repeat: null },
      ],
    }),
  ],
});

const ownerChange = (ownerId: string, at: number): LeadChange => ({
  kind: 'owner_changed',
  objectType: 'contact',
  objectId: 'c1',
  ownerId,
  at,
});

describe('"Take it" on an escalation in the team channel (issue 18)', () => {
  let sandbox: SlackSandbox | null = null;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = null;
  });

  async function world(config = CONFIG) {
    const s = await withSlack();
    sandbox = s.sandbox;
    const { h } = s;
    h.setConfig(config);
    // Chris is in the team but not a HubSpot user; Zoe is in Slack but in no team.
    h.crm.ownerList = [
      { ...owner('o1', 'bram@example.com'), firstName: 'Bram', lastName: 'Bakker' },
      { ...owner('o2', 'eva@example.com'), firstName: 'Eva', lastName: 'Smit' },
      { ...owner('o3', 'zoe@example.com'), firstName: 'Zoe', lastName: 'Zee' },
    ];
    const people = {
      eva: s.sandbox.state.addUser({ email: 'eva@example.com' }),
      chris: s.sandbox.state.addUser({ email: 'chris@example.com' }),
      zoe: s.sandbox.state.addUser({ email: 'zoe@example.com' }),
      anna: s.sandbox.state.userByEmail('anna@example.com'),
    };
    const writer = new FakeLeadWriter();
    const deps = { ...s.deps, engine: slaEngine, leadWriter: writer };
    let state = new WorkerState();
    const cycleAt = async (at: number) => {
      h.clock.set(at);
      const report = await runCycle(deps, state);
      expect(report.outcome, report.error ?? '').toBe('ok');
    };
    const receiver = new TestReceiver();
    const app = createSlackApp({
      env: {
        SLACK_BOT_TOKEN: 'xoxb-sandbox',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_APP_TOKEN: undefined,
        SLACK_API_URL: s.sandbox.url,
      },
      client: createSlackWebClient('xoxb-sandbox', { apiUrl: s.sandbox.url, logger: h.log.logger }),
      store: h.store,
      owners: async () => h.crm.ownerList,
      leadWriter: writer,
      config: () => config,
      clock: h.clock,
      logger: h.log.logger,
      receiver,
    });
    await app.start();
    /** The escalation in #sales, as Slack shows it now. */
    const escalation = () => {
      const found = s.sandbox.state.log.messages.find((m) =>
        keyOf({ metadata: m.metadata })?.includes(':escalation:'),
      );
      if (!found) throw new Error('no escalation posted');
      return found;
    };
    const shows = () => JSON.stringify(currentContent(escalation()).blocks);
    const click = (user: string) => {
      const m = escalation();
      return s.sandbox.interact.clickButton({ user, channel: m.channel, ts: m.ts, actionId: ACTION.takeIt });
    };
    /** What the clicker was told (ephemeral answers through the response URL), last first. */
    const told = () => s.sandbox.state.responses.map((r) => JSON.stringify(r.body)).reverse();
    const rows = () => h.store.reassignmentsOf([ID]);
    const restart = () => {
      state = new WorkerState();
    };
    return { s, h, people, writer, cycleAt, receiver, escalation, shows, click, told, rows, restart };
  }

  it('a teammate takes the lead: the message says so at once, HubSpot is written once, the new owner is pinged with the history', async () => {
    const w = await world();
    w.h.crm.addHandoff(handoff('c1', T0));
    await w.cycleAt(T0);
    await w.cycleAt(DEADLINE + SECOND);
    expect(w.shows()).toContain(ACTION.takeIt);
    expect(w.shows()).toContain('Take it');

    w.h.clock.set(DEADLINE + 30 * SECOND);
    await w.receiver.dispatch(w.click(w.people.eva.id).body);
    expect(w.told()[0]).toContain('It’s yours');
    expect(w.shows()).toContain('Taken by Eva Smit');
    expect(w.shows()).not.toContain(ACTION.takeIt);
    expect(await w.rows()).toMatchObject([
      { kind: 'claim', fromOwnerId: 'o1', toOwnerId: 'o2', toEmail: 'eva@example.com', state: 'pending' },
    ]);

    await w.cycleAt(DEADLINE + MINUTE);
    expect(w.writer.of('reassign')).toEqual([
      { kind: 'reassign', record: 'contact:c1', from: 'o1', to: 'o2' },
    ]);
    expect(await w.rows()).toMatchObject([{ kind: 'claim', state: 'written' }]);

    // HubSpot's owner change is polled: Eva's ping carries the history; the channel message, now
    // settled as handed over, still says who took it.
    w.h.crm.addChange(ownerChange('o2', DEADLINE + MINUTE));
    await w.cycleAt(DEADLINE + 2 * MINUTE);
    await w.cycleAt(DEADLINE + 2 * MINUTE + SECOND);
    const evaPing = w.s.sandbox.state.log.messages.find(
      (m) => keyOf({ metadata: m.metadata }) === `${ID}:handoff:o2:owner`,
    );
    const keys = w.s.sandbox.state.log.messages.map((m) => keyOf({ metadata: m.metadata }));
    expect(JSON.stringify(evaPing === undefined ? keys : currentContent(evaPing).blocks)).toContain(
      'Reassigned from Bram Bakker',
    );
    expect(w.shows()).toContain('reassigned to');
    expect(w.shows()).toContain('Taken by Eva Smit');
    expect(w.shows()).not.toContain(ACTION.takeIt);

    // Bram and his manager are told that Eva took it over, not that an escalation reassigned it.
    const notice = (told: string) => {
      const key = `${claimKey(ID, DEADLINE)}:told:${told}`;
      const found = w.s.sandbox.state.log.messages.find((m) => keyOf({ metadata: m.metadata }) === key);
      return JSON.stringify(found === undefined ? keys : currentContent(found).blocks);
    };
    expect(notice('previous_owner:user:bram@example.com')).toContain(
      'Eva Smit took over your lead* after 5m30s without contact',
    );
    expect(notice('manager:manager')).toContain('Eva Smit took over a lead from Bram Bakker* after 5m30s');
    expect(notice('manager:manager')).not.toContain('reassigned to');

    for (const at of [DEADLINE + 5 * MINUTE, DEADLINE + 20 * MINUTE]) {
      w.restart();
      await w.cycleAt(at);
    }
    expect(w.writer.of('reassign')).toHaveLength(1);
    expect(await w.rows()).toHaveLength(1);
  });

  it('from the click on, nothing more is said about the old deadline; after the write the new owner has a fresh clock', async () => {
    const w = await world(REPEATING);
    const escalations = () =>
      w.s.sandbox.state.log.messages
        .map((m) => keyOf({ metadata: m.metadata }) ?? '')
        .filter((k) => k.includes(':escalation:'));
    w.h.crm.addHandoff(handoff('c1', T0));
    await w.cycleAt(T0);
    await w.cycleAt(DEADLINE + SECOND);
    expect(escalations()).toHaveLength(1);
    w.h.clock.set(DEADLINE + 15 * SECOND);
    await w.receiver.dispatch(w.click(w.people.eva.id).body);
    expect(w.told()[0]).toContain('It’s yours');

    // The repeat due 20 s after the breach is dropped: the claim stands, the write is in this cycle.
    const written = DEADLINE + 21 * SECOND;
    await w.cycleAt(written);
    expect(escalations()).toHaveLength(1);
    expect(await w.rows()).toMatchObject([{ kind: 'claim', state: 'written' }]);
    expect(await w.h.store.instance(ID)).toMatchObject({
      instance: { ownerId: 'o2', ownerChangedAt: written },
      evaluation: { firstContact: { state: 'pending', deadline: written + 5 * MINUTE } },
    });
    for (const at of [
      written + SECOND,
      DEADLINE + 41 * SECOND,
      DEADLINE + 61 * SECOND,
      DEADLINE + 2 * MINUTE,
    ])
      await w.cycleAt(at);
    expect(escalations()).toHaveLength(1);
    const evaPing = w.s.sandbox.state.log.messages.find(
      (m) => keyOf({ metadata: m.metadata }) === `${ID}:${written}:handoff:o2:owner`,
    );
    const ping = JSON.stringify(evaPing === undefined ? null : currentContent(evaPing).blocks);
    expect(ping).toContain('Reassigned from Bram Bakker after 5m15s without contact');
    expect(ping).toContain(`Waiting for first contact, deadline <!date^${(written + 5 * MINUTE) / 1000}^`);
  });

  it('two clicks: the first wins, the second is told politely who has it and since when', async () => {
    const w = await world();
    w.h.crm.addHandoff(handoff('c1', T0));
    await w.cycleAt(T0);
    await w.cycleAt(DEADLINE + SECOND);
    // Both click before either answer comes back (the button is still there for both).
    const eva = w.click(w.people.eva.id);
    const anna = w.click(w.people.anna?.id ?? '');
    w.h.clock.set(DEADLINE + 30 * SECOND);
    await w.receiver.dispatch(eva.body);
    w.h.clock.set(DEADLINE + 40 * SECOND);
    await w.receiver.dispatch(anna.body);
    expect(w.told()[0]).toContain('Already taken by Eva Smit at');
    expect(w.told()[0]).toContain('10:05'); // Eva's click, in Anna's zone (Amsterdam)
    expect(await w.rows()).toMatchObject([{ toOwnerId: 'o2' }]);

    await w.cycleAt(DEADLINE + MINUTE);
    expect(w.writer.of('reassign')).toEqual([
      { kind: 'reassign', record: 'contact:c1', from: 'o1', to: 'o2' },
    ]);
  });

  it('someone outside the team is refused with an explanation; nothing is recorded or written', async () => {
    const w = await world();
    w.h.crm.addHandoff(handoff('c1', T0));
    await w.cycleAt(T0);
    await w.cycleAt(DEADLINE + SECOND);
    await w.receiver.dispatch(w.click(w.people.zoe.id).body);
    expect(w.told()[0]).toContain('Only members of team benelux and its manager can take this lead');
    expect(w.told()[0]).toContain('"response_type":"ephemeral"');
    expect(await w.rows()).toEqual([]);
    expect(w.shows()).toContain(ACTION.takeIt);
    await w.cycleAt(DEADLINE + MINUTE);
    expect(w.writer.of('reassign')).toEqual([]);
  });

  it('a teammate who is not a HubSpot user is told why the lead cannot be theirs', async () => {
    const w = await world();
    w.h.crm.addHandoff(handoff('c1', T0));
    await w.cycleAt(T0);
    await w.cycleAt(DEADLINE + SECOND);
    await w.receiver.dispatch(w.click(w.people.chris.id).body);
    expect(w.told()[0]).toContain('HubSpot has no active user with your e-mail (chris@example.com)');
    expect(await w.rows()).toEqual([]);
    expect(w.shows()).toContain(ACTION.takeIt);
  });
});
