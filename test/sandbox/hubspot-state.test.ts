import { describe, expect, it } from 'vitest';
import { generateContacts, HubSpotState } from '../../src/sandbox/index.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { T0 } from './helpers.ts';

const MINUTE = 60_000;
const iso = (t: number) => new Date(t).toISOString();

describe('HubSpot sandbox state scripting', () => {
  it('moves a contact backwards like HubSpot: date-entered kept, became-a-stage dates of later stages cleared', () => {
    const clock = new FakeClock(T0);
    const state = new HubSpotState(clock);
    const contact = state.addContact({ stage: 'marketingqualifiedlead' });
    clock.advance(MINUTE);
    state.moveStage(contact.id, 'salesqualifiedlead');
    clock.advance(MINUTE);
    state.moveStage(contact.id, 'lead');
    const p = state.properties('contacts', contact.id);
    expect(p.lifecyclestage).toBe('lead');
    expect(p.hs_v2_date_entered_salesqualifiedlead).toBe(iso(T0 + MINUTE));
    expect(p.hs_v2_date_exited_salesqualifiedlead).toBe(iso(T0 + 2 * MINUTE));
    expect(p.hs_v2_latest_time_in_salesqualifiedlead).toBe('60');
    expect(p.hs_lifecyclestage_salesqualifiedlead_date).toBeUndefined();
    expect(p.hs_lifecyclestage_marketingqualifiedlead_date).toBeUndefined();
    expect(p.hs_lifecyclestage_lead_date).toBe(iso(T0 + 2 * MINUTE));
  });

  it('logs a back-dated call: hs_timestamp is when it happened, the create date is when it was logged', () => {
    const clock = new FakeClock(T0);
    const state = new HubSpotState(clock);
    const owner = state.addOwner({ email: 'bram@example.com' });
    const contact = state.addContact({ ownerId: owner.id });
    clock.advance(10 * MINUTE);
    const call = state.logCall(contact.id, {
      at: T0 + 2 * MINUTE,
      disposition: 'Connected',
      durationMs: 90_000,
    });
    expect(state.properties('calls', call.id)).toMatchObject({
      hs_timestamp: iso(T0 + 2 * MINUTE),
      hs_createdate: iso(T0 + 10 * MINUTE),
      hubspot_owner_id: owner.id,
      hs_call_direction: 'OUTBOUND',
      hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
      hs_call_duration: '90000',
    });
    expect(state.properties('contacts', contact.id)).toMatchObject({
      notes_last_contacted: iso(T0 + 2 * MINUTE),
      num_contacted_notes: '1',
      hs_is_unworked: 'false',
    });
    expect(state.data.associations('contacts', contact.id, 'calls').map((l) => l.toId)).toEqual([call.id]);
  });

  it('keeps a touch by someone else from marking the contact worked', () => {
    const clock = new FakeClock(T0);
    const state = new HubSpotState(clock);
    const [rep, other] = [
      state.addOwner({ email: 'rep@example.com' }),
      state.addOwner({ email: 'other@example.com' }),
    ];
    const contact = state.addContact({ ownerId: rep.id });
    state.logEmail(contact.id, { ownerId: other.id });
    expect(state.properties('contacts', contact.id).hs_is_unworked).toBe('true');
  });

  it('reassigns the owner with a new assigned date and keeps the history', () => {
    const clock = new FakeClock(T0);
    const state = new HubSpotState(clock);
    const [a, b] = [state.addOwner({ email: 'a@example.com' }), state.addOwner({ email: 'b@example.com' })];
    const contact = state.addContact({ ownerId: a.id });
    clock.advance(MINUTE);
    state.assignOwner(contact.id, b.id);
    expect(state.properties('contacts', contact.id).hubspot_owner_assigneddate).toBe(iso(T0 + MINUTE));
    const record = state.data.require('contacts', contact.id);
    expect(record.changes.get('hubspot_owner_id')?.map((h) => h.value)).toEqual([b.id, a.id]);
  });

  it('generates the same realistic contacts for the same seed', () => {
    const make = () => {
      const state = new HubSpotState(new FakeClock(T0));
      const owners = ['1', '2', '3'];
      return {
        state,
        contacts: generateContacts(state, {
          count: 200,
          seed: 9,
          ownerIds: owners,
          stages: [
            ['lead', 3],
            ['marketingqualifiedlead', 1],
          ],
          createdBetween: [T0 - 60 * MINUTE, T0],
        }),
      };
    };
    const { state, contacts } = make();
    expect(make().contacts).toEqual(contacts);
    expect(new Set(contacts.map((c) => c.email)).size).toBe(200);
    const first = contacts[0];
    if (!first) throw new Error('no contacts generated');
    const p = state.properties('contacts', first.id);
    expect(p.email).toMatch(/^[a-z]+\.[a-z]+0@[a-z0-9]+\.(nl|be|de|lu)$/);
    expect(p.phone).toMatch(/^\+\d{2,3} \d{2} \d{3} \d{4}$/);
    expect(p[`hs_v2_date_entered_${first.stage}`]).toBe(iso(first.createdAt));
    expect(first.createdAt).toBeGreaterThanOrEqual(T0 - 60 * MINUTE);
    const stages = new Set(contacts.map((c) => c.stage));
    expect(stages).toEqual(new Set(['lead', 'marketingqualifiedlead']));
  });

  it('generates contacts in bulk with one write each (timings are measured by benchmarks, not here)', () => {
    const state = new HubSpotState(new FakeClock(T0));
    const contacts = generateContacts(state, { count: 20_000, seed: 1 });
    expect(contacts).toHaveLength(20_000);
    expect(state.data.all('contacts')).toHaveLength(20_000);
    expect(state.data.require('contacts', contacts[0]?.id ?? '').changes.size).toBe(0);
  });
});

describe('HubSpot sandbox portal customisation', () => {
  it('adds a lead status option that API writes then accept (SAL modelled as a lead status)', () => {
    const state = new HubSpotState(new FakeClock(T0));
    state.addPropertyOption('contacts', 'hs_lead_status', 'SALES_ACCEPTED', 'Sales accepted');
    const options = state.data.catalog.get('contacts', 'hs_lead_status')?.options.map((o) => o.value);
    expect(options).toContain('SALES_ACCEPTED');
    expect(() => state.addPropertyOption('contacts', 'no_such', 'x')).toThrow(/no contacts property no_such/);
  });
});
