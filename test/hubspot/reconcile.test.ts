import { describe, expect, it } from 'vitest';
import archived from '../fixtures/hubspot/batch-read-archived.json' with { type: 'json' };
import notFound from '../fixtures/hubspot/batch-read-not-found.json' with { type: 'json' };
import objectNotFound from '../fixtures/hubspot/object-not-found.json' with { type: 'json' };
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, capture, harness, iso, NOW, record } from './harness.ts';
import { MIN, READ, READ_ARCHIVED, REP, reconcileNow, watched } from './reconcile-support.ts';

const SQL_AT = NOW - 8 * MIN;
const sqlContact = (id: string, extra: Record<string, string | null> = {}) =>
  record(id, {
    lastmodifieddate: iso(NOW - 6 * MIN),
    lifecyclestage: 'salesqualifiedlead',
    hubspot_owner_id: REP,
    hubspot_owner_assigneddate: iso(NOW - 60 * MIN),
    hs_v2_date_entered_salesqualifiedlead: iso(SQL_AT),
    ...extra,
  });
const batch = (results: unknown[], extra: object = {}) => ({ status: 'COMPLETE', results, ...extra });

describe('reading open leads back: deletions', () => {
  const http = useStrictHttp();

  it('a contact deleted without a merge comes back deleted, dated from the recycle bin', async () => {
    const h = harness();
    const scope = http.scope(BASE);
    const reads = capture(scope, READ, 1, () => ({ ...notFound, results: [sqlContact('202')] }), 207);
    const archivedReads = capture(scope, READ_ARCHIVED, 1, () => archived);
    const step = await reconcileNow(h, [watched('201', 'sql', SQL_AT), watched('202', 'sql', SQL_AT)]);
    expect(reads[0]).toEqual({
      inputs: [{ id: '201' }, { id: '202' }],
      properties: [
        'lastmodifieddate',
        'lifecyclestage',
        'hubspot_owner_id',
        'hubspot_owner_assigneddate',
        'hs_merged_object_ids',
        'hs_lead_status',
        'hs_v2_date_entered_marketingqualifiedlead',
        'hs_v2_date_entered_salesqualifiedlead',
        'hs_v2_date_entered_lead',
        'hs_v2_date_entered_other',
      ],
      propertiesWithHistory: ['hs_lead_status'],
    });
    expect(archivedReads[0]).toEqual({
      inputs: [{ id: '201' }],
      properties: ['lastmodifieddate'],
      propertiesWithHistory: [],
    });
    expect(step.changes).toEqual([
      {
        kind: 'deleted',
        objectType: 'contact',
        objectId: '201',
        mergedInto: null,
        at: Date.parse('2024-05-01T10:07:00.000Z'),
      },
    ]);
    expect(step.rejected).toEqual([]);
  });

  it('a contact purged from the recycle bin too is deleted as of now', async () => {
    const h = harness();
    capture(http.scope(BASE), READ, 1, () => notFound, 207);
    capture(http.scope(BASE), READ_ARCHIVED, 1, () => batch([]));
    const step = await reconcileNow(h, [watched('201', 'sql', SQL_AT)]);
    expect(step.changes).toEqual([
      { kind: 'deleted', objectType: 'contact', objectId: '201', mergedInto: null, at: NOW },
    ]);
  });

  it('a batch answered 404 OBJECT_NOT_FOUND as a whole means every id in it is gone', async () => {
    const h = harness();
    http.scope(BASE).post(READ).reply(404, objectNotFound);
    http.scope(BASE).post(READ_ARCHIVED).reply(404, objectNotFound);
    const step = await reconcileNow(h, [watched('201', 'sql', SQL_AT), watched('203', 'sql', SQL_AT)]);
    expect(step.changes.map((c) => [c.kind, c.objectId, c.at])).toEqual([
      ['deleted', '201', NOW],
      ['deleted', '203', NOW],
    ]);
  });

  it('a merged contact comes back as the record it was merged into', async () => {
    const h = harness();
    capture(http.scope(BASE), READ, 1, () =>
      batch([sqlContact('303', { hs_merged_object_ids: '201;303', lastmodifieddate: iso(NOW - 2 * MIN) })]),
    );
    const step = await reconcileNow(h, [watched('201', 'sql', SQL_AT)]);
    expect(step.changes).toEqual([
      { kind: 'deleted', objectType: 'contact', objectId: '201', mergedInto: '303', at: NOW - 2 * MIN },
    ]);
  });

  it('an id left out without HubSpot saying it is gone is rejected, never taken for deleted', async () => {
    const h = harness();
    capture(http.scope(BASE), READ, 1, () => batch([sqlContact('202')]));
    const step = await reconcileNow(h, [watched('201', 'sql', SQL_AT), watched('202', 'sql', SQL_AT)]);
    expect(step.changes).toEqual([]);
    expect(step.rejected).toEqual([
      { what: 'contact', id: '201', reason: 'missing from batch read, no reason given' },
    ]);
  });
});

describe('reading open leads back: owners', () => {
  const http = useStrictHttp();

  it('an owner removed without a new one comes back as no owner; a replaced one as the new owner', async () => {
    const h = harness();
    capture(http.scope(BASE), READ, 1, () =>
      batch([
        sqlContact('201', { hubspot_owner_id: null, lastmodifieddate: iso(NOW - 3 * MIN) }),
        sqlContact('202', { hubspot_owner_id: '999', hubspot_owner_assigneddate: iso(NOW - 4 * MIN) }),
        sqlContact('203'),
      ]),
    );
    const step = await reconcileNow(
      h,
      ['201', '202', '203'].map((id) => watched(id, 'sql', SQL_AT)),
    );
    expect(step.changes).toEqual([
      {
        kind: 'owner_changed',
        objectType: 'contact',
        objectId: '201',
        ownerId: null,
        at: NOW - 3 * MIN,
        current: true,
      },
      {
        kind: 'owner_changed',
        objectType: 'contact',
        objectId: '202',
        ownerId: '999',
        at: NOW - 4 * MIN,
        current: true,
      },
    ]);
  });

  it('an owner assigned before the stage was entered is dated at the entry, so the instance takes it', async () => {
    const h = harness();
    capture(http.scope(BASE), READ, 1, () => batch([sqlContact('201', { hubspot_owner_id: '999' })]));
    const step = await reconcileNow(h, [watched('201', 'sql', SQL_AT, null)]);
    expect(step.changes).toEqual([
      {
        kind: 'owner_changed',
        objectType: 'contact',
        objectId: '201',
        ownerId: '999',
        at: SQL_AT,
        current: true,
      },
    ]);
  });
});
