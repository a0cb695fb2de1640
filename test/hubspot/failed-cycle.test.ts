import { describe, expect, it } from 'vitest';
import { HubSpotServerError } from '../../src/hubspot/errors.ts';
import serverError from '../fixtures/hubspot/server-error.json' with { type: 'json' };
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, capture, emptyPage, harness, iso, NOW, OVERLAP, page, record, STAGES } from './harness.ts';

const SEARCH = '/crm/v3/objects/contacts/search';
const SQL = 'hs_v2_date_entered_salesqualifiedlead';
const onlySql = { stages: STAGES.filter((s) => s.key === 'sql'), recycleStages: [] };

describe('a failed cycle loses nothing', () => {
  const http = useStrictHttp();

  it('returns no cursors when a later step fails, so the next cycle reads the same window again', async () => {
    const h = harness(onlySql);
    const contact = record('101', { [SQL]: iso(NOW - 60_000), hubspot_owner_id: '6166860' });
    const first = capture(http.scope(BASE), SEARCH, 1, () => page([contact]));
    http.scope(BASE).post(SEARCH).times(4).reply(503, serverError);
    await expect(h.source.pollHandoffs({}, NOW)).rejects.toBeInstanceOf(HubSpotServerError);

    const retry = capture(http.scope(BASE), SEARCH, 1, () => page([contact]));
    capture(http.scope(BASE), SEARCH, 1, () => emptyPage);
    const poll = await h.source.pollHandoffs({}, NOW + 30_000);
    expect((retry[0] as { filterGroups: unknown }).filterGroups).toEqual([
      { filters: [{ propertyName: SQL, operator: 'GTE', value: String(NOW + 30_000 - OVERLAP) }] },
    ]);
    expect((first[0] as { filterGroups: unknown }).filterGroups).toEqual([
      { filters: [{ propertyName: SQL, operator: 'GTE', value: String(NOW - OVERLAP) }] },
    ]);
    expect(poll.handoffs.map((x) => x.lead.objectId)).toEqual(['101']);
  });
});
