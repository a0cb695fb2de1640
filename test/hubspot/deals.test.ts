import { describe, expect, it } from 'vitest';
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, capture, harness } from './harness.ts';

const ASSOC = '/crm/v4/associations/contacts/deals/batch/read';
const DEALS = '/crm/v3/objects/deals/batch/read';

const assocRow = (from: string, to: (string | number)[]) => ({
  from: { id: from },
  to: to.map((id) => ({
    toObjectId: id,
    associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 4, label: null }],
  })),
});

/** A deal as the batch read returns it: every value a string or null. */
const dealRecord = (id: string, properties: Record<string, string | null>) => ({
  id,
  properties: { hs_object_id: id, ...properties },
  createdAt: '2024-04-02T09:00:00.000Z',
  updatedAt: '2024-05-01T09:00:00.000Z',
  archived: false,
});

const won = {
  dealstage: 'closedwon',
  pipeline: 'default',
  hs_is_closed_won: 'true',
  hs_is_closed: 'true',
  closedate: '2024-04-20T12:00:00.000Z',
  amount: '12500.50',
  deal_currency_code: 'eur',
  createdate: '2024-04-02T09:00:00.000Z',
};

describe('deals of contacts', () => {
  const http = useStrictHttp();

  it('reads associations, then the deals in batches, keeping amounts as written and tolerating nulls', async () => {
    const h = harness();
    const scope = http.scope(BASE);
    const assoc = capture(
      scope,
      ASSOC,
      1,
      () => ({
        status: 'COMPLETE',
        results: [assocRow('101', [5001, '5002']), assocRow('102', ['5002'])],
        // 103 has no deals: an ordinary answer, not a rejection.
        numErrors: 2,
        errors: [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
            message: 'No deals are associated with contact 103.',
            context: { fromObjectId: ['103'] },
          },
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: 'Could not get some CONTACT objects, they may be deleted or not exist.',
            context: { ids: ['104'] },
          },
        ],
      }),
      207,
    );
    const reads = capture(scope, DEALS, 1, () => ({
      status: 'COMPLETE',
      results: [
        dealRecord('5001', won),
        dealRecord('5002', {
          dealstage: 'appointmentscheduled',
          pipeline: 'default',
          hs_is_closed_won: 'false',
          hs_is_closed: null,
          closedate: null,
          amount: '',
          deal_currency_code: null,
          createdate: '1712048400000',
        }),
      ],
    }));

    const read = await h.source.dealsOf?.(['101', '102', '103', '104', '101']);

    expect(assoc).toEqual([{ inputs: [{ id: '101' }, { id: '102' }, { id: '103' }, { id: '104' }] }]);
    expect(reads).toHaveLength(1);
    expect((reads[0] as { inputs: { id: string }[] }).inputs.map((i) => i.id).sort()).toEqual([
      '5001',
      '5002',
    ]);
    expect(read?.contactIds).toEqual(['101', '102', '103']);
    expect(read?.deals).toEqual([
      {
        id: '5001',
        contactIds: ['101'],
        pipeline: 'default',
        stage: 'closedwon',
        closed: true,
        closedWon: true,
        closedAt: Date.parse('2024-04-20T12:00:00.000Z'),
        amount: '12500.50',
        currency: 'EUR',
        createdAt: Date.parse('2024-04-02T09:00:00.000Z'),
      },
      {
        id: '5002',
        contactIds: ['101', '102'],
        pipeline: 'default',
        stage: 'appointmentscheduled',
        closed: false,
        closedWon: false,
        closedAt: null,
        amount: null,
        currency: null,
        createdAt: 1712048400000,
      },
    ]);
    expect(read?.rejected.map((r) => r.id)).toEqual(['104']);
  });

  it('reads 250 deals in three batch reads of at most 100, after one associations request', async () => {
    const h = harness();
    const scope = http.scope(BASE);
    const ids = Array.from({ length: 250 }, (_, i) => String(7000 + i));
    capture(scope, ASSOC, 1, () => ({ status: 'COMPLETE', results: [assocRow('101', ids)] }));
    const reads = capture(scope, DEALS, 3, (body) => ({
      status: 'COMPLETE',
      results: (body as { inputs: { id: string }[] }).inputs.map((i) => dealRecord(i.id, won)),
    }));

    const before = h.source.requestCount;
    const read = await h.source.dealsOf?.(['101']);

    expect(h.source.requestCount - before).toBe(4);
    expect(reads.map((b) => (b as { inputs: unknown[] }).inputs.length)).toEqual([100, 100, 50]);
    expect(read?.deals).toHaveLength(250);
  });

  it('a deal deleted between the two reads is rejected, not invented', async () => {
    const h = harness();
    const scope = http.scope(BASE);
    capture(scope, ASSOC, 1, () => ({ status: 'COMPLETE', results: [assocRow('101', ['5001', '5009'])] }));
    capture(
      scope,
      DEALS,
      1,
      () => ({
        status: 'COMPLETE',
        results: [dealRecord('5001', won)],
        numErrors: 1,
        errors: [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: 'Could not get some DEAL objects, they may be deleted or not exist.',
            context: { ids: ['5009'] },
          },
        ],
      }),
      207,
    );

    const read = await h.source.dealsOf?.(['101']);

    expect(read?.deals.map((d) => d.id)).toEqual(['5001']);
    expect(read?.rejected).toEqual([
      { what: 'deal', id: '5009', reason: expect.stringContaining('OBJECT_NOT_FOUND') },
    ]);
    expect(read?.contactIds).toEqual(['101']);
  });
});
