import { describe, expect, it } from 'vitest';
import { searchRoutes } from '../../src/sandbox/hubspot/routes/search-routes.ts';
import { HubSpotState } from '../../src/sandbox/index.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, harness, iso, NOW, OVERLAP, STAGES } from './harness.ts';

const SEARCH = '/crm/v3/objects/contacts/search';
const SQL = 'hs_v2_date_entered_salesqualifiedlead';
const onlySql = { stages: STAGES.filter((s) => s.key === 'sql'), recycleStages: [] };

/** What these tests read back from a search request the source sent. */
interface SearchBody {
  readonly filterGroups: readonly { readonly filters: readonly unknown[] }[];
  readonly sorts: readonly unknown[];
  readonly after?: string;
}

/** A contact that entered SQL at `at`, last modified then or at `modifiedAt`. */
interface Entry {
  readonly at: number;
  readonly modifiedAt?: number;
}

/**
 * The sandbox's HubSpot portal holding these contacts, searched by the sandbox's own search route
 * (filters, sort, paging, the 10,000 cap). Returns the contact ids, in the order given.
 */
function portal(entries: readonly Entry[]) {
  const state = new HubSpotState(new FakeClock(NOW));
  const ids = entries.map(({ at, modifiedAt }) => {
    const { id } = state.addContact({
      createdAt: at,
      properties: { [SQL]: iso(at), hubspot_owner_id: '6166860' },
    });
    if (modifiedAt !== undefined) state.setProperties('contacts', id, {}, { at: modifiedAt });
    return id;
  });
  const requests: SearchBody[] = [];
  const answer = (body: SearchBody): [number, unknown] => {
    requests.push(body);
    const route = searchRoutes.find((r) => r.method === 'POST');
    if (!route) throw new Error('the sandbox has no search route');
    const response = route.handle(
      { method: 'POST', path: SEARCH, query: new URLSearchParams(), headers: {}, body: JSON.stringify(body) },
      { type: 'contacts' },
      { state, tokens: () => null, now: NOW, usage: () => ({ used: 0, limit: null }) },
    );
    return [response.status, response.body];
  };
  return { ids, requests, answer };
}

/** Routes the contacts search (stage entries and lead changes, one request a page) to the sandbox portal. */
function serve(http: ReturnType<typeof useStrictHttp>, index: ReturnType<typeof portal>, requests: number) {
  let last: SearchBody | undefined;
  http
    .scope(BASE)
    .post(SEARCH, (b: SearchBody) => {
      last = b;
      return true;
    })
    .times(requests)
    .reply(() => (last ? index.answer(last) : [500, 'no body']));
}

const LASTMOD = 'lastmodifieddate';

describe('reading past HubSpot’s 10,000-result cap', () => {
  const http = useStrictHttp();

  it('restarts from the last value seen instead of paging past 10,000, and misses nothing', async () => {
    const h = harness(onlySql, { tuning: { maxPagesPerScan: 100 } });
    const start = NOW - 9 * 60_000;
    const index = portal(Array.from({ length: 10_500 }, (_, i) => ({ at: start + i * 10 })));
    // 50 pages reach 10,000; the restart reads the remaining 501 (the boundary contact again) in 3 pages.
    serve(http, index, 53);
    const poll = await h.source.pollHandoffs({}, NOW);
    const ids = poll.handoffs.map((x) => x.lead.objectId);
    expect(new Set(ids).size).toBe(10_500);
    expect(ids).toHaveLength(10_500);
    expect(poll.more).toBe(false);
    const restart = index.requests[50];
    expect(restart?.after).toBe('0');
    expect(restart?.filterGroups[0]?.filters).toEqual([
      { propertyName: SQL, operator: 'GTE', value: String(NOW - OVERLAP) },
      { propertyName: LASTMOD, operator: 'GTE', value: String(start + 9_999 * 10) },
    ]);
  });

  it('walks more than 10,000 contacts that share one instant by object id', async () => {
    const h = harness(onlySql, { tuning: { maxPagesPerScan: 200 } });
    const at = NOW - 5 * 60_000;
    const later = NOW - 60_000;
    const index = portal([...Array.from({ length: 10_300 }, () => ({ at })), { at: later }]);
    // 50 pages to the cap; the tie walked by id (10,300 in 52 pages); then past the tie (1 page).
    serve(http, index, 103);
    const poll = await h.source.pollHandoffs({}, NOW);
    const ids = poll.handoffs.map((x) => x.lead.objectId);
    expect(new Set(ids).size).toBe(10_301);
    expect(ids).toHaveLength(10_301);
    expect(index.requests[50]).toMatchObject({
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
    });
    expect(index.requests[50]?.filterGroups[0]?.filters).toEqual([
      { propertyName: SQL, operator: 'GTE', value: String(NOW - OVERLAP) },
      { propertyName: LASTMOD, operator: 'EQ', value: String(at) },
      { propertyName: 'hs_object_id', operator: 'GT', value: '0' },
    ]);
    expect(index.requests.at(-1)?.filterGroups[0]?.filters).toEqual([
      { propertyName: SQL, operator: 'GTE', value: String(NOW - OVERLAP) },
      { propertyName: LASTMOD, operator: 'GT', value: String(at) },
    ]);
  });

  it('stops at the page budget with `more`, and the next poll resumes without overlap or loss', async () => {
    const h = harness(onlySql, { tuning: { maxPagesPerScan: 2 } });
    const start = NOW - 9 * 60_000;
    // Contact 5000 entered SQL first but was modified again later: the scan (on lastmodifieddate)
    // reaches it only after resuming past its entry, which still counts — the pass keeps its window.
    const late = { at: start - 1, modifiedAt: start + 99_950 };
    const index = portal([...Array.from({ length: 1_000 }, (_, i) => ({ at: start + i * 100 })), late]);
    const seen: string[] = [];
    let cursors = {};
    let polls = 0;
    for (let more = true; more; polls += 1) {
      serve(http, index, 2);
      const poll = await h.source.pollHandoffs(cursors, NOW);
      seen.push(...poll.handoffs.map((x) => x.lead.objectId));
      cursors = poll.cursors;
      more = poll.more;
      if (polls > 10) throw new Error('no progress');
    }
    expect(new Set(seen).size).toBe(1_001);
    expect(seen).toHaveLength(1_001);
    expect(seen.at(-1)).toBe(index.ids.at(-1));
    expect(polls).toBe(3);
    // The second poll starts at the last value the first returned, not an overlap before it, and still
    // accepts entries since the first poll's window start.
    expect(index.requests[2]?.filterGroups[0]?.filters).toEqual([
      { propertyName: SQL, operator: 'GTE', value: String(NOW - OVERLAP) },
      { propertyName: LASTMOD, operator: 'GTE', value: String(start + 399 * 100) },
    ]);
  });
});
