import { describe, expect, it } from 'vitest';
import { contactConditions, packConditions } from '../../src/hubspot/contact-conditions.ts';
import { encodeCursor } from '../../src/hubspot/keyset.ts';
import { SEARCH_LIMITS } from '../../src/hubspot/search-request.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import {
  BASE,
  capture,
  config,
  emptyPage,
  harness,
  iso,
  NOW,
  OVERLAP,
  page,
  record,
  STAGES,
} from './harness.ts';

const SEARCH = '/crm/v3/objects/contacts/search';
const MIN = 60_000;
const LOWER = String(NOW - OVERLAP);
const MQL = 'hs_v2_date_entered_marketingqualifiedlead';
const SQL = 'hs_v2_date_entered_salesqualifiedlead';
const lifecycleOnly = {
  stages: STAGES.filter((s) => s.source.kind === 'lifecycle_stage'),
  recycleStages: [],
};

type Filter = { propertyName: string; operator: string; value?: string };
type Body = { filterGroups: { filters: Filter[] }[]; sorts: { propertyName: string }[] };

const since = (property: string, value = LOWER): Filter => ({
  propertyName: property,
  operator: 'GTE',
  value,
});
const lastmod = since('lastmodifieddate');

/** Within HubSpot's limits even when the position is a tie (one more filter in every group). */
function expectWithinLimits(body: unknown) {
  const groups = (body as Body).filterGroups.map((g) => g.filters.length + 1);
  expect(groups.length).toBeLessThanOrEqual(SEARCH_LIMITS.groups);
  expect(Math.max(...groups)).toBeLessThanOrEqual(SEARCH_LIMITS.filtersPerGroup);
  expect(groups.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(SEARCH_LIMITS.filters);
}

describe('one contacts search for stage entries and lead changes', () => {
  const http = useStrictHttp();

  it('ORs every stage entry and lead change into filter groups on lastmodifieddate, five a search', async () => {
    const h = harness();
    const first = capture(http.scope(BASE), SEARCH, 1, () => emptyPage);
    const second = capture(http.scope(BASE), SEARCH, 1, () => emptyPage);
    const poll = await h.source.pollHandoffs({}, NOW);
    expect((first[0] as Body).filterGroups).toEqual([
      { filters: [since(MQL), lastmod] },
      { filters: [{ propertyName: 'hs_lead_status', operator: 'EQ', value: 'SALES_ACCEPTED' }, lastmod] },
      { filters: [since(SQL), lastmod] },
      { filters: [since('hubspot_owner_assigneddate'), lastmod] },
      {
        filters: [
          { propertyName: 'hubspot_owner_id', operator: 'NOT_HAS_PROPERTY' },
          { propertyName: 'hubspot_owner_assigneddate', operator: 'HAS_PROPERTY' },
          lastmod,
        ],
      },
    ]);
    expect((second[0] as Body).filterGroups).toEqual([
      { filters: [{ propertyName: 'hs_merged_object_ids', operator: 'HAS_PROPERTY' }, lastmod] },
      { filters: [since('hs_v2_date_entered_lead'), lastmod] },
      { filters: [since('hs_v2_date_entered_other'), lastmod] },
    ]);
    for (const body of [...first, ...second]) {
      expect((body as Body).sorts).toEqual([{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }]);
      expectWithinLimits(body);
    }
    expect(Object.keys(poll.cursors).sort()).toEqual(['contacts', 'contacts:1']);
  });

  it('a configuration with one lifecycle stage and no recycle stages takes a single search', async () => {
    const h = harness({ stages: STAGES.filter((s) => s.key === 'sql'), recycleStages: [] });
    const bodies = capture(http.scope(BASE), SEARCH, 1, () => emptyPage);
    const poll = await h.source.pollHandoffs({}, NOW);
    expect((bodies[0] as Body).filterGroups).toHaveLength(4);
    expect(Object.keys(poll.cursors)).toEqual(['contacts']);
  });

  it('packs many stages and recycle stages into as few searches as the limits allow, each with its cursor', async () => {
    const recycleStages = ['subscriber', 'lead', 'other', 'evangelist', 'opportunity', 'customer'];
    const h = harness({ recycleStages });
    const scope = http.scope(BASE);
    const bodies = [
      capture(scope, SEARCH, 1, () => emptyPage),
      capture(scope, SEARCH, 1, () => emptyPage),
      capture(scope, SEARCH, 1, () =>
        page([
          record('301', {
            lastmodifieddate: iso(NOW - 2 * MIN),
            lifecyclestage: 'customer',
            hs_v2_date_entered_customer: iso(NOW - 2 * MIN),
            hubspot_owner_id: '6166860',
            hubspot_owner_assigneddate: '2024-01-01T00:00:00.000Z',
          }),
        ]),
      ),
    ].map((b) => b as unknown as Body[]);
    const poll = await h.source.pollHandoffs({}, NOW);
    const firstFilter = (b: Body[]) => b[0]?.filterGroups.map((g) => g.filters[0]?.propertyName);
    expect(bodies.map(firstFilter)).toEqual([
      [MQL, 'hs_lead_status', SQL, 'hubspot_owner_assigneddate', 'hubspot_owner_id'],
      [
        'hs_merged_object_ids',
        'hs_v2_date_entered_subscriber',
        'hs_v2_date_entered_lead',
        'hs_v2_date_entered_other',
        'hs_v2_date_entered_evangelist',
      ],
      ['hs_v2_date_entered_opportunity', 'hs_v2_date_entered_customer'],
    ]);
    for (const b of bodies) expectWithinLimits(b[0]);
    expect(Object.keys(poll.cursors).sort()).toEqual(['contacts', 'contacts:1', 'contacts:2']);
    expect(poll.changes).toEqual([
      { kind: 'left_funnel', objectType: 'contact', objectId: '301', toStage: 'customer', at: NOW - 2 * MIN },
    ]);
  });

  it('packing counts filters in all, not only groups, and is the same every time', () => {
    const conditions = contactConditions(config({ recycleStages: ['lead'] }));
    const limits = { groups: 5, filtersPerGroup: 6, filters: 10 };
    // mql, sal, sql, owner assigned take 3 filters each with the position's 2; owner removed takes 4.
    const kinds = (packs: ReturnType<typeof packConditions>) => packs.map((p) => p.map((c) => c.kind));
    expect(kinds(packConditions(conditions, limits))).toEqual([
      ['lifecycle', 'property', 'lifecycle'],
      ['owner_assigned', 'owner_removed', 'merged'],
      ['recycle'],
    ]);
    expect(packConditions(conditions, limits)).toEqual(packConditions(conditions, limits));
  });

  it('a contact that entered MQL and got an owner in the same window gives the handoff and the owner change', async () => {
    const h = harness(lifecycleOnly);
    capture(http.scope(BASE), SEARCH, 1, () =>
      page([
        record('201', {
          lastmodifieddate: iso(NOW - 3 * MIN),
          lifecyclestage: 'marketingqualifiedlead',
          [MQL]: iso(NOW - 4 * MIN),
          hubspot_owner_id: '6166861',
          hubspot_owner_assigneddate: iso(NOW - 3 * MIN),
        }),
      ]),
    );
    const first = await h.source.pollHandoffs({}, NOW);
    expect(first.handoffs.map((x) => [x.stage, x.lead.objectId, x.enteredAt, x.ownerId])).toEqual([
      ['mql', '201', NOW - 4 * MIN, '6166861'],
    ]);
    expect(first.changes).toEqual([
      {
        kind: 'owner_changed',
        objectType: 'contact',
        objectId: '201',
        ownerId: '6166861',
        at: NOW - 3 * MIN,
      },
    ]);

    // Modified again a minute later (nothing new): read again, reported nothing twice.
    capture(http.scope(BASE), SEARCH, 1, () =>
      page([
        record('201', {
          lastmodifieddate: iso(NOW - 2 * MIN),
          lifecyclestage: 'marketingqualifiedlead',
          [MQL]: iso(NOW - 4 * MIN),
          hubspot_owner_id: '6166861',
          hubspot_owner_assigneddate: iso(NOW - 3 * MIN),
        }),
      ]),
    );
    const second = await h.source.pollHandoffs(first.cursors, NOW + 30_000);
    expect(second.handoffs).toEqual([]);
    expect(second.changes).toEqual([]);
  });
});

describe('upgrading from per-stage cursors', () => {
  const http = useStrictHttp();
  const cursor = (watermark: number, seen: [string, number][] = []) =>
    encodeCursor({ watermark, resume: null, seen: new Map(seen) });
  const sqlEntry = (id: string, enteredAt: number) =>
    record(id, {
      lastmodifieddate: iso(enteredAt + MIN),
      lifecyclestage: 'salesqualifiedlead',
      [SQL]: iso(enteredAt),
      hubspot_owner_id: '6166860',
      hubspot_owner_assigneddate: '2024-01-01T00:00:00.000Z',
    });

  it('starts the merged search at the oldest old watermark, loses no handoff, repeats none, then goes its own way', async () => {
    const h = harness(lifecycleOnly);
    const handedOff = NOW - 25 * MIN;
    const old = {
      'handoffs:mql': cursor(NOW - 5 * MIN),
      // The SQL scan is the furthest behind; contact 101's entry it already returned.
      'handoffs:sql': cursor(NOW - 20 * MIN, [[`101|${handedOff}`, handedOff]]),
      'changes:contacts': cursor(NOW - 2 * MIN),
      'touches:calls': cursor(NOW - MIN),
    };
    const first = capture(http.scope(BASE), SEARCH, 1, () =>
      page([sqlEntry('101', handedOff), sqlEntry('102', NOW - 15 * MIN)]),
    );
    const poll = await h.source.pollHandoffs(old, NOW);
    const start = String(NOW - 20 * MIN - OVERLAP);
    expect((first[0] as Body).filterGroups[0]?.filters).toEqual([
      since(MQL, start),
      since('lastmodifieddate', start),
    ]);
    expect(poll.handoffs.map((x) => x.lead.objectId)).toEqual(['102']);
    expect(Object.keys(poll.cursors)).toEqual(['contacts']);
    expect(h.log.lines().map((l) => l.msg)).toContain('hubspot contacts search starts from older cursors');

    // Next poll: the merged cursor is used, the old ones (still stored) no longer matter.
    const second = capture(http.scope(BASE), SEARCH, 1, () => emptyPage);
    await h.source.pollHandoffs({ ...old, ...poll.cursors }, NOW + 30_000);
    const next = String(NOW - 14 * MIN - OVERLAP);
    expect((second[0] as Body).filterGroups[0]?.filters).toEqual([
      since(MQL, next),
      since('lastmodifieddate', next),
    ]);
  });

  it('without any contact cursor, a first poll looks back one overlap', async () => {
    const h = harness(lifecycleOnly);
    const bodies = capture(http.scope(BASE), SEARCH, 1, () => emptyPage);
    await h.source.pollHandoffs({ 'touches:calls': cursor(NOW - 90 * MIN) }, NOW);
    expect((bodies[0] as Body).filterGroups[0]?.filters).toEqual([since(MQL), lastmod]);
  });
});
