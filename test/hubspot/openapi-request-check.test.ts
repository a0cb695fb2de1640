import { describe, expect, it } from 'vitest';
import { toSdkSearch } from '../../src/hubspot/search-request.ts';
import { WRITE_BACK_PROPERTIES } from '../../src/hubspot/write-back-properties.ts';
import { toPropertyCreate } from '../../src/hubspot/write-back-setup.ts';
import { hubspotClient, rejection } from '../sandbox/helpers.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import { checkHubSpotRequest, type OutgoingRequest } from '../support/hubspot-request-check.ts';
import { takeSpecViolations } from '../support/hubspot-spec-violations.ts';

const post = (path: string, body: unknown, query = ''): OutgoingRequest => ({
  method: 'POST',
  path,
  query: new URLSearchParams(query),
  contentType: 'application/json',
  body: JSON.stringify(body),
});
const get = (path: string, query = ''): OutgoingRequest => ({
  method: 'GET',
  path,
  query: new URLSearchParams(query),
  contentType: undefined,
  body: '',
});

const SEARCH = '/crm/v3/objects/contacts/search';
/** A search as the product builds it (`toSdkSearch`): every spec-required field present. */
const productSearch = () =>
  toSdkSearch({
    filterGroups: [
      { filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: '1714557300000' }] },
    ],
    sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
    properties: ['email'],
    limit: 200,
  });
const withFilter = (filter: Record<string, unknown>) => ({
  ...productSearch(),
  filterGroups: [{ filters: [filter] }],
});

