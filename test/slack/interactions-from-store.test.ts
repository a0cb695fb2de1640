import { describe, expect, it } from 'vitest';
import type { SlaConfig } from '../../src/config/types.ts';
import type { SlaInstance } from '../../src/domain/model.ts';
import { HOUR, MINUTE } from '../../src/domain/time.ts';
import type { LeadWriter } from '../../src/ports/lead-writer.ts';
import { interactionsFromStore } from '../../src/slack/interactions-from-store.ts';
import { FakeSlackStore } from './support/fake-slack-store.ts';
import { evaluation, instance, owner, slackConfig, T0 } from './support/fixtures.ts';
import { silentLogger } from './support/harness.ts';

class RecordingLeadWriter implements LeadWriter {
  readonly calls: { instanceId: string; reason: string; leadStatus: string }[] = [];
  failWith: Error | null = null;
  async writeOutcome() {}
  async createBreachTask() {}
  async retractBreachTask() {}
  async reassignOwner(): Promise<'written'> {
    return 'written';
  }
  async markNotAFit(i: SlaInstance, reason: string, leadStatus: string) {
    if (this.failWith) throw this.failWith;
    this.calls.push({ instanceId: i.id, reason, leadStatus });
  }
}

const owners = [
  owner(),
  owner({ id: 'o-chris', email: 'Chris@Example.com', firstName: 'Chris' }),
  owner({ id: 'o-eve', email: 'eve@elsewhere.example', firstName: 'Eve' }),
];

function setup(config: SlaConfig = slackConfig()) {
  const store = new FakeSlackStore();
  const writer = new RecordingLeadWriter();
  const add = (id: string, ownerId: string | null, closed = false) =>
    store.add({
      instance: instance({
        id,
        ownerId,
        ...(closed ? { closedAt: T0, closeReason: 'progressed' as const } : {}),
      }),
      evaluation: evaluation({ instanceId: id }),
      pingRef: { channel: 'D1', ts: '1.1' },
      pingState: null,
    });
  add('i-bram', 'o-bram');
  add('i-chris', 'o-chris');
  add('i-eve', 'o-eve');
  add('i-closed', 'o-bram', true);
  const interactions = interactionsFromStore({
    store,
    owners: async () => owners,
    leadWriter: writer,
    config: () => config,
    logger: silentLogger(),
  });
  return { store, writer, interactions };
}

const writeBackOn = slackConfig(
  {},
  {
    hubspot: {
      ...slackConfig().hubspot,
      writeBack: { enabled: true, createTaskOnBreach: false, notAFitLeadStatus: 'UNQUALIFIED' },
    },
  },
);

