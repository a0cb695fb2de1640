import { afterEach, describe, expect, it } from 'vitest';
import type { LeadChange } from '../../../src/domain/model.ts';
import type { EscalationLevel } from '../../../src/domain/policy.ts';
import { escalationReassignKey } from '../../../src/domain/reassign/reassignment.ts';
import { MINUTE, SECOND } from '../../../src/domain/time.ts';
import { currentContent, type SlackSandbox } from '../../../src/sandbox/index.ts';
import { keyOf } from '../../../src/slack/message-key.ts';
import { runCycle } from '../../../src/worker/cycle/run-cycle.ts';
import { slaEngine } from '../../../src/worker/sla-engine.ts';
import { WorkerState } from '../../../src/worker/worker-state.ts';
import { FakeLeadWriter, hubspotFailure } from '../../fakes/fake-lead-writer.ts';
import { handoff, owner, testConfig, testPolicy } from '../../fakes/sla-fixtures.ts';
import { T0 } from '../harness.ts';
import { withSlack } from '../slack-harness.ts';
import { REASSIGN_AT_ONCE } from './levels.ts';

/**
 * Issue 18, part 1, through real cycles: the real SLA engine, the real Slack adapter against the
 * loopback Slack, a store and a HubSpot writer that keep what they are told. Bram's lead breaches at
 * 5 minutes; the escalation level reassigns it round-robin in the benelux team (Bram, Eva).
 */
const DEADLINE = T0 + 5 * MINUTE;
const ID = `contact:c1:sql:${T0}`;
const KEY = escalationReassignKey(ID, DEADLINE, 0);

const config = (restartOnOwnerChange: boolean, escalate: readonly EscalationLevel[] = REASSIGN_AT_ONCE) =>
  testConfig({
    teams: [
      {
        name: 'benelux',
        manager: 'anna@example.com',
        members: ['bram@example.com', 'eva@example.com'],
        channel: '#sales',
      },
    ],
    policies: [testPolicy({ restartOnOwnerChange, escalate })],
    reassignments: [
      {
        policy: 'default',
        path: 'policies[0].escalate[0].reassign',
        at: { file: 'sla.yaml', line: 19, col: 9 },
      },
    ],
  });

const ownerChange = (ownerId: string, at: number): LeadChange => ({
  kind: 'owner_changed',
  objectType: 'contact',
  objectId: 'c1',
  ownerId,
  at,
});

