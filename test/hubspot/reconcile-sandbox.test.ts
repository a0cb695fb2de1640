import { afterEach, describe, expect, it } from 'vitest';
import { createHubSpotSource } from '../../src/hubspot/hubspot-source.ts';
import { watchedLeadsOf } from '../../src/hubspot/reconcile-schedule.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { config, FakeTiming } from './harness.ts';
import { watched } from './reconcile-support.ts';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const MIN = 60_000;
const stopping: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stopping.splice(0).map((stop) => stop()));
});

/** The real HubSpot source (and SDK) against the sandbox at `url`. */
const sourceOn = (url: string, clock: FakeClock) =>
  createHubSpotSource({
    accessToken: 'sandbox-token',
    basePath: url,
    config: config(),
    logger: captureLogger().logger,
    clock,
    timing: new FakeTiming(),
  });

describe('the read-back of open leads against the loopback HubSpot sandbox', () => {
  it('finds a deleted contact, a SAL moved back to unqualified and a removed owner, with the real SDK', async () => {
    const clock = new FakeClock(T0);
    const sandbox = await startCheckedHubSpotSandbox({ clock, rateLimits: false });
    stopping.push(() => sandbox.stop());
    const { state } = sandbox;
    state.addPropertyOption('contacts', 'hs_lead_status', 'SALES_ACCEPTED');
    const rep = state.addOwner({ email: 'bram@example.com' });
    const deleted = state.addContact({
      email: 'gone@example.com',
      ownerId: rep.id,
      stage: 'salesqualifiedlead',
    });
    const unowned = state.addContact({
      email: 'orphan@example.com',
      ownerId: rep.id,
      stage: 'salesqualifiedlead',
    });
    const steady = state.addContact({
      email: 'steady@example.com',
      ownerId: rep.id,
      stage: 'salesqualifiedlead',
    });
    const sal = state.addContact({
      email: 'sal@example.com',
      ownerId: rep.id,
      stage: 'marketingqualifiedlead',
    });
    state.setProperties('contacts', sal.id, { hs_lead_status: 'SALES_ACCEPTED' });

    clock.advance(3 * MIN);
    state.archive('contacts', deleted.id);
    state.assignOwner(unowned.id, null);
    clock.advance(MIN);
    state.setProperties('contacts', sal.id, { hs_lead_status: 'UNQUALIFIED' });
    clock.advance(MIN);

    const source = sourceOn(sandbox.url, clock);
    const open = [
      watched(deleted.id, 'sql', T0, rep.id),
      watched(unowned.id, 'sql', T0, rep.id),
      watched(steady.id, 'sql', T0, rep.id),
      watched(sal.id, 'sal', T0, rep.id),
    ];
    const poll = await source.pollHandoffs({}, clock.now(), watchedLeadsOf(open));

    // The change search also reports the owners assigned at T0 (inside this first poll's window).
    const about = (id: string) =>
      poll.changes.filter((c) => c.objectId === id && !(c.kind === 'owner_changed' && c.at === T0));
    expect(about(deleted.id)).toEqual([
      { kind: 'deleted', objectType: 'contact', objectId: deleted.id, mergedInto: null, at: T0 + 3 * MIN },
    ]);
    expect(about(sal.id)).toEqual([
      {
        kind: 'left_funnel',
        objectType: 'contact',
        objectId: sal.id,
        toStage: 'UNQUALIFIED',
        at: T0 + 4 * MIN,
      },
    ]);
    expect(about(unowned.id)).toEqual([
      {
        kind: 'owner_changed',
        objectType: 'contact',
        objectId: unowned.id,
        ownerId: null,
        at: T0 + 3 * MIN,
        current: true,
      },
    ]);
    expect(about(steady.id)).toEqual([]);
    expect(poll.rejected).toEqual([]);
  });
});

describe('an owner changed through the API by another integration', () => {
  it('the read-back reports it as the owner now (current), however HubSpot dates the assignment', async () => {
    const clock = new FakeClock(T0);
    const sandbox = await startCheckedHubSpotSandbox({
      clock,
      rateLimits: false,
      tokens: ['sandbox-token', 'router'],
    });
    stopping.push(() => sandbox.stop());
    const bram = sandbox.state.addOwner({ email: 'bram@example.com' });
    const eva = sandbox.state.addOwner({ email: 'eva@example.com' });
    const lead = sandbox.state.addContact({
      email: 'lead@example.com',
      ownerId: bram.id,
      stage: 'salesqualifiedlead',
    });
    clock.advance(3 * MIN);
    // A router (another private app) moves the lead to Eva through the API. Whether HubSpot moves
    // hubspot_owner_assigneddate on an API write is not documented: the sandbox does not (stricter).
    const patched = await fetch(`${sandbox.url}/crm/v3/objects/contacts/${lead.id}`, {
      method: 'PATCH',
      headers: { authorization: 'Bearer router', 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { hubspot_owner_id: eva.id } }),
    });
    expect(patched.status).toBe(200);
    clock.advance(MIN);
    const source = sourceOn(sandbox.url, clock);
    const poll = await source.pollHandoffs(
      {},
      clock.now(),
      watchedLeadsOf([watched(lead.id, 'sql', T0, bram.id)]),
    );
    expect(poll.changes).toContainEqual({
      kind: 'owner_changed',
      objectType: 'contact',
      objectId: lead.id,
      ownerId: eva.id,
      at: T0,
      current: true,
    });
  });
});
