import { afterEach, describe, expect, it } from 'vitest';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { takeSpecViolations } from '../support/hubspot-spec-violations.ts';
import { hubspot, hubspotClient, rejection, T0 } from './helpers.ts';

/**
 * Batch and page sizes as HubSpot enforces them (docs/platform-contract.md, section "HubSpot: batch
 * reads, associations, search, owners, webhooks"): the sandbox must refuse what HubSpot refuses.
 */
const HISTORY_MESSAGE =
  'The maximum number of inputs supported in a batch request for property histories is 50. Please reduce the number of items and try again';

async function portal(contacts: number) {
  const sandbox = await hubspot({ rateLimits: false });
  const ids = Array.from(
    { length: contacts },
    (_, i) => sandbox.state.addContact({ email: `c${i}@example.com` }).id,
  );
  return { sandbox, ids, client: hubspotClient(sandbox) };
}

const inputs = (ids: readonly string[]) => ids.map((id) => ({ id }));

const stopping: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stopping.splice(0).map((stop) => stop()));
});

describe('HubSpot sandbox batch read sizes, through the real SDK', () => {
  it("answers a history batch read of 51 ids with HubSpot's exact 400 body, and serves 50", async () => {
    const { client, ids } = await portal(51);
    const error = await rejection(
      client.crm.contacts.batchApi.read({
        inputs: inputs(ids),
        properties: ['hs_lead_status'],
        propertiesWithHistory: ['hs_lead_status'],
      }),
    );
    expect(error.code).toBe(400);
    expect(error.body).toEqual({
      status: 'error',
      message: HISTORY_MESSAGE,
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      category: 'VALIDATION_ERROR',
    });

    const fifty = await client.crm.contacts.batchApi.read({
      inputs: inputs(ids.slice(0, 50)),
      properties: ['hs_lead_status'],
      propertiesWithHistory: ['hs_lead_status'],
    });
    expect(fifty.results).toHaveLength(50);
    expect(fifty.results[0]?.propertiesWithHistory).toHaveProperty('hs_lead_status');
  });

  it('applies the 50 to every object type read with history (the Leads object too)', async () => {
    const { sandbox, ids } = await portal(51);
    const leads = ids.map((id) => sandbox.state.createLead(id).id);
    const error = await rejection(
      hubspotClient(sandbox).crm.objects.batchApi.read('leads', {
        inputs: inputs(leads),
        properties: [],
        propertiesWithHistory: ['hs_pipeline_stage'],
      }),
    );
    expect(error.code).toBe(400);
    expect(error.body).toMatchObject({ category: 'VALIDATION_ERROR', message: HISTORY_MESSAGE });
  });

  it('refuses a plain batch read of 101 ids with a 400 and serves 100', async () => {
    const { client, ids } = await portal(101);
    const error = await rejection(
      client.crm.contacts.batchApi.read({ inputs: inputs(ids), properties: [], propertiesWithHistory: [] }),
    );
    expect(error.code).toBe(400);
    expect(error.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    const hundred = await client.crm.contacts.batchApi.read({
      inputs: inputs(ids.slice(0, 100)),
      properties: [],
      propertiesWithHistory: [],
    });
    expect(hundred.results).toHaveLength(100);
  });

  it('lists at most 50 records a page when property history is asked for, 100 without', async () => {
    // The product never lists objects, so the spec check has no schema for this endpoint: record, don't refuse.
    const sandbox = await startCheckedHubSpotSandbox({
      clock: new FakeClock(T0),
      rateLimits: false,
      specCheck: 'record',
    });
    stopping.push(() => sandbox.stop());
    for (let i = 0; i < 101; i++) sandbox.state.addContact({ email: `c${i}@example.com` });
    const api = hubspotClient(sandbox).crm.contacts.basicApi;
    const error = await rejection(api.getPage(51, undefined, ['email'], ['hs_lead_status']));
    expect(error.code).toBe(400);
    expect(error.body).toMatchObject({ category: 'VALIDATION_ERROR', message: HISTORY_MESSAGE });
    expect((await api.getPage(50, undefined, ['email'], ['hs_lead_status'])).results).toHaveLength(50);
    expect((await api.getPage(100, undefined, ['email'])).results).toHaveLength(100);
    expect((await rejection(api.getPage(101, undefined, ['email']))).code).toBe(400);
    takeSpecViolations();
  });
});

describe('HubSpot sandbox associations v4 batch read size', () => {
  it('serves 1,000 inputs in one request (1,001 is refused in hubspot-associations.test.ts)', async () => {
    const { sandbox, ids } = await portal(1);
    const [first = ''] = ids;
    sandbox.state.logCall(first);
    const page = await hubspotClient(sandbox).crm.associations.v4.batchApi.getPage('contacts', 'calls', {
      inputs: Array.from({ length: 1_000 }, (_, i) => ({ id: i === 0 ? first : String(900_000 + i) })),
    });
    expect(page.results.map((r) => r._from.id)).toEqual([first]);
  });
});

describe('HubSpot sandbox owners paging', () => {
  it('pages at most 100 owners (the documented default; no larger maximum is documented)', async () => {
    const sandbox = await hubspot({ rateLimits: false });
    for (let i = 0; i < 101; i++) sandbox.state.addOwner({ email: `rep${i}@example.com` });
    const api = hubspotClient(sandbox).crm.owners.ownersApi;
    const error = await rejection(api.getPage(undefined, undefined, 101));
    expect(error.code).toBe(400);
    expect(error.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    const first = await api.getPage(undefined, undefined, 100);
    expect(first.results).toHaveLength(100);
    const second = await api.getPage(undefined, first.paging?.next?.after, 100);
    expect(second.results).toHaveLength(1);
    expect(second.paging).toBeUndefined();
  });

  it('lists deactivated owners only with archived=true, with userId null and userIdIncludingInactive kept', async () => {
    const sandbox = await hubspot({ rateLimits: false });
    const active = sandbox.state.addOwner({ email: 'anna@example.com' });
    const gone = sandbox.state.addOwner({ email: 'old@example.com' });
    sandbox.state.archiveOwner(gone.id);
    const api = hubspotClient(sandbox).crm.owners.ownersApi;
    expect((await api.getPage()).results.map((o) => o.id)).toEqual([active.id]);
    const archived = await api.getPage(undefined, undefined, 100, true);
    expect(archived.results).toEqual([
      expect.objectContaining({
        id: gone.id,
        archived: true,
        userId: null,
        userIdIncludingInactive: gone.userId,
      }),
    ]);
  });
});
