import { describe, expect, it } from 'vitest';
import type { StageDefinition } from '../../src/config/types.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, capture, harness, iso, NOW, record, STAGES } from './harness.ts';
import { history, LEAD_READ, MIN, READ, REP, reconcileNow, watched } from './reconcile-support.ts';

const SAL_AT = NOW - 8 * MIN;
const batch = (results: unknown[]) => ({ status: 'COMPLETE', results });
const salContact = (
  id: string,
  status: string | null,
  statusHistory: ReturnType<typeof history> | undefined,
  extra: Record<string, string | null> = {},
) => ({
  ...record(id, {
    lastmodifieddate: iso(NOW - MIN),
    lifecyclestage: 'marketingqualifiedlead',
    hubspot_owner_id: REP,
    hubspot_owner_assigneddate: iso(NOW - 60 * MIN),
    hs_lead_status: status,
    hs_v2_date_entered_marketingqualifiedlead: iso(NOW - 90 * MIN),
    ...extra,
  }),
  ...(statusHistory ? { propertiesWithHistory: { hs_lead_status: statusHistory } } : {}),
});

describe('reading open leads back: leaving a property-defined stage', () => {
  const http = useStrictHttp();

  it('a SAL moved back to nurture or unqualified, or cleared, has left the funnel when it moved away', async () => {
    const h = harness();
    capture(http.scope(BASE), READ, 1, () =>
      batch([
        salContact(
          '201',
          'UNQUALIFIED',
          history(['UNQUALIFIED', NOW - 5 * MIN], ['SALES_ACCEPTED', SAL_AT], ['NEW', NOW - 60 * MIN]),
        ),
        salContact(
          '202',
          'BAD_TIMING',
          history(['BAD_TIMING', NOW - 2 * MIN], ['OPEN', NOW - 6 * MIN], ['SALES_ACCEPTED', SAL_AT]),
        ),
        salContact('203', null, history([null, NOW - 4 * MIN], ['SALES_ACCEPTED', SAL_AT])),
        salContact('204', 'SALES_ACCEPTED', history(['SALES_ACCEPTED', SAL_AT])),
      ]),
    );
    const step = await reconcileNow(
      h,
      ['201', '202', '203', '204'].map((id) => watched(id, 'sal', SAL_AT)),
    );
    expect(step.changes).toEqual([
      {
        kind: 'left_funnel',
        objectType: 'contact',
        objectId: '201',
        toStage: 'UNQUALIFIED',
        at: NOW - 5 * MIN,
      },
      {
        kind: 'left_funnel',
        objectType: 'contact',
        objectId: '202',
        toStage: 'BAD_TIMING',
        at: NOW - 6 * MIN,
      },
      { kind: 'left_funnel', objectType: 'contact', objectId: '203', toStage: '', at: NOW - 4 * MIN },
    ]);
  });

  it('a SAL that became an SQL at the same moment is left to the SQL handoff, which closes it itself', async () => {
    const h = harness();
    capture(http.scope(BASE), READ, 1, () =>
      batch([
        salContact('201', 'OPEN_DEAL', history(['OPEN_DEAL', NOW - 5 * MIN], ['SALES_ACCEPTED', SAL_AT]), {
          lifecyclestage: 'salesqualifiedlead',
          hs_v2_date_entered_salesqualifiedlead: iso(NOW - 5 * MIN),
        }),
        // Left first, became an SQL later: the departure closes the SAL, not the later SQL.
        salContact(
          '202',
          'UNQUALIFIED',
          history(['UNQUALIFIED', NOW - 5 * MIN], ['SALES_ACCEPTED', SAL_AT]),
          {
            lifecyclestage: 'salesqualifiedlead',
            hs_v2_date_entered_salesqualifiedlead: iso(NOW - 3 * MIN),
          },
        ),
      ]),
    );
    const step = await reconcileNow(h, [watched('201', 'sal', SAL_AT), watched('202', 'sal', SAL_AT)]);
    expect(step.changes).toEqual([
      {
        kind: 'left_funnel',
        objectType: 'contact',
        objectId: '202',
        toStage: 'UNQUALIFIED',
        at: NOW - 5 * MIN,
      },
    ]);
  });

  it('draws no conclusion when HubSpot sends no history for the stage property', async () => {
    const h = harness();
    capture(http.scope(BASE), READ, 1, () => batch([salContact('201', null, undefined)]));
    const step = await reconcileNow(h, [watched('201', 'sal', SAL_AT)]);
    expect(step.changes).toEqual([]);
  });

  it('a lead recycled to a nurture lifecycle stage after entering has left the funnel', async () => {
    const h = harness();
    capture(http.scope(BASE), READ, 1, () =>
      batch([
        record('201', {
          lastmodifieddate: iso(NOW - 4 * MIN),
          lifecyclestage: 'lead',
          hubspot_owner_id: REP,
          hs_v2_date_entered_lead: iso(NOW - 4 * MIN),
          hs_v2_date_entered_salesqualifiedlead: iso(NOW - 8 * MIN),
        }),
      ]),
    );
    const step = await reconcileNow(h, [watched('201', 'sql', NOW - 8 * MIN)]);
    expect(step.changes).toEqual([
      { kind: 'left_funnel', objectType: 'contact', objectId: '201', toStage: 'lead', at: NOW - 4 * MIN },
    ]);
  });
});

