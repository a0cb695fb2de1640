import { afterEach, describe, expect, it } from 'vitest';
import type { StageDefinition } from '../../../src/config/types.ts';
import { MINUTE, SECOND } from '../../../src/domain/time.ts';
import { createHubSpotSource } from '../../../src/hubspot/hubspot-source.ts';
import { createHubSpotLeadWriter } from '../../../src/hubspot/lead-writer.ts';
import { setupWriteBack } from '../../../src/hubspot/write-back-setup.ts';
import type { HubSpotSandbox, SlackSandbox } from '../../../src/sandbox/index.ts';
import { keyOf } from '../../../src/slack/message-key.ts';
import { runCycle } from '../../../src/worker/cycle/run-cycle.ts';
import { slaEngine } from '../../../src/worker/sla-engine.ts';
import { WorkerState } from '../../../src/worker/worker-state.ts';
import { testConfig, testPolicy } from '../../fakes/sla-fixtures.ts';
import { FakeTiming } from '../../hubspot/harness.ts';
import { startCheckedHubSpotSandbox } from '../../support/checked-hubspot-sandbox.ts';
import { T0 } from '../harness.ts';
import { withSlack } from '../slack-harness.ts';
import { REASSIGN_AT_ONCE } from './levels.ts';

/**
 * Issue 18 on a Leads-object stage: the instance tracks the lead record, whose own `hubspot_owner_id`
 * the poll and the read-back read. Real cycles with the real SLA engine, the real HubSpot source and
 * lead writer (the official SDK against the spec-checked HubSpot sandbox) and the real Slack adapter
 * against the loopback Slack. Bram's lead breaches at 5 minutes; the level gives it to Eva at once.
 */
const DEADLINE = T0 + 5 * MINUTE;
const LEAD_BATCH_READ = 'POST /crm/v3/objects/leads/batch/read';

const SAL: StageDefinition = {
  key: 'sal',
  label: 'SAL',
  order: 0,
  source: { kind: 'lead_pipeline', pipeline: 'lead-pipeline-id', stage: 'new-stage-id' },
  at: { file: 'sla.yaml', line: 4, col: 3 },
};

const config = testConfig({
  stages: [SAL],
  teams: [
    {
      name: 'benelux',
      manager: 'anna@example.com',
      members: ['bram@example.com', 'eva@example.com'],
      channel: '#sales',
    },
  ],
  policies: [testPolicy({ stage: 'sal', restartOnOwnerChange: true, escalate: REASSIGN_AT_ONCE })],
  // The first poll looks back a minute, so the lead created just before it is a handoff.
  poll: { every: 30 * SECOND, overlap: MINUTE },
  hubspot: {
    ...testConfig().hubspot,
    // No request pacing: the test's clock stands still while a cycle runs.
    requestsPerTenSeconds: null,
    searchPerSecond: 100_000,
    writeBack: { enabled: true, createTaskOnBreach: false, notAFitLeadStatus: null },
  },
  reassignments: [
    {
      policy: 'sql-follow-up',
      path: 'policies[0].escalate[0].reassign',
      at: { file: 'sla.yaml', line: 19, col: 9 },
    },
  ],
});

