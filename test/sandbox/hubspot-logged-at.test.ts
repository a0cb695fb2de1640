import { describe, expect, it } from 'vitest';
import { DAY, MINUTE } from '../../src/domain/time.ts';
import { hubspot, hubspotClient, T0 } from './helpers.ts';

describe('activities logged in the past (history seeded before sla-bot is installed)', () => {
  it('a call logged days ago carries that create and modification date, and so does its contact roll-up', async () => {
    const sandbox = await hubspot({ indexLagMs: 0 });
    const contact = sandbox.state.addContact({ email: 'ana@acme.nl', createdAt: T0 - 10 * DAY });
    const call = sandbox.state.logCall(contact.id, { at: T0 - 9 * DAY, loggedAt: T0 - 9 * DAY + MINUTE });
    const client = hubspotClient(sandbox);
    const read = await client.crm.objects.calls.basicApi.getById(call.id, [
      'hs_createdate',
      'hs_lastmodifieddate',
    ]);
    expect(read.properties).toMatchObject({
      hs_createdate: new Date(T0 - 9 * DAY + MINUTE).toISOString(),
      hs_lastmodifieddate: new Date(T0 - 9 * DAY + MINUTE).toISOString(),
    });
    const person = await client.crm.contacts.basicApi.getById(contact.id, [
      'lastmodifieddate',
      'notes_last_contacted',
    ]);
    expect(person.properties).toMatchObject({
      lastmodifieddate: new Date(T0 - 9 * DAY + MINUTE).toISOString(),
      notes_last_contacted: new Date(T0 - 9 * DAY).toISOString(),
    });
    // A call logged now (the default) is modified now.
    const today = sandbox.state.logCall(contact.id);
    expect(sandbox.state.properties('calls', today.id).hs_lastmodifieddate).toBe(new Date(T0).toISOString());
  });
});