describe('interactions over the store', () => {
  it('"On it" is recorded once, with who and when; a repeat changes nothing', async () => {
    const { interactions, store } = setup();
    const first = await interactions.acknowledge('i-bram', 'bram@example.com', T0 + MINUTE, 'Bram B.');
    const again = await interactions.acknowledge('i-bram', 'chris@example.com', T0 + 2 * MINUTE, 'Chris');
    expect(first.status).toBe('recorded');
    expect(first.status === 'recorded' && first.lead.evaluation?.acknowledged).toEqual({
      instanceId: 'i-bram',
      by: 'bram@example.com',
      byName: 'Bram de Vries',
      at: T0 + MINUTE,
    });
    expect(again.status === 'duplicate' && again.lead.evaluation?.acknowledged?.by).toBe('bram@example.com');
    expect(store.acks).toHaveLength(1);
  });

  it('"On it" keeps the name people know the clicker by: the owner as in HubSpot, anyone else as in Slack', async () => {
    const { interactions, store } = setup();
    // The owner (e-mail in another case): named as in HubSpot, whatever their Slack name.
    await interactions.acknowledge('i-chris', 'chris@example.com', T0, 'chris.c');
    // Someone else (the manager): their Slack name.
    await interactions.acknowledge('i-bram', 'anna@example.com', T0, 'Anna de Boer');
    // Nobody knows a name: none is recorded (the ping shows who it was).
    await interactions.acknowledge('i-eve', 'anna@example.com', T0, null);
    expect(store.acks.map((a) => [a.instanceId, a.by, a.byName])).toEqual([
      ['i-chris', 'chris@example.com', 'Chris de Vries'],
      ['i-bram', 'anna@example.com', 'Anna de Boer'],
      ['i-eve', 'anna@example.com', undefined],
    ]);
  });

  it('"On it" on a closed or unknown lead records nothing', async () => {
    const { interactions, store } = setup();
    expect((await interactions.acknowledge('i-closed', 'x', T0, null)).status).toBe('closed');
    expect((await interactions.acknowledge('nope', 'x', T0, null)).status).toBe('not_found');
    expect(store.acks).toHaveLength(0);
  });

  it('"Not a fit" records the reason, stops the clock and, with write-back on, recycles the lead in HubSpot', async () => {
    const { interactions, store, writer } = setup(writeBackOn);
    const out = await interactions.markNotAFit('i-bram', 'No budget', 'bram@example.com', T0 + HOUR);
    expect(out).toMatchObject({
      status: 'recorded',
      writeBack: { status: 'done', leadStatus: 'UNQUALIFIED' },
    });
    expect(store.rejections).toEqual([
      { instanceId: 'i-bram', reason: 'No budget', by: 'bram@example.com', at: T0 + HOUR },
    ]);
    expect(store.instances.get('i-bram')?.instance).toMatchObject({
      closedAt: T0 + HOUR,
      closeReason: 'not_a_fit',
      closeDetail: 'bram@example.com',
    });
    // Who marked it is kept with the close: the lead's messages say "marked not a fit by …" (issue 15).
    expect(store.closes).toEqual([
      { instanceId: 'i-bram', at: T0 + HOUR, reason: 'not_a_fit', detail: 'bram@example.com' },
    ]);
    expect(writer.calls).toEqual([{ instanceId: 'i-bram', reason: 'No budget', leadStatus: 'UNQUALIFIED' }]);
  });

  it('"Not a fit" on a lead that already moved on records the reason but keeps the earlier close', async () => {
    const { interactions, store } = setup();
    const out = await interactions.markNotAFit('i-closed', 'Student', 'a', T0 + HOUR);
    expect(out.status === 'recorded' && out.lead.instance).toMatchObject({
      closedAt: T0,
      closeReason: 'progressed',
    });
    expect(store.closes).toEqual([]);
    expect(store.rejections).toHaveLength(1);
  });

  it('"Not a fit" twice writes once', async () => {
    const { interactions, writer, store } = setup(writeBackOn);
    await interactions.markNotAFit('i-bram', 'No budget', 'a', T0);
    expect((await interactions.markNotAFit('i-bram', 'Competitor', 'a', T0)).status).toBe('duplicate');
    expect(writer.calls).toHaveLength(1);
    expect(store.rejections).toHaveLength(1);
  });

  it('"Not a fit" with write-back off records the reason but leaves HubSpot alone', async () => {
    const { interactions, writer } = setup();
    const out = await interactions.markNotAFit('i-bram', 'Student', 'a', T0);
    expect(out).toMatchObject({ status: 'recorded', writeBack: { status: 'off' } });
    expect(writer.calls).toEqual([]);
  });

  it('a failed write-back is reported with whether it may pass later', async () => {
    const { interactions, writer } = setup(writeBackOn);
    writer.failWith = Object.assign(new Error('HubSpot rate limit'), { retryable: true });
    const out = await interactions.markNotAFit('i-bram', 'Student', 'a', T0);
    expect(out).toMatchObject({
      status: 'recorded',
      writeBack: { status: 'failed', error: 'HubSpot rate limit', retryable: true },
    });
  });

  it('a silence is added once per id', async () => {
    const { interactions, store } = setup();
    const silence = {
      id: 'slack:V1',
      scope: { kind: 'team', team: 'benelux' } as const,
      from: T0,
      until: T0 + HOUR,
      reason: 'fair',
      by: 'anna@example.com',
    };
    expect(await interactions.addSilence(silence)).toBe(true);
    expect(await interactions.addSilence(silence)).toBe(false);
    expect(store.silenceList).toHaveLength(1);
  });

  it("lists a rep's open leads by e-mail, any case, with the owner attached", async () => {
    const { interactions } = setup();
    const leads = await interactions.openLeadsOf('CHRIS@example.com');
    expect(leads.map((l) => [l.instance.id, l.owner?.firstName])).toEqual([['i-chris', 'Chris']]);
  });

  it("lists a team's open leads from its members only", async () => {
    const { interactions } = setup();
    const leads = await interactions.openLeadsOfTeam('benelux');
    expect(leads.map((l) => l.instance.id).sort()).toEqual(['i-bram', 'i-chris']);
    expect(await interactions.openLeadsOfTeam('unknown')).toEqual([]);
  });
});
