import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/contacts/index.js';
import { describe, expect, it } from 'vitest';
import { hubspot, hubspotClient, op, rejection } from './helpers.ts';

/**
 * The search guide's limits (docs/platform-contract.md, rows HB-8…HB-10, HB-12): five filterGroups, six filters
 * a group, 18 filters in all, answered with `VALIDATION_ERROR` beyond; archived records never found.
 */
const filter = { propertyName: 'email', operator: op('HAS_PROPERTY') };

/** A search with groups of the given sizes. */
const search = (sizes: readonly number[]): PublicObjectSearchRequest => ({
  filterGroups: sizes.map((n) => ({ filters: Array(n).fill(filter) })),
  properties: [],
  sorts: [],
  limit: 10,
  after: '0',
});

async function portal() {
  const sandbox = await hubspot({ rateLimits: false });
  const kept = sandbox.state.addContact({ email: 'kept@example.com' });
  const deleted = sandbox.state.addContact({ email: 'deleted@example.com' });
  return { sandbox, kept, deleted, api: hubspotClient(sandbox).crm.contacts.searchApi };
}

describe('HubSpot sandbox search filter limits, through the real SDK', () => {
  it('takes five groups of up to six filters, and refuses a seventh filter in a group', async () => {
    const { api } = await portal();
    expect((await api.doSearch(search([6, 1, 1, 1, 1]))).total).toBe(2);
    const error = await rejection(api.doSearch(search([7])));
    expect(error.code).toBe(400);
    expect(error.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('takes 18 filters in all, and refuses a nineteenth even when every group is within six', async () => {
    const { api } = await portal();
    expect((await api.doSearch(search([6, 6, 6]))).total).toBe(2);
    const error = await rejection(api.doSearch(search([6, 6, 6, 1])));
    expect(error.code).toBe(400);
    expect(error.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('never finds an archived (deleted) record, once the index has caught up', async () => {
    const { sandbox, api, kept, deleted } = await portal();
    sandbox.state.archive('contacts', deleted.id);
    const page = await api.doSearch(search([1]));
    expect(page.results.map((r) => r.id)).toEqual([kept.id]);
    expect(page.total).toBe(1);
  });
});
