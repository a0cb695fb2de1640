import { describe, expect, it } from 'vitest';
import { hubspot, hubspotClient, rejection } from './helpers.ts';

describe('HubSpot sandbox associations v4, through the real SDK', () => {
  it('batch-reads contact → call associations, with a 207 NO_ASSOCIATIONS_FOUND entry for contacts without any', async () => {
    const sandbox = await hubspot();
    const { state } = sandbox;
    const ana = state.addContact({ email: 'ana@acme.nl' });
    const bo = state.addContact({ email: 'bo@acme.nl' });
    const calls = [state.logCall(ana.id), state.logCall(ana.id)];
    state.logEmail(ana.id);
    const page = await hubspotClient(sandbox).crm.associations.v4.batchApi.getPage('contacts', 'calls', {
      inputs: [{ id: ana.id }, { id: bo.id }],
    });
    expect(page.results).toHaveLength(1);
    const [first] = page.results;
    // `from` is a reserved word: the SDK renames it `_from`.
    expect(first?._from.id).toBe(ana.id);
    expect(first?.to.map((t) => String(t.toObjectId))).toEqual(calls.map((c) => c.id));
    expect(first?.to[0]?.associationTypes).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 193, label: null },
    ]);
    expect('errors' in page && page.errors).toEqual([
      expect.objectContaining({
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        context: expect.objectContaining({ fromObjectId: [bo.id] }),
      }),
    ]);
  });

  it('pages an object with more than 500 associations with a per-input after cursor', async () => {
    const sandbox = await hubspot();
    const contact = sandbox.state.addContact({ email: 'busy@example.com' });
    for (let i = 0; i < 501; i++) sandbox.state.logCall(contact.id);
    const client = hubspotClient(sandbox);
    const first = await client.crm.associations.v4.batchApi.getPage('contacts', 'calls', {
      inputs: [{ id: contact.id }],
    });
    expect(first.results[0]?.to).toHaveLength(500);
    const after = first.results[0]?.paging?.next?.after;
    expect(after).toBe('500');
    const second = await client.crm.associations.v4.batchApi.getPage('contacts', 'calls', {
      inputs: [{ id: contact.id, after: after ?? '' }],
    });
    expect(second.results[0]?.to).toHaveLength(1);
    expect(second.results[0]?.paging).toBeUndefined();
  });

  it('refuses more than 1,000 inputs', async () => {
    const sandbox = await hubspot();
    const inputs = Array.from({ length: 1_001 }, (_, i) => ({ id: String(i) }));
    const error = await rejection(
      hubspotClient(sandbox).crm.associations.v4.batchApi.getPage('contacts', 'calls', { inputs }),
    );
    expect(error.code).toBe(400);
  });

  it('associates calls, emails and meetings both ways with the default type ids', async () => {
    const sandbox = await hubspot();
    const contact = sandbox.state.addContact({ email: 'ana@acme.nl' });
    const meeting = sandbox.state.logMeeting(contact.id);
    const client = hubspotClient(sandbox);
    const back = await client.crm.associations.v4.batchApi.getPage('meetings', 'contacts', {
      inputs: [{ id: meeting.id }],
    });
    expect(back.results[0]?.to).toEqual([
      expect.objectContaining({
        toObjectId: Number(contact.id),
        associationTypes: [expect.objectContaining({ typeId: 200 })],
      }),
    ]);
  });
});
