import { describe, expect, it } from 'vitest';
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, capture, harness, iso, NOW, OVERLAP, page, record } from './harness.ts';

const SEARCH = '/crm/v3/objects/contacts/search';
const MIN = 60_000;
const LOWER = String(NOW - OVERLAP);

describe('changes to watched leads: owner, leaving the funnel, merges', () => {
  const http = useStrictHttp();

  it('finds them with one contacts search, not a read per lead', async () => {
    const h = harness({ stages: [], recycleStages: ['lead', 'other'] });
    const bodies = capture(http.scope(BASE), SEARCH, 1, () =>
      page([
        record('101', {
          lastmodifieddate: iso(NOW - 5 * MIN),
          hubspot_owner_id: '6166861',
          hubspot_owner_assigneddate: iso(NOW - 5 * MIN),
          lifecyclestage: 'salesqualifiedlead',
          hs_merged_object_ids: null,
        }),
        record('102', {
          lastmodifieddate: iso(NOW - 4 * MIN),
          hubspot_owner_id: '6166860',
          hubspot_owner_assigneddate: '2024-01-01T00:00:00.000Z',
          lifecyclestage: 'lead',
          hs_v2_date_entered_lead: iso(NOW - 4 * MIN),
        }),
        record('103', {
          lastmodifieddate: iso(NOW - 3 * MIN),
          hubspot_owner_id: null,
          hubspot_owner_assigneddate: iso(NOW - 3 * MIN),
          lifecyclestage: 'marketingqualifiedlead',
          hs_merged_object_ids: '88;103;99',
        }),
        // Owner removed: no owner now, the assignment date still that of the removed owner.
        record('104', {
          lastmodifieddate: iso(NOW - 2 * MIN),
          hubspot_owner_id: null,
          hubspot_owner_assigneddate: '2024-04-02T08:00:00.000Z',
          lifecyclestage: 'salesqualifiedlead',
        }),
      ]),
    );
    const poll = await h.source.pollHandoffs({}, NOW);
    const lastmod = { propertyName: 'lastmodifieddate', operator: 'GTE', value: LOWER };
    expect(bodies[0]).toEqual({
      filterGroups: [
        { filters: [{ propertyName: 'hubspot_owner_assigneddate', operator: 'GTE', value: LOWER }, lastmod] },
        {
          filters: [
            { propertyName: 'hubspot_owner_id', operator: 'NOT_HAS_PROPERTY' },
            { propertyName: 'hubspot_owner_assigneddate', operator: 'HAS_PROPERTY' },
            lastmod,
          ],
        },
        { filters: [{ propertyName: 'hs_merged_object_ids', operator: 'HAS_PROPERTY' }, lastmod] },
        { filters: [{ propertyName: 'hs_v2_date_entered_lead', operator: 'GTE', value: LOWER }, lastmod] },
        { filters: [{ propertyName: 'hs_v2_date_entered_other', operator: 'GTE', value: LOWER }, lastmod] },
      ],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      properties: expect.arrayContaining([
        'lastmodifieddate',
        'lifecyclestage',
        'hubspot_owner_id',
        'hubspot_owner_assigneddate',
        'hs_merged_object_ids',
        'hs_v2_date_entered_lead',
        'hs_v2_date_entered_other',
      ]),
      limit: 200,
      after: '0',
    });
    expect(poll.changes).toEqual([
      {
        kind: 'owner_changed',
        objectType: 'contact',
        objectId: '101',
        ownerId: '6166861',
        at: NOW - 5 * MIN,
      },
      { kind: 'left_funnel', objectType: 'contact', objectId: '102', toStage: 'lead', at: NOW - 4 * MIN },
      { kind: 'owner_changed', objectType: 'contact', objectId: '103', ownerId: null, at: NOW - 3 * MIN },
      { kind: 'deleted', objectType: 'contact', objectId: '88', mergedInto: '103', at: NOW - 3 * MIN },
      { kind: 'deleted', objectType: 'contact', objectId: '99', mergedInto: '103', at: NOW - 3 * MIN },
      { kind: 'owner_changed', objectType: 'contact', objectId: '104', ownerId: null, at: NOW - 2 * MIN },
    ]);
  });

  it('reports a removed owner once, though the ownerless contact keeps changing inside the window', async () => {
    const h = harness({ stages: [], recycleStages: [] });
    const removed = (minutesAgo: number) =>
      record('104', {
        lastmodifieddate: iso(NOW - minutesAgo * MIN),
        hubspot_owner_id: '',
        hubspot_owner_assigneddate: '2024-04-02T08:00:00.000Z',
      });
    capture(http.scope(BASE), SEARCH, 1, () => page([removed(4)]));
    const first = await h.source.pollHandoffs({}, NOW);
    expect(first.changes).toEqual([
      { kind: 'owner_changed', objectType: 'contact', objectId: '104', ownerId: null, at: NOW - 4 * MIN },
    ]);
    capture(http.scope(BASE), SEARCH, 1, () => page([removed(1)]));
    const second = await h.source.pollHandoffs(first.cursors, NOW + 30_000);
    expect(second.changes).toEqual([]);
  });

  it('reports each change once although the overlap window reads it again', async () => {
    const h = harness({ stages: [], recycleStages: ['lead'] });
    const contact = record('101', {
      lastmodifieddate: iso(NOW - 2 * MIN),
      hubspot_owner_id: '6166861',
      hubspot_owner_assigneddate: iso(NOW - 2 * MIN),
    });
    capture(http.scope(BASE), SEARCH, 1, () => page([contact]));
    const first = await h.source.pollHandoffs({}, NOW);
    expect(first.changes).toHaveLength(1);
    capture(http.scope(BASE), SEARCH, 1, () => page([contact]));
    const second = await h.source.pollHandoffs(first.cursors, NOW + 30_000);
    expect(second.changes).toEqual([]);
  });

  it('splits more recycle stages than fit in one search’s five filter groups', async () => {
    const h = harness({ stages: [], recycleStages: ['subscriber', 'lead', 'other', 'evangelist'] });
    const first = capture(http.scope(BASE), SEARCH, 1, () => page([]));
    const second = capture(http.scope(BASE), SEARCH, 1, () => page([]));
    const poll = await h.source.pollHandoffs({}, NOW);
    expect((first[0] as { filterGroups: unknown[] }).filterGroups).toHaveLength(5);
    expect(
      (second[0] as { filterGroups: { filters: { propertyName: string }[] }[] }).filterGroups.map(
        (g) => g.filters[0]?.propertyName,
      ),
    ).toEqual(['hs_v2_date_entered_other', 'hs_v2_date_entered_evangelist']);
    expect(Object.keys(poll.cursors).sort()).toEqual(['contacts', 'contacts:1']);
  });
});