describe('HubSpot request check (hand-written from the OpenAPI spec)', () => {
  it('accepts the requests the product builds', () => {
    expect(checkHubSpotRequest(post(SEARCH, productSearch()))).toBeNull();
    expect(productSearch().after).toBe('0');
    expect(
      checkHubSpotRequest(
        post('/crm/v3/objects/deals/batch/read', {
          inputs: [{ id: '1' }],
          properties: [],
          propertiesWithHistory: [],
        }),
      ),
    ).toBeNull();
    for (const property of WRITE_BACK_PROPERTIES)
      expect(checkHubSpotRequest(post('/crm/v3/properties/contacts', toPropertyCreate(property)))).toBeNull();
    expect(checkHubSpotRequest(get('/crm/v3/owners/', 'limit=100&archived=false&after=12'))).toBeNull();
    expect(checkHubSpotRequest(get('/calling/v1/dispositions'))).toBeNull();
  });

  it.each(['contacts', 'leads', 'calls', 'emails', 'meetings'])(
    'checks the %s search the product sends against that object’s spec file',
    (type) => {
      const path = `/crm/v3/objects/${type}/search`;
      expect(checkHubSpotRequest(post(path, productSearch()))).toBeNull();
      expect(checkHubSpotRequest(post(path, withFilter({ propertyName: 'x', operator: 'GREATER' })))).toMatch(
        new RegExp(`${type}\\.search\\): body filterGroups\\.0\\.filters\\.0\\.operator`),
      );
    },
  );

  it.each(['contacts', 'leads', 'deals', 'calls', 'emails', 'meetings', 'tasks'])(
    'checks the %s batch read the product sends (deals against the generic Objects file)',
    (type) => {
      const path = `/crm/v3/objects/${type}/batch/read`;
      const body = { inputs: [{ id: '1' }], properties: ['a'], propertiesWithHistory: ['b'] };
      expect(checkHubSpotRequest(post(path, body))).toBeNull();
      expect(checkHubSpotRequest(post(path, body, 'archived=true'))).toBeNull();
      expect(checkHubSpotRequest(post(path, { ...body, inputs: [{ id: 1 }] }))).toMatch(/body inputs\.0\.id/);
    },
  );

  it('checks the metadata and write requests: owners, properties, groups, pipelines, contact updates', () => {
    expect(checkHubSpotRequest(get('/crm/v3/properties/contacts'))).toBeNull();
    expect(checkHubSpotRequest(get('/crm/v3/properties/contacts', 'dataSensitivity=secret'))).toMatch(
      /dataSensitivity=secret not in enum/,
    );
    expect(checkHubSpotRequest(get('/crm/v3/pipelines/leads'))).toBeNull();
    expect(checkHubSpotRequest(get('/crm/v3/pipelines/leads', 'archived=false'))).toMatch(
      /archived is not in the spec/,
    );
    const group = { name: 'sla_bot', label: 'SLA bot' };
    expect(checkHubSpotRequest(post('/crm/v3/properties/contacts/groups', group))).toBeNull();
    expect(checkHubSpotRequest(post('/crm/v3/properties/contacts/groups', { name: 'sla_bot' }))).toMatch(
      /body label/,
    );
    const update = (properties: unknown): OutgoingRequest => ({
      ...post('/crm/v3/objects/contacts/101', { properties }),
      method: 'PATCH',
    });
    expect(checkHubSpotRequest(update({ lifecyclestage: '' }))).toBeNull();

    expect(checkHubSpotRequest(update({ sla_bot_late_by_minutes: 12 }))).toMatch(/sla_bot_late_by_minutes/);
    expect(
      checkHubSpotRequest(
        post('/crm/v4/associations/leads/contacts/batch/read', { inputs: [{ id: '1', after: 'x' }] }),
      ),
    ).toBeNull();
  });

  it('checks the task update that completes a retracted breach’s task against the Tasks file', () => {
    const taskUpdate = (properties: unknown, query = ''): OutgoingRequest => ({
      ...post('/crm/v3/objects/tasks/555', { properties }, query),
      method: 'PATCH',
    });
    const completed = { hs_task_status: 'COMPLETED', hs_task_body: 'note\nsla-bot ref: breach-0a1b' };
    expect(checkHubSpotRequest(taskUpdate(completed))).toBeNull();
    expect(checkHubSpotRequest(taskUpdate({ hs_task_status: 'COMPLETED', hs_task_priority: 1 }))).toMatch(
      /tasks\.update\): body properties\.hs_task_priority/,
    );
    expect(checkHubSpotRequest(taskUpdate(completed, 'archived=true'))).toMatch(
      /archived is not in the spec/,
    );
    expect(checkHubSpotRequest({ ...taskUpdate(completed), body: JSON.stringify(completed) })).toMatch(
      /tasks\.update\): body properties/,
    );
  });

  it('rejects a filter operator the spec does not list', () => {
    expect(
      checkHubSpotRequest(
        post(SEARCH, withFilter({ propertyName: 'email', operator: 'CONTAINS', value: 'x' })),
      ),
    ).toMatch(/contacts\.search\): body filterGroups\.0\.filters\.0\.operator: Invalid option/);
    expect(
      checkHubSpotRequest(post(SEARCH, withFilter({ propertyName: 'email', operator: 'eq', value: 'x' }))),
    ).toMatch(/operator/);
  });

  it('rejects a path no operation of the spec has, and a method the path does not allow', () => {
    expect(checkHubSpotRequest(post('/crm/v3/object/contacts/search', productSearch()))).toBe(
      'POST /crm/v3/object/contacts/search: no operation of the HubSpot OpenAPI spec has this path',
    );
    // A misspelt `search` reads as a record id, where only GET, PATCH and DELETE are allowed.
    expect(checkHubSpotRequest(post('/crm/v3/objects/contacts/serch', productSearch()))).toMatch(
      /the spec allows PATCH, GET, DELETE on this path, not POST/,
    );
    expect(checkHubSpotRequest(get('/crm/v3/contacts/search'))).toMatch(/no operation/);
    expect(checkHubSpotRequest(get('/crm/v3/objects/contacts/batch/read'))).toMatch(
      /the spec allows POST on this path, not GET/,
    );
    expect(checkHubSpotRequest(get('/crm/v3/owners//'))).toMatch(/no operation/);
  });

  it('rejects a body without a field the spec requires', () => {
    const { after: _after, ...firstPageWithoutAfter } = productSearch();
    expect(checkHubSpotRequest(post(SEARCH, firstPageWithoutAfter))).toMatch(/body after: Invalid input/);
    expect(
      checkHubSpotRequest(
        post('/crm/v3/objects/contacts/batch/read', { inputs: [{ id: '1' }], properties: [] }),
      ),
    ).toMatch(/body propertiesWithHistory/);
    expect(
      checkHubSpotRequest(post('/crm/v3/objects/tasks', { properties: { hs_task_subject: 'x' } })),
    ).toMatch(/body associations/);
    expect(
      checkHubSpotRequest(post('/crm/v4/associations/contacts/calls/batch/read', { inputs: [{}] })),
    ).toMatch(/body inputs\.0\.id/);
  });

  it('rejects enum values the spec does not allow: association categories, sort directions, property types', () => {
    const task = (associationCategory: string) => ({
      properties: { hs_task_subject: 'x' },
      associations: [{ to: { id: '1' }, types: [{ associationCategory, associationTypeId: 204 }] }],
    });
    expect(checkHubSpotRequest(post('/crm/v3/objects/tasks', task('HUBSPOT_DEFINED')))).toBeNull();
    expect(checkHubSpotRequest(post('/crm/v3/objects/tasks', task('HUBSPOT')))).toMatch(
      /associationCategory/,
    );
    const sorted = (sort: unknown) => ({ ...productSearch(), sorts: [sort] });
    expect(
      checkHubSpotRequest(post(SEARCH, sorted({ propertyName: 'createdate', direction: 'ASC' }))),
    ).toMatch(/sorts\.0/);
    expect(checkHubSpotRequest(post(SEARCH, sorted('-createdate')))).toBeNull();
    const two = { ...productSearch(), sorts: ['createdate', '-hs_object_id'] };
    expect(checkHubSpotRequest(post(SEARCH, two))).toMatch(/body sorts: Too big/);
    // A JSON-encoded sort in a string: the spec's `string` type allows it, HubSpot ignores it (no sort).
    expect(
      checkHubSpotRequest(
        post(SEARCH, sorted(JSON.stringify({ propertyName: 'createdate', direction: 'DESCENDING' }))),
      ),
    ).toMatch(/sorts\.0/);
    const property = { ...WRITE_BACK_PROPERTIES.map(toPropertyCreate)[0], type: 'text' };
    expect(checkHubSpotRequest(post('/crm/v3/properties/contacts', property))).toMatch(/body type/);
  });

  it('rejects fields, query parameters and values the spec does not declare', () => {
    const misspelt = { inputs: [{ id: '1' }], properties: [], propertiesWithHistroy: [] };
    expect(checkHubSpotRequest(post('/crm/v3/objects/contacts/batch/read', misspelt))).toMatch(
      /Unrecognized key: "propertiesWithHistroy"/,
    );
    expect(checkHubSpotRequest(get('/crm/v3/owners/', 'limitt=100'))).toMatch(
      /query parameter limitt is not in the spec/,
    );
    expect(checkHubSpotRequest(get('/crm/v3/owners/', 'archived=yes'))).toMatch(
      /archived=yes is not boolean/,
    );
    expect(checkHubSpotRequest(get('/crm/v3/owners/', 'limit=ten'))).toMatch(/limit=ten is not integer/);
    expect(checkHubSpotRequest(get('/account-info/v3/details', 'portalId=1'))).toMatch(/portalId/);
    expect(checkHubSpotRequest({ ...post(SEARCH, productSearch()), contentType: 'text/plain' })).toMatch(
      /not sent as application\/json/,
    );
    expect(checkHubSpotRequest({ ...get('/calling/v1/dispositions'), body: '{}' })).toMatch(
      /no request body/,
    );
  });
});

