import { describe, expect, it } from 'vitest';
import { HubSpotServerError } from '../../src/hubspot/errors.ts';
import serverError from '../fixtures/hubspot/server-error.json' with { type: 'json' };
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, capture, emptyPage, harness, iso, NOW, OVERLAP, page, record, STAGES } from './harness.ts';

const SEARCH = '/crm/v3/objects/contacts/search';
const SQL = 'hs_v2_date_entered_salesqualifiedlead';
type Body = { filterGroups: { filters: unknown[] }[] };
const onlySql = { stages: STAGES.filter((s) => s.key === 'sql'), recycleStages: [] };

describe('a failed cycle loses nothing', () => {
  const http = useStrictHttp();

  it('returns no cursors when a later step fails, so the next cycle reads the same window again', async () => {
    // Two recycle stages make six filter groups: two contacts searches, the second of which fails.
    const h = harness({ ...onlySql, recycleStages: ['lead', 'other'] });
    const contact = record('101', {
      [SQL]: iso(NOW - 60_000),
      lastmodifieddate: iso(NOW - 60_000),
      hubspot_owner_id: '6166860',
    });
    const first = capture(http.scope(BASE), SEARCH, 1, () => page([contact]));
    http.scope(BASE).post(SEARCH).times(4).reply(503, serverError);
    await expect(h.source.pollHandoffs({}, NOW)).rejects.toBeInstanceOf(HubSpotServerError);

    const retry = capture(http.scope(BASE), SEARCH, 1, () => page([contact]));
    capture(http.scope(BASE), SEARCH, 1, () => emptyPage);
    const poll = await h.source.pollHandoffs({}, NOW + 30_000);
    const window = (body: unknown, lower: number) =>
      expect((body as Body).filterGroups[0]?.filters).toEqual([
        { propertyName: SQL, operator: 'GTE', value: String(lower) },
        { propertyName: 'lastmodifieddate', operator: 'GTE', value: String(lower) },
      ]);
    window(first[0], NOW - OVERLAP);
    window(retry[0], NOW + 30_000 - OVERLAP);
    expect(poll.handoffs.map((x) => x.lead.objectId)).toEqual(['101']);
  });
});
