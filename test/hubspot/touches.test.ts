import { describe, expect, it } from 'vitest';
import { testPolicy } from '../fakes/sla-fixtures.ts';
import dispositions from '../fixtures/hubspot/dispositions.json' with { type: 'json' };
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, capture, emptyPage, harness, iso, NOW, OVERLAP, page, record } from './harness.ts';

const MIN = 60_000;
const NO_ANSWER = '73a0d17f-1163-4015-bdd5-ec830791da20';
const CALL_PROPERTIES = [
  'hs_timestamp',
  'hubspot_owner_id',
  'hs_lastmodifieddate',
  'hs_call_direction',
  'hs_call_status',
  'hs_call_disposition',
  'hs_call_duration',
];

const call = (id: string, at: number, extra: Record<string, string | null> = {}) =>
  record(id, {
    hs_timestamp: iso(at),
    hs_lastmodifieddate: iso(at + 5_000),
    hubspot_owner_id: '6166860',
    hs_call_direction: 'OUTBOUND',
    hs_call_status: 'NO_ANSWER',
    hs_call_disposition: NO_ANSWER,
    hs_call_duration: '45000',
    ...extra,
  });

const assocRow = (from: string, to: (string | number)[], after?: string) => ({
  from: { id: from },
  to: to.map((id) => ({
    toObjectId: id,
    associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 194, label: null }],
  })),
  ...(after ? { paging: { next: { after, link: null } } } : {}),
});

const openIds = (n: number) => new Set(Array.from({ length: n }, (_, i) => String(100_000 + i)));

