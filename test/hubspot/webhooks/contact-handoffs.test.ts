import { afterEach, describe, expect, it } from 'vitest';
import { type Handoff, instanceId } from '../../../src/domain/model.ts';
import { createHubSpotSource } from '../../../src/hubspot/hubspot-source.ts';
import type { HubSpotSandbox } from '../../../src/sandbox/index.ts';
import { captureLogger } from '../../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../../support/fake-clock.ts';
import { config, FakeTiming, OVERLAP } from '../harness.ts';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const MIN = 60_000;
const stopping: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stopping.splice(0).map((stop) => stop()));
});

/** The sandbox with a search index lagging ten minutes: only reads by id see recent changes. */
async function setup() {
  const clock = new FakeClock(T0);
  const sandbox: HubSpotSandbox = await startCheckedHubSpotSandbox({
    clock,
    rateLimits: false,
    indexLagMs: 10 * MIN,
  });
  stopping.push(() => sandbox.stop());
  sandbox.state.addPropertyOption('contacts', 'hs_lead_status', 'SALES_ACCEPTED');
  const rep = sandbox.state.addOwner({ email: 'bram@example.com' });
  const other = sandbox.state.addOwner({ email: 'chris@example.com' });
  const source = createHubSpotSource({
    accessToken: 'sandbox-token',
    basePath: sandbox.url,
    config: config(),
    logger: captureLogger().logger,
    clock,
    timing: new FakeTiming(),
  });
  return { clock, sandbox, state: sandbox.state, rep, other, source };
}

describe('reading the contacts a webhook named (HubSpot sandbox, real SDK)', () => {
  it('turns a contact that just entered SQL into its handoff with one batch read, search lag or not', async () => {
    const { clock, sandbox, state, rep, source } = await setup();
    const lena = state.addContact({ firstName: 'Lena', email: 'lena@lead.example', ownerId: rep.id });
    clock.advance(MIN);
    state.moveStage(lena.id, 'salesqualifiedlead');
    clock.advance(2_000);
    const before = sandbox.stats.snapshot().total;

    const read = await source.handoffsOf?.([lena.id], clock.now());

    expect(sandbox.stats.snapshot().total - before).toBe(1);
    expect(sandbox.stats.count('POST /crm/v3/objects/contacts/batch/read')).toBe(1);
    expect(read?.handoffs).toEqual([
      expect.objectContaining({ stage: 'sql', enteredAt: T0 + MIN, ownerId: rep.id, ownerAssignedAt: T0 }),
    ]);
    expect(read?.handoffs[0]?.lead).toMatchObject({
      contactId: lena.id,
      firstName: 'Lena',
      email: 'lena@lead.example',
    });
    expect(read?.cursors).toEqual({});
  });

  it('gives the same instance as the poll that finds the handoff later, so it opens once', async () => {
    const { clock, state, rep, source } = await setup();
    const lena = state.addContact({ ownerId: rep.id });
    state.moveStage(lena.id, 'salesqualifiedlead');
    clock.advance(30_000);
    const hooked = await source.handoffsOf?.([lena.id], clock.now());
    clock.advance(10 * MIN - 30_000); // the search index caught up, the handoff still in the look-back
    const polled = await source.pollHandoffs({}, clock.now());
    const ids = (hs: readonly Handoff[]) => hs.map(instanceId);
    expect(ids(hooked?.handoffs ?? [])).toEqual([`contact:${lena.id}:sql:${T0}`]);
    expect(ids(polled.handoffs)).toEqual(ids(hooked?.handoffs ?? []));
  });

  it('ignores entries older than the poll look-back (an owner change on a month-old SQL opens nothing)', async () => {
    const { clock, state, rep, other, source } = await setup();
    const old = state.addContact({ ownerId: rep.id, stage: 'salesqualifiedlead' });
    clock.advance(OVERLAP + MIN);
    state.assignOwner(old.id, other.id);
    clock.advance(1_000);
    const read = await source.handoffsOf?.([old.id], clock.now());
    expect(read?.handoffs).toEqual([]);
    expect(read?.changes).toEqual([
      {
        kind: 'owner_changed',
        objectType: 'contact',
        objectId: old.id,
        ownerId: other.id,
        at: clock.now() - 1_000,
      },
    ]);
  });

  it('reads a property-defined stage from the property history, and a recycle move as leaving the funnel', async () => {
    const { clock, state, rep, source } = await setup();
    const sal = state.addContact({ ownerId: rep.id, stage: 'marketingqualifiedlead' });
    const recycled = state.addContact({ ownerId: rep.id, stage: 'salesqualifiedlead' });
    clock.advance(MIN);
    state.setProperties('contacts', sal.id, { hs_lead_status: 'SALES_ACCEPTED' });
    state.moveStage(recycled.id, 'lead');
    clock.advance(1_000);
    const read = await source.handoffsOf?.([sal.id, recycled.id], clock.now());
    expect(read?.handoffs.map((h) => [h.lead.contactId, h.stage, h.enteredAt])).toEqual([
      [sal.id, 'mql', T0],
      [sal.id, 'sal', T0 + MIN],
    ]);
    expect(read?.changes).toContainEqual({
      kind: 'left_funnel',
      objectType: 'contact',
      objectId: recycled.id,
      toStage: 'lead',
      at: T0 + MIN,
    });
  });

  it('reports an id HubSpot no longer has as rejected instead of failing the read', async () => {
    const { clock, source } = await setup();
    const read = await source.handoffsOf?.(['999999'], clock.now());
    expect(read?.handoffs).toEqual([]);
    expect(read?.rejected).toEqual([expect.objectContaining({ what: 'contact', id: '999999' })]);
  });
});