describe('the check on every HubSpot sandbox of the tests', () => {
  it('refuses a request the spec does not allow with HubSpot’s 400 VALIDATION_ERROR, and records it', async () => {
    await using sandbox = await startCheckedHubSpotSandbox({ rateLimits: false });
    const client = hubspotClient(sandbox);
    const bad = withFilter({ propertyName: 'email', operator: 'LIKE', value: 'x' });
    const error = await rejection(
      client.apiRequest({ method: 'POST', path: SEARCH, body: bad }).then(assertOk),
    );
    expect(error.message).toMatch(/400 VALIDATION_ERROR .*not allowed by HubSpot's OpenAPI spec/);
    expect(takeSpecViolations()).toEqual([
      expect.stringMatching(/^POST \/crm\/v3\/objects\/contacts\/search/),
    ]);
    // What the spec allows goes through.
    const ok = await client.apiRequest({ method: 'POST', path: SEARCH, body: productSearch() });
    expect(ok.status).toBe(200);
    expect(takeSpecViolations()).toEqual([]);
  });
});

describe('the check on nock scopes for HubSpot origins', () => {
  const http = useStrictHttp();

  it('records a request the spec does not allow even though the mock answered it', async () => {
    http
      .scope('https://hubspot.test')
      .post('/crm/v3/objects/contacts/batch/read')
      .reply(200, { results: [] });
    const response = await fetch('https://hubspot.test/crm/v3/objects/contacts/batch/read', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inputs: [{ id: '1' }] }),
    });
    expect(response.status).toBe(200);
    expect(takeSpecViolations()).toEqual([
      expect.stringMatching(/contacts\.batchRead\): body properties: .*; body propertiesWithHistory/),
    ]);
  });
});

/** `apiRequest` resolves on any status: turn a non-2xx answer into an error naming status and body. */
async function assertOk(response: Response): Promise<Response> {
  if (response.ok) return response;
  const body = (await response.json()) as { category?: string; message?: string };
  throw new Error(`${response.status} ${body.category} ${body.message}`);
}