describe('touches: calls, e-mails and meetings on open leads', () => {
  const http = useStrictHttp();

  it('a steady-state cycle with 5,000 open leads and a few new calls makes six requests', async () => {
    const h = harness();
    const scope = http.scope(BASE);
    // pollHandoffs: the contacts search — stage entries and lead changes, eight filter groups packed
    // into two searches (five groups a search) — nothing new.
    capture(scope, '/crm/v3/objects/contacts/search', 2, () => emptyPage);
    // pollTouches: one search per engagement type…
    const callSearches = capture(scope, '/crm/v3/objects/calls/search', 1, () =>
      page([call('9001', NOW - 3 * MIN), call('9002', NOW - 2 * MIN), call('9003', NOW - MIN)]),
    );
    capture(scope, '/crm/v3/objects/emails/search', 1, () => emptyPage);
    capture(scope, '/crm/v3/objects/meetings/search', 1, () => emptyPage);
    // …and one associations batch read for just the changed calls. Their outcomes are HubSpot
    // defaults, known without asking (default-dispositions.ts).
    const assoc = capture(scope, '/crm/v4/associations/calls/contacts/batch/read', 1, () => ({
      status: 'COMPLETE',
      results: [
        assocRow('9001', [100_001]),
        assocRow('9002', ['100002', '100003']),
        assocRow('9003', ['42']),
      ],
    }));

    const open = openIds(5_000);
    await h.source.pollHandoffs({}, NOW);
    const poll = await h.source.pollTouches({}, open, NOW);

    expect(h.source.requestCount).toBe(6);
    expect(callSearches[0]).toEqual({
      filterGroups: [
        { filters: [{ propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(NOW - OVERLAP) }] },
      ],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
      properties: CALL_PROPERTIES,
      limit: 200,
      after: '0',
    });
    expect(assoc[0]).toEqual({ inputs: [{ id: '9001' }, { id: '9002' }, { id: '9003' }] });
    expect(poll.touches.map((t) => [t.id, t.contactId])).toEqual([
      ['call:9001', '100001'],
      ['call:9002', '100002'],
      ['call:9002', '100003'],
    ]);
    expect(poll.touches[0]).toEqual({
      id: 'call:9001',
      kind: 'call',
      contactId: '100001',
      at: NOW - 3 * MIN,
      ownerId: '6166860',
      direction: 'outbound',
      status: 'NO_ANSWER',
      outcome: 'No answer',
      durationMs: 45_000,
    });
    expect(Object.keys(poll.cursors).sort()).toEqual(['touches:calls', 'touches:emails', 'touches:meetings']);
  });

  it('makes no associations request when nothing changed, whatever is open', async () => {
    const h = harness({
      policies: [
        testPolicy({
          firstContact: {
            within: 5 * MIN,
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
    capture(http.scope(BASE), '/crm/v3/objects/calls/search', 1, () => emptyPage);
    const poll = await h.source.pollTouches({}, openIds(5_000), NOW);
    expect(poll.touches).toEqual([]);
    expect(h.source.requestCount).toBe(1);
  });

  it('does not return a touch twice for the overlap window, but does when the call changed', async () => {
    const h = harness({
      policies: [
        testPolicy({
          firstContact: {
            within: 5 * MIN,
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
    const scope = http.scope(BASE);
    capture(scope, '/crm/v3/objects/calls/search', 1, () => page([call('9001', NOW - 3 * MIN)]));
    capture(scope, '/crm/v4/associations/calls/contacts/batch/read', 1, () => ({
      status: 'COMPLETE',
      results: [assocRow('9001', ['100001'])],
    }));
    const first = await h.source.pollTouches({}, openIds(5), NOW);
    expect(first.touches).toHaveLength(1);

    const connected = call('9001', NOW - 3 * MIN, {
      hs_lastmodifieddate: iso(NOW + 10_000),
      hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
    });
    capture(scope, '/crm/v3/objects/calls/search', 1, () => page([call('9001', NOW - 3 * MIN)]));
    const again = await h.source.pollTouches(first.cursors, openIds(5), NOW + 30_000);
    expect(again.touches).toEqual([]);

    capture(scope, '/crm/v3/objects/calls/search', 1, () => page([connected]));
    capture(scope, '/crm/v4/associations/calls/contacts/batch/read', 1, () => ({
      status: 'COMPLETE',
      results: [assocRow('9001', ['100001'])],
    }));
    const changed = await h.source.pollTouches(again.cursors, openIds(5), NOW + 60_000);
    expect(changed.touches.map((t) => t.outcome)).toEqual(['Connected']);
  });

  it('rejects a call with an unusable timestamp and keeps an unknown outcome as its id', async () => {
    const h = harness({
      policies: [
        testPolicy({
          firstContact: {
            within: 5 * MIN,
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
    const scope = http.scope(BASE);
    capture(scope, '/crm/v3/objects/calls/search', 1, () =>
      page([
        call('9001', NOW - 3 * MIN, {
          hs_call_disposition: 'custom-guid-1',
          hs_call_duration: null,
          hs_call_direction: null,
        }),
        call('9002', NOW - 2 * MIN, { hs_timestamp: 'soon' }),
      ]),
    );
    capture(scope, '/crm/v4/associations/calls/contacts/batch/read', 1, () => ({
      status: 'COMPLETE',
      results: [assocRow('9001', ['100001']), assocRow('9002', ['100001'])],
    }));
    scope.get('/calling/v1/dispositions').reply(200, dispositions);
    const poll = await h.source.pollTouches({}, openIds(5), NOW);
    expect(poll.touches).toEqual([
      expect.objectContaining({
        id: 'call:9001',
        outcome: 'custom-guid-1',
        durationMs: null,
        direction: null,
      }),
    ]);
    expect(poll.rejected).toEqual([{ what: 'call', id: '9002', reason: 'unparseable hs_timestamp: "soon"' }]);
  });

  it('reads all touches of newly opened leads through associations and batch reads, following per-contact paging', async () => {
    const h = harness();
    const scope = http.scope(BASE);
    const callAssoc = capture(
      scope,
      '/crm/v4/associations/contacts/calls/batch/read',
      2,
      (_body, n) =>
        n === 0
          ? {
              status: 'COMPLETE',
              results: [assocRow('101', ['9001', '9002'], 'MTAtNi0xODQ3MjAxMzg5%3D')],
              numErrors: 1,
              errors: [
                {
                  status: 'error',
                  category: 'VALIDATION_ERROR',
                  subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
                  message: 'No calls is associated with contact 102.',
                  context: { fromObjectId: ['102'] },
                },
              ],
            }
          : { status: 'COMPLETE', results: [assocRow('101', ['9003'])] },
      207,
    );
    const callReads = capture(
      scope,
      '/crm/v3/objects/calls/batch/read',
      1,
      () => ({
        status: 'COMPLETE',
        results: [
          call('9001', NOW - 3 * MIN),
          call('9002', NOW - 2 * MIN, { hs_call_direction: 'INBOUND', hs_call_disposition: null }),
        ],
        numErrors: 1,
        errors: [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: 'Could not get some CALL objects, they may be deleted or not exist.',
            context: { ids: ['9003'] },
          },
        ],
      }),
      207,
    );
    capture(scope, '/crm/v4/associations/contacts/emails/batch/read', 1, () => ({
      status: 'COMPLETE',
      results: [assocRow('102', ['7001'])],
    }));
    capture(scope, '/crm/v3/objects/emails/batch/read', 1, () => ({
      status: 'COMPLETE',
      results: [
        record('7001', {
          hs_timestamp: iso(NOW - MIN),
          hubspot_owner_id: '6166860',
          hs_email_direction: 'EMAIL',
          hs_email_status: 'SENT',
        }),
      ],
    }));
    capture(scope, '/crm/v4/associations/contacts/meetings/batch/read', 1, () => ({
      status: 'COMPLETE',
      results: [],
    }));

    const touches = await h.source.touchesOf(['101', '102']);
    expect(callAssoc).toEqual([
      { inputs: [{ id: '101' }, { id: '102' }] },
      { inputs: [{ id: '101', after: 'MTAtNi0xODQ3MjAxMzg5%3D' }] },
    ]);
    expect(callReads[0]).toEqual({
      inputs: [{ id: '9001' }, { id: '9002' }, { id: '9003' }],
      properties: CALL_PROPERTIES,
      propertiesWithHistory: [],
    });
    expect(touches.map((t) => [t.id, t.contactId, t.direction, t.outcome])).toEqual([
      ['call:9001', '101', 'outbound', 'No answer'],
      ['call:9002', '101', 'inbound', null],
      ['email:7001', '102', 'outbound', null],
    ]);
    const rejections = h.log.lines().filter((l) => l.msg === 'hubspot record rejected');
    expect(rejections).toEqual([
      expect.objectContaining({
        what: 'call',
        id: '9003',
        reason: expect.stringContaining('OBJECT_NOT_FOUND'),
      }),
    ]);
  });
});
