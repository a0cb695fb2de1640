import { describe, expect, it } from 'vitest';
import { generateContacts } from '../../src/sandbox/index.ts';
import { hubspot, hubspotClient, rejection, searchRequest, T0 } from './helpers.ts';

const MINUTE = 60_000;

async function portal() {
  const sandbox = await hubspot({ rateLimits: false });
  const { state, clock } = sandbox;
  const owner = state.addOwner({ email: 'bram@example.com' });
  const ana = state.addContact({
    firstName: 'Ana',
    lastName: 'Díaz',
    email: 'ana@acme.nl',
    score: 80,
    source: 'PAID_SEARCH',
  });
  clock.advance(MINUTE);
  const bo = state.addContact({
    firstName: 'Bo',
    lastName: 'Visser',
    email: 'bo@polder.nl',
    score: 20,
    phone: '+31 6 1234 5678',
  });
  clock.advance(MINUTE);
  const cas = state.addContact({
    firstName: 'Cas',
    lastName: 'Bakker',
    email: 'cas@delta.be',
    score: 55,
    ownerId: owner.id,
  });
  state.moveStage(ana.id, 'marketingqualifiedlead', { at: T0 + 10 * MINUTE });
  state.moveStage(cas.id, 'marketingqualifiedlead', { at: T0 + 12 * MINUTE });
  state.moveStage(bo.id, 'salesqualifiedlead', { at: T0 + 11 * MINUTE });
  clock.set(T0 + 20 * MINUTE);
  return { sandbox, client: hubspotClient(sandbox), ids: { ana: ana.id, bo: bo.id, cas: cas.id }, owner };
}