describe('an escalation level reassigns a lead on a Leads-object stage (issue 18)', () => {
  let slack: SlackSandbox | null = null;
  let hubspot: HubSpotSandbox | null = null;
  afterEach(async () => {
    await slack?.stop();
    await hubspot?.stop();
    slack = null;
    hubspot = null;
  });

  async function world() {
    const s = await withSlack();
    slack = s.sandbox;
    const { h } = s;
    h.setConfig(config);
    const hs = await startCheckedHubSpotSandbox({ clock: h.clock, rateLimits: false });
    hubspot = hs;
    const bram = hs.state.addOwner({ email: 'bram@example.com', firstName: 'Bram', lastName: 'Bakker' });
    const eva = hs.state.addOwner({ email: 'eva@example.com', firstName: 'Eva', lastName: 'Smit' });
    const source = createHubSpotSource({
      accessToken: 'sandbox-token',
      basePath: hs.url,
      config,
      logger: h.log.logger,
      clock: h.clock,
      timing: new FakeTiming(),
    });
    // sla-bot's contact properties exist in the portal (`sla-bot hubspot-setup`, once).
    await setupWriteBack(source.client.api, h.log.logger);
    const writer = createHubSpotLeadWriter({
      client: source.client,
      config,
      logger: h.log.logger,
      clock: h.clock,
    });
    // sla-bot knows both reps in Slack (it has messaged them before).
    const evaUser = s.sandbox.state.addUser({ email: 'eva@example.com' });
    const bramUser = s.sandbox.state.userByEmail('bram@example.com');
    if (bramUser === null) throw new Error('the harness adds bram');
    await h.store.saveSlackUser({ email: 'bram@example.com', slackUserId: bramUser.id, checkedAt: T0 });
    await h.store.saveSlackUser({ email: 'eva@example.com', slackUserId: evaUser.id, checkedAt: T0 });

    const deps = { ...s.deps, crm: source, engine: slaEngine, leadWriter: writer };
    const state = new WorkerState();
    const cycleAt = async (at: number) => {
      h.clock.set(at);
      const report = await runCycle(deps, state);
      expect(report.outcome, report.error ?? '').toBe('ok');
    };
    const keys = () =>
      s.sandbox.state.log.messages.map((m) => keyOf({ metadata: m.metadata }) ?? m.ts).sort();
    const ownerOf = (type: 'contacts' | 'leads', id: string) =>
      hs.state.data.get(type, id)?.properties.get('hubspot_owner_id');
    const leadReads = () => hs.stats.snapshot().byEndpoint[LEAD_BATCH_READ]?.count ?? 0;
    return { h, hs, bram, eva, cycleAt, keys, ownerOf, leadReads };
  }

  it('moves the lead record’s owner in HubSpot, and the next polls and read-backs keep the new owner', async () => {
    const w = await world();
    const ana = w.hs.state.addContact({ firstName: 'Ana', lastName: 'Lead', ownerId: w.bram.id });
    const lead = w.hs.state.createLead(ana.id, { ownerId: w.bram.id });
    const id = `lead:${lead.id}:sal:${T0}`;
    const stored = async () => (await w.h.store.instance(id))?.instance;

    await w.cycleAt(T0 + SECOND);
    expect(await stored()).toMatchObject({ ownerId: w.bram.id });
    const written = DEADLINE + SECOND;
    await w.cycleAt(written);
    expect(await w.h.store.reassignmentsOf([id])).toMatchObject([{ state: 'written', toOwnerId: w.eva.id }]);
    // HubSpot: the lead record is Eva's now; its contact keeps its own owner.
    expect(w.ownerOf('leads', lead.id)).toBe(w.eva.id);
    expect(w.ownerOf('contacts', ana.id)).toBe(w.bram.id);
    expect(await stored()).toMatchObject({ ownerId: w.eva.id, ownerChangedAt: written });

    // The polls that follow, the read-back of the open lead among them, read the lead record: Eva's.
    const readsBefore = w.leadReads();
    for (const at of [written + 30 * SECOND, written + MINUTE, written + 2 * MINUTE, written + 3 * MINUTE])
      await w.cycleAt(at);
    expect(w.leadReads()).toBeGreaterThan(readsBefore);
    expect(await stored()).toMatchObject({ ownerId: w.eva.id, ownerChangedAt: written });
    // One ping each: Bram's at the handoff, Eva's on her own clock from the write; none to Bram again.
    expect(w.keys().filter((k) => k.includes(':handoff:'))).toEqual(
      [`${id}:handoff:${w.bram.id}:owner`, `${id}:${written}:handoff:${w.eva.id}:owner`].sort(),
    );
  });

  it('a router that moves the lead through the API after sla-bot did is followed, though HubSpot dates it earlier', async () => {
    const w = await world();
    const jan = w.hs.state.addOwner({ email: 'jan@example.com', firstName: 'Jan', lastName: 'Jansen' });
    const ana = w.hs.state.addContact({ firstName: 'Ana', lastName: 'Lead', ownerId: w.bram.id });
    const lead = w.hs.state.createLead(ana.id, { ownerId: w.bram.id });
    const id = `lead:${lead.id}:sal:${T0}`;
    const stored = async () => (await w.h.store.instance(id))?.instance;
    await w.cycleAt(T0 + SECOND);
    const written = DEADLINE + SECOND;
    await w.cycleAt(written);
    expect(await stored()).toMatchObject({ ownerId: w.eva.id, ownerChangedAt: written });

    // Another integration (its own private app) gives the lead to Jan through the API. The sandbox, like
    // the stricter reading of HubSpot, leaves hubspot_owner_assigneddate at Bram's assignment (T0).
    w.h.clock.set(written + 20 * SECOND);
    w.hs.state.setProperties('leads', lead.id, { hubspot_owner_id: jan.id });
    for (const at of [written + 30 * SECOND, written + MINUTE, written + 2 * MINUTE, written + 3 * MINUTE])
      await w.cycleAt(at);
    expect(await stored()).toMatchObject({ ownerId: jan.id });
    expect((await stored())?.ownerChangedAt).toBeGreaterThanOrEqual(written);
  });
});