describe('an escalation level reassigns a breached lead (issue 18)', () => {
  let sandbox: SlackSandbox | null = null;
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = null;
  });

  async function world(restartOnOwnerChange = true, escalate: readonly EscalationLevel[] = REASSIGN_AT_ONCE) {
    const s = await withSlack();
    sandbox = s.sandbox;
    const { h } = s;
    h.setConfig(config(restartOnOwnerChange, escalate));
    h.crm.ownerList = [
      { ...owner('o1', 'bram@example.com'), firstName: 'Bram', lastName: 'Bakker' },
      { ...owner('o2', 'eva@example.com'), firstName: 'Eva', lastName: 'Smit' },
    ];
    const eva = s.sandbox.state.addUser({ email: 'eva@example.com' });
    const bram = s.sandbox.state.userByEmail('bram@example.com');
    if (bram === null) throw new Error('the harness adds bram');
    // sla-bot knows both reps in Slack (it has messaged them before).
    for (const [email, id] of [
      ['bram@example.com', bram.id],
      ['eva@example.com', eva.id],
    ] as const)
      await h.store.saveSlackUser({ email, slackUserId: id, checkedAt: T0 });
    const writer = new FakeLeadWriter();
    const deps = { ...s.deps, engine: slaEngine, leadWriter: writer };
    let state = new WorkerState();
    const cycleAt = async (at: number) => {
      h.clock.set(at);
      const report = await runCycle(deps, state);
      expect(report.outcome, report.error ?? '').toBe('ok');
      return report;
    };
    const messages = () =>
      new Map(s.sandbox.state.log.messages.map((m) => [keyOf({ metadata: m.metadata }) ?? m.ts, m]));
    const shows = (key: string): string => {
      const found = messages().get(key);
      if (!found) throw new Error(`no message ${key}; have ${[...messages().keys()].join(', ')}`);
      return JSON.stringify(currentContent(found).blocks);
    };
    const rows = () => h.store.reassignmentsOf([ID]);
    const restart = () => {
      state = new WorkerState();
    };
    return { h, s, writer, eva, bram, cycleAt, messages, shows, rows, restart };
  }

  const toldBram = `${KEY}:told:previous_owner:user:bram@example.com`;
  const toldManager = `${KEY}:told:manager:manager`;

  const escalationKeys = (w: { messages: () => Map<string, unknown> }) =>
    [...w.messages().keys()].filter((k) => k.includes(':escalation:')).sort();
  const movedLine = (waited: string) =>
    `Reassigned from Bram Bakker to Eva Smit after ${waited} without contact`;

  it('reassigns once, PATCHes HubSpot once, tells the old owner, updates the manager’s escalation in place, and the new owner’s ping carries the history', async () => {
    const w = await world();
    w.h.crm.addHandoff(handoff('c1', T0));
    await w.cycleAt(T0);
    await w.cycleAt(DEADLINE + SECOND);
    expect(w.writer.of('reassign')).toEqual([
      { kind: 'reassign', record: 'contact:c1', from: 'o1', to: 'o2' },
    ]);
    expect(await w.rows()).toMatchObject([{ key: KEY, toEmail: 'eva@example.com', state: 'written' }]);
    // The level told Anna before the write: she has this deadline's escalation.
    const [toAnna, ...others] = escalationKeys(w);
    expect([toAnna?.endsWith(':manager'), others]).toEqual([true, []]);

    await w.cycleAt(DEADLINE + 2 * SECOND);
    expect(w.shows(toldBram)).toContain('Reassigned to Eva Smit');
    expect(w.shows(toldBram)).toContain('after 5m01s without contact');
    // Anna is not told twice: the escalation she has says where the lead went, updated in place.
    expect(w.messages().has(toldManager)).toBe(false);
    expect(w.shows(toAnna ?? '')).toContain(movedLine('5m01s'));

    // HubSpot's owner change is polled: the new owner's clock restarts and her ping says why she has it.
    w.h.crm.addChange(ownerChange('o2', DEADLINE + SECOND));
    await w.cycleAt(DEADLINE + MINUTE);
    const evaPing = `${ID}:${DEADLINE + SECOND}:handoff:o2:owner`;
    expect(w.shows(evaPing)).toContain('Reassigned from Bram Bakker after 5m01s without contact');
    const stored = await w.h.store.instance(ID);
    expect(stored?.evaluation?.firstContact).toMatchObject({
      state: 'pending',
      deadline: DEADLINE + SECOND + 5 * MINUTE,
    });

    // Later cycles, a restart among them: nothing more is decided or written.
    for (const at of [DEADLINE + 2 * MINUTE, DEADLINE + 20 * MINUTE]) {
      w.restart();
      await w.cycleAt(at);
    }
    expect(w.writer.of('reassign')).toHaveLength(1);
    expect(await w.rows()).toHaveLength(1);
    expect([...w.messages().keys()].filter((k) => k.includes(':told:')).sort()).toEqual([toldBram]);
    expect(w.shows(toAnna ?? '')).toContain(movedLine('5m01s'));
  });

  it('keeps the separate notice for whoever has no escalation of the deadline, and says it in the escalations there are', async () => {
    // The level tells the team channel only: Anna was not messaged for this deadline, Bram neither.
    const channelOnly: EscalationLevel[] = [
      { ...REASSIGN_AT_ONCE[0], notify: [{ kind: 'team_channel' }] } as EscalationLevel,
    ];
    const w = await world(true, channelOnly);
    w.h.crm.addHandoff(handoff('c1', T0));
    await w.cycleAt(T0);
    await w.cycleAt(DEADLINE + SECOND);
    await w.cycleAt(DEADLINE + 2 * SECOND);
    expect([...w.messages().keys()].filter((k) => k.includes(':told:')).sort()).toEqual([
      toldManager,
      toldBram,
    ]);
    expect(w.shows(toldManager)).toContain('reassigned to Eva Smit');
    const [inChannel] = escalationKeys(w);
    expect(w.shows(inChannel ?? '')).toContain(movedLine('5m01s'));
  });

  it('the rep it was taken from, when the level told them too, reads it in their escalation; the manager is still told', async () => {
    const toOwner: EscalationLevel[] = [
      { ...REASSIGN_AT_ONCE[0], notify: [{ kind: 'owner' }] } as EscalationLevel,
    ];
    const w = await world(true, toOwner);
    w.h.crm.addHandoff(handoff('c1', T0));
    await w.cycleAt(T0);
    await w.cycleAt(DEADLINE + SECOND);
    await w.cycleAt(DEADLINE + 2 * SECOND);
    expect([...w.messages().keys()].filter((k) => k.includes(':told:'))).toEqual([toldManager]);
    const [toBram] = escalationKeys(w);
    expect(w.shows(toBram ?? '')).toContain(movedLine('5m01s'));
  });

  it('from the write on, the old deadline’s repeats and later levels stop and the new owner gets a fresh clock, before any poll sees the change', async () => {
    // The team channel at the breach, repeated every 20 s; the lead moves 30 s after it; the manager
    // would be told a minute after it.
    const w = await world(true, [
      { level: 0, after: 0, notify: [{ kind: 'team_channel' }], repeat: { every: 20 * SECOND, times: 3 } },
      {
        level: 1,
        after: 30 * SECOND,
        notify: [{ kind: 'manager' }],
        repeat: null,
        reassign: { to: { kind: 'round_robin' }, max: 1 },
      },
      { level: 2, after: MINUTE, notify: [{ kind: 'manager' }], repeat: null },
    ]);
    const moveKey = escalationReassignKey(ID, DEADLINE, 1);
    const escalations = () => [...w.messages().keys()].filter((k) => k.includes(':escalation:')).sort();
    w.h.crm.addHandoff(handoff('c1', T0));
    await w.cycleAt(T0);
    await w.cycleAt(DEADLINE + SECOND);
    await w.cycleAt(DEADLINE + 21 * SECOND);
    expect(escalations()).toHaveLength(2); // the breach's and its first repeat, in #sales
    const written = DEADLINE + 30 * SECOND;
    await w.cycleAt(written);
    expect(await w.rows()).toMatchObject([{ key: moveKey, state: 'written' }]);
    const before = escalations();
    expect(before).toHaveLength(3); // and the moving level's own, sent before the write
    // HubSpot has Eva; sla-bot's poll has not seen it (and need not).
    const stored = await w.h.store.instance(ID);
    expect(stored?.instance).toMatchObject({ ownerId: 'o2', ownerChangedAt: written });
    expect(stored?.evaluation?.firstContact).toMatchObject({
      state: 'pending',
      deadline: written + 5 * MINUTE,
    });

    for (const at of [
      written + SECOND,
      DEADLINE + 41 * SECOND,
      DEADLINE + 61 * SECOND,
      DEADLINE + 2 * MINUTE,
    ])
      await w.cycleAt(at);
    expect(escalations()).toEqual(before);
    const evaPing = `${ID}:${written}:handoff:o2:owner`;
    expect(w.shows(evaPing)).toContain('Reassigned from Bram Bakker after 5m30s without contact');
    // Her own deadline, 5 minutes from the write, not Bram's breached one.
    const dateOf = (t: number) => `<!date^${t / 1000}^`;
    expect(w.shows(evaPing)).toContain(`Waiting for first contact, deadline ${dateOf(written + 5 * MINUTE)}`);
    expect(w.shows(evaPing)).not.toContain(dateOf(DEADLINE));

    // The poll sees the same change later (HubSpot dates it a moment after the write): a no-op.
    const sent = [...w.messages().keys()];
    w.h.crm.addChange(ownerChange('o2', written + 2 * SECOND));
    await w.cycleAt(DEADLINE + 3 * MINUTE);
    expect((await w.h.store.instance(ID))?.instance.ownerChangedAt).toBe(written);
    // Only the new clock's reminder is new: no second ping, no clock restarted again.
    expect([...w.messages().keys()].filter((k) => !sent.includes(k))).toEqual([
      `${ID}:${written}:reminder:0:owner`,
    ]);
  });

  it('leaves a lead a person reassigned in HubSpot in between: superseded, no PATCH, nobody told', async () => {
    const w = await world();
    w.h.crm.addHandoff(handoff('c1', T0));
    await w.cycleAt(T0);
    // A manager gives the lead to someone else in HubSpot; sla-bot has not polled it yet.
    w.writer.owners.set('contact:c1', 'o9');
    await w.cycleAt(DEADLINE + SECOND);
    await w.cycleAt(DEADLINE + 2 * SECOND);
    expect(w.writer.of('reassign')).toEqual([]);
    expect(await w.rows()).toMatchObject([{ key: KEY, state: 'superseded' }]);
    expect([...w.messages().keys()].filter((k) => k.includes(':told:'))).toEqual([]);
  });

  it('a restart between the decision and the write: written once, the round-robin not moved again', async () => {
    const w = await world();
    w.h.crm.addHandoff(handoff('c1', T0));
    await w.cycleAt(T0);
    // HubSpot fails the write: decided and recorded, still pending.
    w.writer.failNext(hubspotFailure('502 from HubSpot', 'HUBSPOT_SERVER', true));
    await w.cycleAt(DEADLINE + SECOND);
    expect(await w.rows()).toMatchObject([{ key: KEY, state: 'pending' }]);
    w.restart();
    await w.cycleAt(DEADLINE + 30 * SECOND);
    w.restart();
    await w.cycleAt(DEADLINE + MINUTE);
    expect(w.writer.of('reassign')).toHaveLength(1);
    expect(await w.rows()).toMatchObject([{ key: KEY, state: 'written' }]);
    expect(await w.h.store.roundRobinPositions()).toEqual(new Map([['benelux', 'eva@example.com']]));
    // Anna had the escalation from the first of these cycles: it says so; Bram gets the notice.
    expect([...w.messages().keys()].filter((k) => k.includes(':told:')).sort()).toEqual([toldBram]);
  });

  it('a missing write scope: the reassignment fails and the admins are told which YAML line needs it', async () => {
    const w = await world();
    w.h.crm.addHandoff(handoff('c1', T0));
    await w.cycleAt(T0);
    w.writer.failNext(
      Object.assign(hubspotFailure('missing scope', 'HUBSPOT_SCOPE', false), {
        scopes: ['crm.objects.contacts.write'],
      }),
    );
    await w.cycleAt(DEADLINE + SECOND);
    await w.cycleAt(DEADLINE + 2 * SECOND);
    expect(await w.rows()).toMatchObject([{ key: KEY, state: 'failed' }]);
    const alert = [...w.messages().entries()].find(([k]) => k === 'admin:reassign-scope');
    expect(alert).toBeDefined();
    const text = JSON.stringify(alert?.[1] === undefined ? null : currentContent(alert[1]));
    expect(text).toContain('crm.objects.contacts.write');
    expect(text).toContain('sla.yaml:19 (policies[0].escalate[0].reassign)');
  });
});
