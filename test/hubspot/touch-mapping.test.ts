import { describe, expect, it } from 'vitest';
import { ENGAGEMENTS, engagementTypes, toTouch } from '../../src/hubspot/touch-mapping.ts';
import { testPolicy } from '../fakes/sla-fixtures.ts';
import { config } from './harness.ts';

const name = (guid: string) => (guid === 'g1' ? 'Connected' : guid);

describe('engagements as touches', () => {
  it('reads calls only, unless a policy counts e-mails or meetings', () => {
    const callsOnly = config({
      policies: [
        testPolicy({
          firstContact: {
            within: 1,
            remind: [],
            counts: {
              kinds: ['call'],
              callOutcomes: null,
              outboundOnly: true,
              ownerOnly: false,
              includeBeforeHandoff: false,
            },
          },
        }),
      ],
    });
    expect(engagementTypes(callsOnly).map((t) => t.objectType)).toEqual(['calls']);
    expect(engagementTypes(config()).map((t) => t.objectType)).toEqual(['calls', 'emails', 'meetings']);
  });

  it('maps a meeting: its start when hs_timestamp is missing, its length as duration', () => {
    const mapped = toTouch(
      ENGAGEMENTS.meeting,
      '5',
      '101',
      {
        hs_timestamp: null,
        hs_meeting_start_time: '2024-05-01T10:00:00.000Z',
        hs_meeting_end_time: '2024-05-01T10:30:00.000Z',
        hs_meeting_outcome: 'COMPLETED',
        hubspot_owner_id: '6166860',
      },
      name,
    );
    expect(mapped).toEqual({
      ok: true,
      touch: {
        id: 'meeting:5',
        kind: 'meeting',
        contactId: '101',
        at: Date.parse('2024-05-01T10:00:00.000Z'),
        ownerId: '6166860',
        direction: null,
        status: 'COMPLETED',
        outcome: null,
        durationMs: 30 * 60_000,
      },
    });
  });

  it.each([
    ['EMAIL', 'outbound'],
    ['FORWARDED_EMAIL', 'outbound'],
    ['INCOMING_EMAIL', 'inbound'],
    [null, null],
  ])('reads e-mail direction %j as %j', (value, expected) => {
    const mapped = toTouch(
      ENGAGEMENTS.email,
      '7',
      '101',
      { hs_timestamp: '1714557600000', hs_email_direction: value },
      name,
    );
    expect(mapped.ok && mapped.touch.direction).toBe(expected);
  });

  it('maps the disposition GUID to its name and reads a duration sent as a string', () => {
    const mapped = toTouch(
      ENGAGEMENTS.call,
      '9',
      '101',
      {
        hs_timestamp: '2024-05-01T10:00:00Z',
        hs_call_disposition: 'g1',
        hs_call_duration: '61000',
        hs_call_direction: 'outbound',
      },
      name,
    );
    expect(mapped).toMatchObject({
      ok: true,
      touch: { outcome: 'Connected', durationMs: 61_000, direction: 'outbound' },
    });
  });
});
