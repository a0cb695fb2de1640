import { describe, expect, it } from 'vitest';
import { snapshotProperties } from '../../src/hubspot/lead-snapshot.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, capture, config, harness, iso, NOW, OVERLAP, page, record, STAGES } from './harness.ts';

const SEARCH = '/crm/v3/objects/contacts/search';
const BATCH = '/crm/v3/objects/contacts/batch/read';
const MIN = 60_000;
const onlySal = { stages: STAGES.filter((s) => s.key === 'sal'), recycleStages: [] };

const h = (value: string, at: number) => ({
  value,
  timestamp: iso(at),
  sourceType: 'CRM_UI',
  sourceId: 'userId:1296619',
  updatedByUserId: 1296619,
});

const withHistory = (id: string, history: ReturnType<typeof h>[], owner: string | null = '6166860') => ({
  ...record(id, {
    firstname: `Lead ${id}`,
    hs_lead_status: history[0]?.value ?? null,
    hubspot_owner_id: owner,
    lastmodifieddate: iso(NOW - MIN),
  }),
  propertiesWithHistory: { hs_lead_status: history },
});

describe('handoffs into a property-value stage (hs_lead_status)', () => {
  const http = useStrictHttp();

  it('finds changed contacts with the value, then dates entry from property history in one batch read', async () => {
    const hs = harness(onlySal);
    const scope = http.scope(BASE);
    const searches = capture(scope, SEARCH, 1, () =>
      page(
        ['201', '202', '203', '204'].map((id) =>
          record(id, { lastmodifieddate: iso(NOW - MIN), hs_lead_status: 'SALES_ACCEPTED' }),
        ),
      ),
    );
    const reads = capture(
      scope,
      BATCH,
      1,
      () => ({
        status: 'COMPLETE',
        results: [
          withHistory('201', [h('SALES_ACCEPTED', NOW - 3 * MIN), h('NEW', NOW - 90 * MIN)]),
          withHistory('202', [h('UNQUALIFIED', NOW - 30_000), h('SALES_ACCEPTED', NOW - 3 * MIN)]),
          withHistory('204', [h('SALES_ACCEPTED', NOW - 2 * 24 * 60 * MIN)]),
        ],
        numErrors: 1,
        errors: [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message:
              'Could not get some CONTACT objects, they may be deleted or not exist. Check that ids are valid.',
            context: { ids: ['203'] },
          },
        ],
        startedAt: iso(NOW),
        completedAt: iso(NOW),
      }),
      207,
    );
    const poll = await hs.source.pollHandoffs({}, NOW);

    // One contacts search: the stage's value is one filter group, next to the lead-change groups.
    const lastmod = { propertyName: 'lastmodifieddate', operator: 'GTE', value: String(NOW - OVERLAP) };
    expect(searches[0]).toMatchObject({
      filterGroups: [
        { filters: [{ propertyName: 'hs_lead_status', operator: 'EQ', value: 'SALES_ACCEPTED' }, lastmod] },
        { filters: [expect.objectContaining({ propertyName: 'hubspot_owner_assigneddate' }), lastmod] },
        { filters: [expect.anything(), expect.anything(), lastmod] },
        { filters: [expect.objectContaining({ propertyName: 'hs_merged_object_ids' }), lastmod] },
      ],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      properties: expect.arrayContaining(['lastmodifieddate', 'hs_lead_status']),
      limit: 200,
    });
    expect(searches).toHaveLength(1);
    expect(reads[0]).toEqual({
      inputs: [{ id: '201' }, { id: '202' }, { id: '203' }, { id: '204' }],
      properties: snapshotProperties(config()),
      propertiesWithHistory: ['hs_lead_status'],
    });
    expect(poll.handoffs.map((x) => [x.lead.objectId, x.stage, x.enteredAt, x.ownerId])).toEqual([
      ['201', 'sal', NOW - 3 * MIN, '6166860'],
    ]);
    expect(poll.rejected).toEqual([
      { what: 'contact', id: '203', reason: expect.stringContaining('OBJECT_NOT_FOUND') },
      { what: 'contact', id: '202', reason: 'property no longer "SALES_ACCEPTED" (now "UNQUALIFIED")' },
    ]);
  });

  it('does not hand off again when the contact is modified later (same entry in its history)', async () => {
    const hs = harness(onlySal);
    const scope = http.scope(BASE);
    capture(scope, SEARCH, 1, () =>
      page([record('201', { lastmodifieddate: iso(NOW - MIN), hs_lead_status: 'SALES_ACCEPTED' })]),
    );
    capture(scope, BATCH, 1, () => ({
      status: 'COMPLETE',
      results: [withHistory('201', [h('SALES_ACCEPTED', NOW - 3 * MIN)])],
    }));
    const first = await hs.source.pollHandoffs({}, NOW);
    expect(first.handoffs).toHaveLength(1);

    capture(scope, SEARCH, 1, () =>
      page([record('201', { lastmodifieddate: iso(NOW + 20_000), hs_lead_status: 'SALES_ACCEPTED' })]),
    );
    capture(scope, BATCH, 1, () => ({
      status: 'COMPLETE',
      results: [withHistory('201', [h('SALES_ACCEPTED', NOW - 3 * MIN)])],
    }));
    const second = await hs.source.pollHandoffs(first.cursors, NOW + 30_000);
    expect(second.handoffs).toEqual([]);
    expect(second.rejected).toEqual([]);
  });

  it('batch-reads at most 50 contacts a request: HubSpot refuses more when property history is asked for', async () => {
    const hs = harness(onlySal);
    const scope = http.scope(BASE);
    const ids = Array.from({ length: 150 }, (_, i) => String(1000 + i));
    capture(scope, SEARCH, 1, () =>
      page(
        ids.map((id) => record(id, { lastmodifieddate: iso(NOW - MIN), hs_lead_status: 'SALES_ACCEPTED' })),
      ),
    );
    const reads = capture(scope, BATCH, 3, (body) => ({
      status: 'COMPLETE',
      results: (body as { inputs: { id: string }[] }).inputs.map((i) =>
        withHistory(i.id, [h('SALES_ACCEPTED', NOW - 2 * MIN)]),
      ),
    }));
    const poll = await hs.source.pollHandoffs({}, NOW);
    type Read = { inputs: unknown[]; propertiesWithHistory: string[] };
    expect(reads.map((b) => (b as Read).inputs.length)).toEqual([50, 50, 50]);
    expect(reads.map((b) => (b as Read).propertiesWithHistory)).toEqual(Array(3).fill(['hs_lead_status']));
    expect(poll.handoffs).toHaveLength(150);
  });
});
