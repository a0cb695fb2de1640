import { describe, expect, it } from 'vitest';
import { contactsToRead, watchedProperties } from '../../../src/hubspot/webhooks/events.ts';
import { testConfig } from '../../fakes/sla-fixtures.ts';
import { STAGES } from '../harness.ts';

const event = (over: Record<string, unknown>) => ({
  eventId: 1,
  subscriptionId: 9,
  portalId: 62515,
  appId: 54321,
  occurredAt: 1714557600000,
  subscriptionType: 'contact.propertyChange',
  attemptNumber: 0,
  objectId: 101,
  propertyName: 'lifecyclestage',
  propertyValue: 'salesqualifiedlead',
  changeSource: 'CRM_UI',
  ...over,
});

const WATCHED = new Set(['lifecyclestage', 'hs_lead_status', 'hubspot_owner_id']);

describe('which contacts a webhook delivery asks us to read', () => {
  it('takes contact property changes of watched properties, once per contact, in order', () => {
    const sorted = contactsToRead(
      [
        event({ objectId: 101 }),
        event({ objectId: '202', propertyName: 'hubspot_owner_id' }),
        event({ objectId: 101, propertyName: 'hs_lead_status', eventId: 2 }),
        event({ subscriptionType: 'object.propertyChange', objectTypeId: '0-1', objectId: 303 }),
      ],
      WATCHED,
    );
    expect(sorted).toEqual({ contactIds: ['101', '202', '303'], ignored: 0, malformed: 0 });
  });

  it('ignores other properties, other objects and other subscription types (polling covers them)', () => {
    const sorted = contactsToRead(
      [
        event({ propertyName: 'firstname' }),
        event({ subscriptionType: 'contact.creation', propertyName: undefined }),
        event({
          subscriptionType: 'object.propertyChange',
          objectTypeId: '0-136',
          propertyName: 'hs_pipeline_stage',
        }),
        event({ subscriptionType: 'deal.propertyChange', propertyName: 'dealstage' }),
      ],
      WATCHED,
    );
    expect(sorted).toEqual({ contactIds: [], ignored: 4, malformed: 0 });
  });

  it('counts items that are not events instead of failing the delivery', () => {
    const sorted = contactsToRead([null, 'x', { objectId: 1 }, event({ objectId: 5 })], WATCHED);
    expect(sorted).toEqual({ contactIds: ['5'], ignored: 0, malformed: 3 });
  });

  it('watches lifecyclestage, each property-defined stage and the owner under the SLA file', () => {
    const config = testConfig({ stages: STAGES });
    expect([...watchedProperties(config)].sort()).toEqual([
      'hs_lead_status',
      'hubspot_owner_id',
      'lifecyclestage',
    ]);
  });
});