describe('HubSpot sandbox search, through the real SDK', () => {
  it('finds contacts that entered a stage since a watermark, oldest first, with unset properties as null', async () => {
    const { client, ids } = await portal();
    const page = await client.crm.contacts.searchApi.doSearch(
      searchRequest(
        [
          {
            propertyName: 'hs_v2_date_entered_marketingqualifiedlead',
            operator: 'GTE',
            value: String(T0 + 5 * MINUTE),
          },
        ],
        {
          sorts: ['hs_v2_date_entered_marketingqualifiedlead'],
          properties: ['lifecyclestage', 'hubspot_owner_id', 'phone'],
        },
      ),
    );
    expect(page.total).toBe(2);
    expect(page.results.map((r) => r.id)).toEqual([ids.ana, ids.cas]);
    expect(page.results[0]?.properties).toMatchObject({
      lifecyclestage: 'marketingqualifiedlead',
      hubspot_owner_id: null,
      phone: null,
      hs_object_id: ids.ana,
    });
    expect(page.results[0]?.createdAt).toBeInstanceOf(Date);
    expect(page.paging).toBeUndefined();
  });

  it('accepts date filter values as ISO strings as well as epoch milliseconds', async () => {
    const { client, ids } = await portal();
    const iso = new Date(T0 + 11 * MINUTE).toISOString();
    const page = await client.crm.contacts.searchApi.doSearch(
      searchRequest([
        { propertyName: 'hs_v2_date_entered_marketingqualifiedlead', operator: 'GT', value: iso },
      ]),
    );
    expect(page.results.map((r) => r.id)).toEqual([ids.cas]);
  });

  it.each([
    [
      'EQ is case-insensitive on strings',
      { propertyName: 'email', operator: 'EQ', value: 'ANA@acme.nl' },
      ['ana'],
    ],
    [
      'NEQ also matches records without the property',
      { propertyName: 'hubspot_owner_id', operator: 'NEQ', value: '1' },
      ['ana', 'bo', 'cas'],
    ],
    [
      'GT compares numbers as numbers',
      { propertyName: 'hubspotscore', operator: 'GT', value: '55' },
      ['ana'],
    ],
    ['LTE includes the bound', { propertyName: 'hubspotscore', operator: 'LTE', value: '55' }, ['bo', 'cas']],
    ['LT on a date', { propertyName: 'createdate', operator: 'LT', value: String(T0 + MINUTE) }, ['ana']],
    [
      'BETWEEN is inclusive',
      { propertyName: 'hubspotscore', operator: 'BETWEEN', value: '20', highValue: '55' },
      ['bo', 'cas'],
    ],
    [
      'IN matches any value',
      { propertyName: 'lifecyclestage', operator: 'IN', values: ['salesqualifiedlead', 'opportunity'] },
      ['bo'],
    ],
    [
      'NOT_IN keeps records without the property',
      { propertyName: 'hs_analytics_source', operator: 'NOT_IN', values: ['PAID_SEARCH'] },
      ['bo', 'cas'],
    ],
    ['HAS_PROPERTY', { propertyName: 'phone', operator: 'HAS_PROPERTY' }, ['bo']],
    ['NOT_HAS_PROPERTY', { propertyName: 'hubspot_owner_id', operator: 'NOT_HAS_PROPERTY' }, ['ana', 'bo']],
    [
      'CONTAINS_TOKEN with a wildcard',
      { propertyName: 'email', operator: 'CONTAINS_TOKEN', value: '*@delta.be' },
      ['cas'],
    ],
  ] as const)('%s', async (_name, filter, expected) => {
    const { client, ids } = await portal();
    const page = await client.crm.contacts.searchApi.doSearch(
      searchRequest([{ ...filter, values: 'values' in filter ? [...filter.values] : undefined } as never]),
    );
    expect(page.results.map((r) => r.id)).toEqual(expected.map((name) => ids[name]));
  });

  it('ANDs filters inside a group and ORs the groups', async () => {
    const { client, ids } = await portal();
    const page = await client.crm.contacts.searchApi.doSearch({
      filterGroups: [
        {
          filters: [
            { propertyName: 'lifecyclestage', operator: 'EQ' as never, value: 'marketingqualifiedlead' },
            { propertyName: 'hubspotscore', operator: 'GT' as never, value: '60' },
          ],
        },
        {
          filters: [{ propertyName: 'lifecyclestage', operator: 'EQ' as never, value: 'salesqualifiedlead' }],
        },
      ],
      properties: [],
      sorts: [],
      limit: 10,
      after: '0',
    });
    expect(page.results.map((r) => r.id).sort()).toEqual([ids.ana, ids.bo].sort());
  });

  it('sorts descending with the SDK string form and with the wire object form', async () => {
    const { sandbox, client, ids } = await portal();
    const viaSdk = await client.crm.contacts.searchApi.doSearch(
      searchRequest([], { sorts: ['-hubspotscore'] }),
    );
    expect(viaSdk.results.map((r) => r.id)).toEqual([ids.ana, ids.cas, ids.bo]);
    const raw = await hubspotClient(sandbox).apiRequest({
      method: 'POST',
      path: '/crm/v3/objects/contacts/search',
      body: { ...searchRequest([]), sorts: [{ propertyName: 'hubspotscore', direction: 'DESCENDING' }] },
    });
    const body = (await raw.json()) as { results: { id: string }[] };
    expect(body.results.map((r) => r.id)).toEqual([ids.ana, ids.cas, ids.bo]);
  });

  it('pages with after and reports the full total', async () => {
    const { client, ids } = await portal();
    const first = await client.crm.contacts.searchApi.doSearch(searchRequest([], { limit: 2 }));
    expect(first.total).toBe(3);
    expect(first.results.map((r) => r.id)).toEqual([ids.ana, ids.bo]);
    expect(first.paging?.next?.after).toBe('2');
    const second = await client.crm.contacts.searchApi.doSearch(
      searchRequest([], { limit: 2, after: first.paging?.next?.after ?? '' }),
    );
    expect(second.results.map((r) => r.id)).toEqual([ids.cas]);
    expect(second.paging).toBeUndefined();
  });

  it('rejects a limit above 200 with a 400 the SDK throws as ApiException', async () => {
    const { client } = await portal();
    const error = await rejection(client.crm.contacts.searchApi.doSearch(searchRequest([], { limit: 201 })));
    expect(error.code).toBe(400);
    expect(error.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('rejects more than five filter groups', async () => {
    const { client } = await portal();
    const group = { filters: [{ propertyName: 'email', operator: 'HAS_PROPERTY' as never }] };
    const error = await rejection(
      client.crm.contacts.searchApi.doSearch({
        filterGroups: Array(6).fill(group),
        properties: [],
        sorts: [],
        limit: 10,
        after: '0',
      }),
    );
    expect(error.code).toBe(400);
  });

  it('serves at most 10,000 results per query: the page after the cap is a 400', async () => {
    const sandbox = await hubspot({ rateLimits: false });
    generateContacts(sandbox.state, { count: 10_050, seed: 5 });
    const client = hubspotClient(sandbox);
    const last = await client.crm.contacts.searchApi.doSearch(
      searchRequest([], { limit: 200, after: '9800' }),
    );
    expect(last.total).toBe(10_050);
    expect(last.results).toHaveLength(200);
    expect(last.paging?.next?.after).toBe('10000');
    const beyond = await rejection(
      client.crm.contacts.searchApi.doSearch(searchRequest([], { limit: 200, after: '10000' })),
    );
    expect(beyond.code).toBe(400);
  });

  it('finds a new record only after the index lag, while reads by id see it at once', async () => {
    const sandbox = await hubspot({ rateLimits: false, indexLagMs: 5_000 });
    const client = hubspotClient(sandbox);
    const contact = sandbox.state.addContact({ email: 'late@example.com', stage: 'salesqualifiedlead' });
    const byStage = searchRequest([
      { propertyName: 'lifecyclestage', operator: 'EQ', value: 'salesqualifiedlead' },
    ]);
    expect((await client.crm.contacts.searchApi.doSearch(byStage)).total).toBe(0);
    expect((await client.crm.contacts.basicApi.getById(contact.id)).id).toBe(contact.id);
    sandbox.clock.advance(4_999);
    expect((await client.crm.contacts.searchApi.doSearch(byStage)).total).toBe(0);
    sandbox.clock.advance(1);
    expect((await client.crm.contacts.searchApi.doSearch(byStage)).total).toBe(1);
  });

  it('shows the old values of a changed record until the change is indexed', async () => {
    const sandbox = await hubspot({ rateLimits: false, indexLagMs: 10_000 });
    const client = hubspotClient(sandbox);
    const contact = sandbox.state.addContact({ email: 'x@example.com', stage: 'marketingqualifiedlead' });
    sandbox.clock.advance(10_000);
    sandbox.state.moveStage(contact.id, 'salesqualifiedlead');
    const page = await client.crm.contacts.searchApi.doSearch(
      searchRequest([], { properties: ['lifecyclestage'] }),
    );
    expect(page.results[0]?.properties.lifecyclestage).toBe('marketingqualifiedlead');
    sandbox.clock.advance(10_000);
    const later = await client.crm.contacts.searchApi.doSearch(
      searchRequest([], { properties: ['lifecyclestage'] }),
    );
    expect(later.results[0]?.properties.lifecyclestage).toBe('salesqualifiedlead');
  });

  it('searches calls by associated contact with the associations.contact pseudo-property', async () => {
    const { sandbox, client, ids } = await portal();
    sandbox.state.logCall(ids.ana, { at: T0 + 15 * MINUTE, disposition: 'No answer' });
    sandbox.state.logCall(ids.bo, { at: T0 + 16 * MINUTE });
    sandbox.state.logCall(ids.ana, { at: T0 + 17 * MINUTE, direction: 'INBOUND' });
    const page = await client.crm.objects.calls.searchApi.doSearch(
      searchRequest(
        [
          { propertyName: 'associations.contact', operator: 'EQ', value: ids.ana },
          { propertyName: 'hs_call_direction', operator: 'EQ', value: 'OUTBOUND' },
        ],
        { properties: ['hs_timestamp', 'hs_call_disposition'] },
      ),
    );
    expect(page.total).toBe(1);
    expect(page.results[0]?.properties).toMatchObject({
      hs_timestamp: new Date(T0 + 15 * MINUTE).toISOString(),
      hs_call_disposition: '73a0d17f-1163-4015-bdd5-ec830791da20',
    });
  });

  it('answers search without rate-limit headers, like HubSpot', async () => {
    const sandbox = await hubspot();
    const response = await hubspotClient(sandbox).apiRequest({
      method: 'POST',
      path: '/crm/v3/objects/contacts/search',
      body: searchRequest([]),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-hubspot-ratelimit-remaining')).toBeNull();
    expect(response.headers.get('x-hubspot-correlation-id')).toMatch(/[0-9a-f-]{36}/);
  });
});