const leadStage: StageDefinition = {
  key: 'sal',
  label: 'SAL',
  order: 1,
  source: { kind: 'lead_pipeline', pipeline: 'lead-pipeline-id', stage: 'new-stage-id' },
  at: { file: 'config/sla.yaml', line: 20, col: 5 },
};
const lead = (id: string, owner: string | null, assignedAt: number | null) =>
  record(id, {
    hs_lastmodifieddate: iso(NOW - 2 * MIN),
    hubspot_owner_id: owner,
    hubspot_owner_assigneddate: assignedAt === null ? null : iso(assignedAt),
  });

describe('reading open leads back: HubSpot Leads-object records', () => {
  const http = useStrictHttp();
  const config = { stages: [STAGES[0], leadStage].flatMap((s) => (s ? [s] : [])), recycleStages: [] };

  it('follows the lead’s owner, and the contact’s when the lead has none (as at handoff)', async () => {
    const h = harness(config);
    const scope = http.scope(BASE);
    const leadReads = capture(scope, LEAD_READ, 1, () =>
      batch([lead('301', '777', NOW - 3 * MIN), lead('302', null, NOW - 90 * MIN), lead('303', null, null)]),
    );
    const contactReads = capture(scope, READ, 1, () =>
      batch([record('102', { hubspot_owner_id: '999' }), record('103', { hubspot_owner_id: REP })]),
    );
    const step = await reconcileNow(h, [
      watched('301', 'sal', SAL_AT, REP, 'lead', '101'),
      watched('302', 'sal', SAL_AT, REP, 'lead', '102'),
      watched('303', 'sal', SAL_AT, REP, 'lead', '103'),
    ]);
    expect(leadReads[0]).toEqual({
      inputs: [{ id: '301' }, { id: '302' }, { id: '303' }],
      properties: ['hs_lastmodifieddate', 'hubspot_owner_id', 'hubspot_owner_assigneddate'],
      propertiesWithHistory: [],
    });
    expect(contactReads[0]).toMatchObject({ inputs: [{ id: '102' }, { id: '103' }] });
    expect(step.changes).toEqual([
      {
        kind: 'owner_changed',
        objectType: 'lead',
        objectId: '301',
        ownerId: '777',
        at: NOW - 3 * MIN,
        current: true,
      },
      {
        kind: 'owner_changed',
        objectType: 'lead',
        objectId: '302',
        ownerId: '999',
        at: NOW - 2 * MIN,
        current: true,
      },
    ]);
  });

  it('a deleted lead comes back deleted, whatever its contact', async () => {
    const h = harness(config);
    capture(
      http.scope(BASE),
      LEAD_READ,
      1,
      () => ({
        status: 'COMPLETE',
        results: [],
        numErrors: 1,
        errors: [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: 'Could not get some LEAD objects',
            context: { ids: ['301'] },
          },
        ],
      }),
      207,
    );
    capture(http.scope(BASE), `${LEAD_READ}?archived=true`, 1, () =>
      batch([{ ...lead('301', REP, null), archived: true, archivedAt: iso(NOW - 7 * MIN) }]),
    );
    const step = await reconcileNow(h, [watched('301', 'sal', SAL_AT, REP, 'lead', '101')]);
    expect(step.changes).toEqual([
      { kind: 'deleted', objectType: 'lead', objectId: '301', mergedInto: null, at: NOW - 7 * MIN },
    ]);
  });
});
