import { describe, expect, it } from 'vitest';
import { takeSpecViolations } from '../support/hubspot-spec-violations.ts';
import { hubspot, hubspotClient, rejection, searchRequest, T0 } from './helpers.ts';

describe('HubSpot sandbox, the remaining endpoints through the real SDK', () => {
  it('batch-updates contacts and reports missing ids in a 207', async () => {
    const sandbox = await hubspot();
    const contact = sandbox.state.addContact({ email: 'ana@acme.nl' });
    const result = await hubspotClient(sandbox).crm.contacts.batchApi.update({
      inputs: [
        { id: contact.id, properties: { hs_lead_status: 'IN_PROGRESS' } },
        { id: '999', properties: { hs_lead_status: 'IN_PROGRESS' } },
      ],
    });
    expect(result.results.map((r) => [r.id, r.properties.hs_lead_status])).toEqual([
      [contact.id, 'IN_PROGRESS'],
    ]);
    expect('errors' in result && result.errors?.[0]).toMatchObject({
      category: 'OBJECT_NOT_FOUND',
      context: { ids: ['999'] },
    });
    expect(sandbox.state.properties('contacts', contact.id).hs_lead_status).toBe('IN_PROGRESS');
  });

  it('archives (deletes) a record with DELETE, after which reads 404', async () => {
    const sandbox = await hubspot();
    const contact = sandbox.state.addContact({ email: 'ana@acme.nl' });
    const client = hubspotClient(sandbox);
    await client.crm.contacts.basicApi.archive(contact.id);
    expect((await rejection(client.crm.contacts.basicApi.getById(contact.id))).code).toBe(404);
  });

  it('reads one pipeline and its stages, and 404s an unknown pipeline', async () => {
    const sandbox = await hubspot();
    const api = hubspotClient(sandbox).crm.pipelines;
    const pipeline = await api.pipelinesApi.getById('leads', 'lead-pipeline-id');
    expect(pipeline.stages.map((s) => s.label)).toEqual([
      'New',
      'Attempting',
      'Connected',
      'Qualified',
      'Disqualified',
    ]);
    const stages = await api.pipelineStagesApi.getAll('0-1', 'contacts-lifecycle-pipeline');
    expect(stages.results[2]).toMatchObject({
      id: 'marketingqualifiedlead',
      label: 'Marketing Qualified Lead',
    });
    expect((await rejection(api.pipelinesApi.getById('contacts', 'nope'))).code).toBe(404);
  });

  it('reads a property group by name', async () => {
    const sandbox = await hubspot();
    const group = await hubspotClient(sandbox).crm.properties.groupsApi.getByName(
      'contacts',
      'contactinformation',
    );
    expect(group.name).toBe('contactinformation');
  });

  it('finds an owner by user id with idProperty=userId', async () => {
    const sandbox = await hubspot();
    const owner = sandbox.state.addOwner({ email: 'anna@example.com' });
    const found = await hubspotClient(sandbox).crm.owners.ownersApi.getById(owner.userId, 'userId');
    expect(found.id).toBe(owner.id);
  });

  it('searches Leads objects by pipeline stage, also through the generic objects API', async () => {
    const sandbox = await hubspot();
    const contact = sandbox.state.addContact({ firstName: 'Ana' });
    const lead = sandbox.state.createLead(contact.id);
    sandbox.clock.advance(60_000);
    sandbox.state.moveLeadStage(lead.id, 'attempting-stage-id');
    const client = hubspotClient(sandbox);
    const request = searchRequest(
      [
        {
          propertyName: 'hs_pipeline_stage',
          operator: 'IN',
          values: ['new-stage-id', 'attempting-stage-id'],
        },
        { propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(T0) },
      ],
      { properties: ['hs_pipeline_stage', 'hs_v2_date_exited_new-stage-id'] },
    );
    const viaLeads = await client.crm.objects.leads.searchApi.doSearch(request);
    const viaObjects = await client.crm.objects.searchApi.doSearch('0-136', request);
    expect(viaLeads.results[0]?.properties).toMatchObject({
      hs_pipeline_stage: 'attempting-stage-id',
      'hs_v2_date_exited_new-stage-id': new Date(T0 + 60_000).toISOString(),
    });
    expect(viaObjects.results.map((r) => r.id)).toEqual([lead.id]);
    expect(sandbox.stats.snapshot().byEndpoint).toHaveProperty(['POST /crm/v3/objects/0-136/search']);
  });

  it('searches e-mails and meetings logged on a contact', async () => {
    const sandbox = await hubspot();
    const contact = sandbox.state.addContact({ email: 'ana@acme.nl' });
    sandbox.state.logEmail(contact.id, { subject: 'Your demo', at: T0 - 1_000 });
    sandbox.state.logMeeting(contact.id, { title: 'Intro', outcome: 'SCHEDULED' });
    const client = hubspotClient(sandbox);
    const byContact = searchRequest(
      [{ propertyName: 'associations.contact', operator: 'EQ', value: contact.id }],
      {
        properties: ['hs_email_direction', 'hs_email_subject', 'hs_meeting_outcome', 'hs_timestamp'],
      },
    );
    const emails = await client.crm.objects.emails.searchApi.doSearch(byContact);
    expect(emails.results[0]?.properties).toMatchObject({
      hs_email_direction: 'EMAIL',
      hs_email_subject: 'Your demo',
    });
    const meetings = await client.crm.objects.meetings.searchApi.doSearch(byContact);
    expect(meetings.results[0]?.properties).toMatchObject({
      hs_meeting_outcome: 'SCHEDULED',
      hs_timestamp: new Date(T0).toISOString(),
    });
  });

  it('answers an unknown object type with a 400 and an unknown path with a 404', async () => {
    // The unknown path is outside HubSpot's spec on purpose: recorded, not refused, so the sandbox answers.
    const sandbox = await hubspot({ specCheck: 'record' });
    const client = hubspotClient(sandbox);
    expect((await rejection(client.crm.objects.basicApi.getById('widgets', '1'))).code).toBe(400);
    expect((await client.apiRequest({ method: 'GET', path: '/crm/v3/nothing-here' })).status).toBe(404);
    expect(takeSpecViolations()).toEqual([
      'GET /crm/v3/nothing-here: no operation of the HubSpot OpenAPI spec has this path',
    ]);
  });
});

describe('HubSpot sandbox account info', () => {
  it('describes the portal and its daily API usage', async () => {
    const sandbox = await hubspot({ rateLimits: { daily: 1_000 } });
    const client = hubspotClient(sandbox);
    const details = await (
      await client.apiRequest({ method: 'GET', path: '/account-info/v3/details' })
    ).json();
    expect(details).toMatchObject({
      portalId: 12_345_678,
      timeZone: 'Europe/Amsterdam',
      utcOffset: '+01:00',
    });
    const usage = await (
      await client.apiRequest({ method: 'GET', path: '/account-info/v3/api-usage/daily/private-apps' })
    ).json();
    expect(usage).toMatchObject({
      results: [{ name: 'private-apps-api-calls-daily', usageLimit: 1_000, currentUsage: 2 }],
    });
  });
});
