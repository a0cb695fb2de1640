import { describe, expect, it } from 'vitest';
import { hubspot, hubspotClient, rejection, T0 } from './helpers.ts';

const MINUTE = 60_000;

describe('HubSpot sandbox object reads and writes, through the real SDK', () => {
  it('reads a contact with property history, newest first, as HubSpot records stage and owner changes', async () => {
    const sandbox = await hubspot();
    const { state, clock } = sandbox;
    const owner = state.addOwner({ email: 'bram@example.com' });
    const contact = state.addContact({ email: 'ana@acme.nl', stage: 'lead' });
    clock.advance(MINUTE);
    state.moveStage(contact.id, 'marketingqualifiedlead');
    clock.advance(MINUTE);
    state.assignOwner(contact.id, owner.id);

    const read = await hubspotClient(sandbox).crm.contacts.basicApi.getById(
      contact.id,
      [
        'lifecyclestage',
        'hubspot_owner_id',
        'hubspot_owner_assigneddate',
        'hs_v2_date_entered_marketingqualifiedlead',
        'hs_v2_date_exited_lead',
      ],
      ['lifecyclestage', 'hubspot_owner_id'],
    );
    expect(read.properties).toMatchObject({
      lifecyclestage: 'marketingqualifiedlead',
      hubspot_owner_id: owner.id,
      hubspot_owner_assigneddate: new Date(T0 + 2 * MINUTE).toISOString(),
      hs_v2_date_entered_marketingqualifiedlead: new Date(T0 + MINUTE).toISOString(),
      hs_v2_date_exited_lead: new Date(T0 + MINUTE).toISOString(),
    });
    const history = read.propertiesWithHistory?.lifecyclestage ?? [];
    // The SDK turns history timestamps into Date objects (property values stay strings).
    expect(history.map((h) => [h.value, h.timestamp])).toEqual([
      ['marketingqualifiedlead', new Date(T0 + MINUTE)],
      ['lead', new Date(T0)],
    ]);
    expect(history[0]).toMatchObject({ sourceType: 'CRM_UI' });
    expect(read.propertiesWithHistory?.hubspot_owner_id?.map((h) => h.value)).toEqual([owner.id]);
  });

  it('answers 404 OBJECT_NOT_FOUND for an unknown or deleted id', async () => {
    const sandbox = await hubspot();
    const contact = sandbox.state.addContact({ email: 'gone@example.com' });
    sandbox.state.archive('contacts', contact.id);
    const client = hubspotClient(sandbox);
    for (const id of ['424242', contact.id]) {
      const error = await rejection(client.crm.contacts.basicApi.getById(id));
      expect(error.code).toBe(404);
      expect(error.body).toMatchObject({ category: 'OBJECT_NOT_FOUND' });
    }
    const archived = await client.crm.contacts.basicApi.getById(
      contact.id,
      undefined,
      undefined,
      undefined,
      true,
    );
    expect(archived.archived).toBe(true);
  });

  it('batch-reads calls and returns a 207 with OBJECT_NOT_FOUND errors for missing ids, which the SDK returns', async () => {
    const sandbox = await hubspot();
    const contact = sandbox.state.addContact({ email: 'ana@acme.nl' });
    const call = sandbox.state.logCall(contact.id, {
      at: T0 - MINUTE,
      disposition: 'Left voicemail',
      durationMs: 42_000,
    });
    const result = await hubspotClient(sandbox).crm.objects.calls.batchApi.read({
      inputs: [{ id: call.id }, { id: '999' }],
      properties: ['hs_timestamp', 'hs_call_disposition', 'hs_call_duration', 'hs_createdate'],
      propertiesWithHistory: [],
    });
    expect(result.results.map((r) => r.id)).toEqual([call.id]);
    expect(result.results[0]?.properties).toMatchObject({
      hs_timestamp: new Date(T0 - MINUTE).toISOString(),
      hs_createdate: new Date(T0).toISOString(),
      hs_call_disposition: 'b2cf5968-551e-4856-9783-52b3da59a7d0',
      hs_call_duration: '42000',
    });
    expect('errors' in result && result.errors).toEqual([
      expect.objectContaining({ category: 'OBJECT_NOT_FOUND', context: { ids: ['999'] } }),
    ]);
    expect('numErrors' in result && result.numErrors).toBe(1);
  });

  it('refuses a batch read of more than 100 ids', async () => {
    const sandbox = await hubspot();
    const inputs = Array.from({ length: 101 }, (_, i) => ({ id: String(i + 1) }));
    const error = await rejection(
      hubspotClient(sandbox).crm.contacts.batchApi.read({
        inputs,
        properties: [],
        propertiesWithHistory: [],
      }),
    );
    expect(error.code).toBe(400);
    expect(error.body).toMatchObject({ category: 'VALIDATION_ERROR' });
  });

  it('batch-reads by a unique property with idProperty', async () => {
    const sandbox = await hubspot();
    const contact = sandbox.state.addContact({ email: 'ana@acme.nl' });
    const result = await hubspotClient(sandbox).crm.contacts.batchApi.read({
      inputs: [{ id: 'ANA@acme.nl' }],
      idProperty: 'email',
      properties: ['email'],
      propertiesWithHistory: [],
    });
    expect(result.results.map((r) => r.id)).toEqual([contact.id]);
  });

  it('writes SLA properties back with PATCH and records them in history', async () => {
    const sandbox = await hubspot();
    const contact = sandbox.state.addContact({ email: 'ana@acme.nl' });
    const client = hubspotClient(sandbox);
    await client.crm.properties.coreApi.create('contacts', {
      name: 'sla_first_touch_status',
      label: 'SLA first touch status',
      type: 'enumeration' as never,
      fieldType: 'select' as never,
      groupName: 'sales_properties',
      options: [
        { label: 'Met', value: 'met', displayOrder: 0, hidden: false },
        { label: 'Breached', value: 'breached', displayOrder: 1, hidden: false },
      ],
    });
    sandbox.clock.advance(MINUTE);
    const updated = await client.crm.contacts.basicApi.update(contact.id, {
      properties: { sla_first_touch_status: 'breached' },
    });
    expect(updated.properties.sla_first_touch_status).toBe('breached');
    expect(updated.updatedAt).toEqual(new Date(T0 + MINUTE));
    const read = await client.crm.contacts.basicApi.getById(
      contact.id,
      ['sla_first_touch_status'],
      ['sla_first_touch_status'],
    );
    expect(read.propertiesWithHistory?.sla_first_touch_status?.[0]).toMatchObject({
      value: 'breached',
      sourceType: 'INTEGRATION',
    });
  });

  it('rejects writes to unknown, read-only or invalid-option properties with the reasons', async () => {
    const sandbox = await hubspot();
    const contact = sandbox.state.addContact({ email: 'ana@acme.nl' });
    const error = await rejection(
      hubspotClient(sandbox).crm.contacts.basicApi.update(contact.id, {
        properties: { no_such_property: 'x', hs_v2_date_entered_lead: '2026-01-01', hs_lead_status: 'MAYBE' },
      }),
    );
    expect(error.code).toBe(400);
    const codes = ((error.body as { errors: { code: string }[] }).errors ?? []).map((e) => e.code);
    expect(codes).toEqual(['PROPERTY_DOESNT_EXIST', 'READ_ONLY_VALUE', 'INVALID_OPTION']);
  });

  it('creates a task for the owner, associated to the contact with type 204', async () => {
    const sandbox = await hubspot();
    const owner = sandbox.state.addOwner({ email: 'bram@example.com' });
    const contact = sandbox.state.addContact({ email: 'ana@acme.nl', ownerId: owner.id });
    const client = hubspotClient(sandbox);
    const task = await client.crm.objects.tasks.basicApi.create({
      properties: {
        hs_timestamp: new Date(T0 + 10 * MINUTE).toISOString(),
        hs_task_subject: 'SLA breached: call Ana now',
        hs_task_status: 'NOT_STARTED',
        hs_task_priority: 'HIGH',
        hs_task_type: 'CALL',
        hubspot_owner_id: owner.id,
      },
      associations: [
        {
          to: { id: contact.id },
          types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 204 }],
        },
      ],
    });
    expect(task.id).toMatch(/^\d+$/);
    expect(task.properties.hs_task_subject).toBe('SLA breached: call Ana now');
    const links = await client.crm.associations.v4.basicApi.getPage('contacts', contact.id, 'tasks');
    expect(links.results.map((l) => String(l.toObjectId))).toEqual([task.id]);
    expect(links.results[0]?.associationTypes).toEqual([
      expect.objectContaining({ typeId: 203, category: 'HUBSPOT_DEFINED' }),
    ]);
  });

  it('refuses a task without hs_timestamp', async () => {
    const sandbox = await hubspot();
    const error = await rejection(
      hubspotClient(sandbox).crm.objects.tasks.basicApi.create({
        properties: { hs_task_subject: 'x' },
        associations: [],
      }),
    );
    expect(error.code).toBe(400);
  });

  it('lists objects page by page', async () => {
    const sandbox = await hubspot();
    for (const n of [1, 2, 3]) sandbox.state.addContact({ email: `c${n}@example.com` });
    const client = hubspotClient(sandbox);
    const first = await client.crm.contacts.basicApi.getPage(2, undefined, ['email']);
    expect(first.results.map((r) => r.properties.email)).toEqual(['c1@example.com', 'c2@example.com']);
    const second = await client.crm.contacts.basicApi.getPage(2, first.paging?.next?.after, ['email']);
    expect(second.results.map((r) => r.properties.email)).toEqual(['c3@example.com']);
    expect(second.paging).toBeUndefined();
  });

  it('creates and reads a Leads-object record with its stage dates and primary contact', async () => {
    const sandbox = await hubspot();
    const contact = sandbox.state.addContact({ firstName: 'Ana', lastName: 'Díaz' });
    const lead = sandbox.state.createLead(contact.id, { stage: 'attempting-stage-id' });
    const client = hubspotClient(sandbox);
    const read = await client.crm.objects.leads.basicApi.getById(lead.id, [
      'hs_lead_name',
      'hs_pipeline_stage',
      'hs_v2_date_entered_attempting-stage-id',
    ]);
    expect(read.properties).toMatchObject({
      hs_lead_name: 'Ana Díaz',
      hs_pipeline_stage: 'attempting-stage-id',
      'hs_v2_date_entered_attempting-stage-id': new Date(T0).toISOString(),
    });
    const links = await client.crm.associations.v4.basicApi.getPage('leads', lead.id, 'contacts');
    expect(links.results[0]?.associationTypes).toEqual([
      expect.objectContaining({ typeId: 578, label: 'Primary' }),
    ]);
  });
});
