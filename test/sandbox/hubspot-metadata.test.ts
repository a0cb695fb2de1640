import { describe, expect, it } from 'vitest';
import { hubspot, hubspotClient, rejection } from './helpers.ts';

describe('HubSpot sandbox owners, properties, pipelines and dispositions, through the real SDK', () => {
  it('lists active owners page by page on /crm/v3/owners/ (trailing slash) and archived ones separately', async () => {
    const sandbox = await hubspot();
    const [a, b] = [
      sandbox.state.addOwner({ email: 'anna@example.com', teams: ['benelux'] }),
      sandbox.state.addOwner({ email: 'bram.devries@example.com' }),
    ];
    const gone = sandbox.state.addOwner({ email: 'old@example.com' });
    sandbox.state.archiveOwner(gone.id);
    const api = hubspotClient(sandbox).crm.owners.ownersApi;

    const first = await api.getPage(undefined, undefined, 1);
    expect(first.results.map((o) => o.id)).toEqual([a.id]);
    expect(first.results[0]).toMatchObject({
      email: 'anna@example.com',
      firstName: 'Anna',
      type: 'PERSON',
      archived: false,
    });
    expect(first.results[0]?.teams).toEqual([expect.objectContaining({ name: 'benelux', primary: true })]);
    const second = await api.getPage(undefined, first.paging?.next?.after, 1);
    expect(second.results.map((o) => [o.id, o.firstName, o.lastName])).toEqual([[b.id, 'Bram', 'Devries']]);
    expect(second.paging).toBeUndefined();

    const archived = await api.getPage(undefined, undefined, 100, true);
    expect(archived.results.map((o) => [o.id, o.archived])).toEqual([[gone.id, true]]);
    expect(sandbox.stats.count('GET /crm/v3/owners')).toBe(3);
  });

  it('finds an owner by e-mail and by id, and 404s an unknown one', async () => {
    const sandbox = await hubspot();
    const owner = sandbox.state.addOwner({ email: 'anna@example.com' });
    const api = hubspotClient(sandbox).crm.owners.ownersApi;
    expect((await api.getPage('ANNA@example.com')).results.map((o) => o.id)).toEqual([owner.id]);
    expect((await api.getById(Number(owner.id))).email).toBe('anna@example.com');
    expect((await rejection(api.getById(1))).code).toBe(404);
  });

  it('describes lifecycle stages, custom ones included, through properties and pipelines', async () => {
    const sandbox = await hubspot();
    const sal = sandbox.state.addLifecycleStage('Sales Accepted Lead');
    const client = hubspotClient(sandbox);
    const lifecycle = await client.crm.properties.coreApi.getByName('contacts', 'lifecyclestage');
    expect(lifecycle.options.map((o) => o.value)).toContain(sal.id);
    const entered = await client.crm.properties.coreApi.getByName('contacts', `hs_v2_date_entered_${sal.id}`);
    expect(entered).toMatchObject({ type: 'datetime', modificationMetadata: { readOnlyValue: true } });
    const pipelines = await client.crm.pipelines.pipelinesApi.getAll('contacts');
    expect(pipelines.results[0]?.id).toBe('contacts-lifecycle-pipeline');
    expect(pipelines.results[0]?.stages.map((s) => s.id)).toEqual([
      'subscriber',
      'lead',
      'marketingqualifiedlead',
      'salesqualifiedlead',
      'opportunity',
      'customer',
      'evangelist',
      sal.id,
      'other',
    ]);
    const leads = await client.crm.pipelines.pipelinesApi.getAll('leads');
    expect(leads.results[0]?.stages.map((s) => s.id)).toContain('attempting-stage-id');
  });

  it('lists properties and groups, creates a group and a property, and refuses a duplicate with 409', async () => {
    const sandbox = await hubspot();
    const api = hubspotClient(sandbox).crm.properties;
    const all = await api.coreApi.getAll('contacts');
    expect(all.results.map((p) => p.name)).toEqual(
      expect.arrayContaining(['email', 'hs_lead_status', 'hubspot_owner_assigneddate']),
    );
    await api.groupsApi.create('contacts', { name: 'sla', label: 'SLA' });
    expect((await api.groupsApi.getAll('contacts')).results.map((g) => g.name)).toContain('sla');
    const input = {
      name: 'sla_minutes',
      label: 'SLA minutes',
      type: 'number' as never,
      fieldType: 'number' as never,
      groupName: 'sla',
    };
    expect((await api.coreApi.create('contacts', input)).hubspotDefined).toBe(false);
    expect((await rejection(api.coreApi.create('contacts', input))).code).toBe(409);
    expect((await rejection(api.coreApi.getByName('contacts', 'nope'))).code).toBe(404);
  });

  it('serves call dispositions on the legacy /calling/v1/dispositions endpoint', async () => {
    const sandbox = await hubspot();
    const response = await hubspotClient(sandbox).apiRequest({
      method: 'GET',
      path: '/calling/v1/dispositions',
    });
    const body = (await response.json()) as { id: string; label: string }[];
    expect(body).toContainEqual(
      expect.objectContaining({ id: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', label: 'Connected' }),
    );
    expect(body).toHaveLength(6);
  });
});
