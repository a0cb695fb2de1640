import { describe, expect, it } from 'vitest';
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, harness, iso, NOW, OVERLAP, STAGES } from './harness.ts';
import { enteredAt, searchIndex } from './search-index.ts';

const SEARCH = '/crm/v3/objects/contacts/search';
const SQL = 'hs_v2_date_entered_salesqualifiedlead';
const onlySql = { stages: STAGES.filter((s) => s.key === 'sql'), recycleStages: [] };

/** Routes the contacts search (stage entries and lead changes, one request a page) to the simulated index. */
function serve(
  http: ReturnType<typeof useStrictHttp>,
  index: ReturnType<typeof searchIndex>,
  requests: number,
) {
  let last: Parameters<typeof index.answer>[0] | undefined;
  http
    .scope(BASE)
    .post(SEARCH, (b: Parameters<typeof index.answer>[0]) => {
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
    const index = searchIndex(
      Array.from({ length: 10_500 }, (_, i) => enteredAt(SQL, i + 1, start + i * 10)),
    );
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
    const index = searchIndex([
      ...Array.from({ length: 10_300 }, (_, i) => enteredAt(SQL, i + 1, at)),
      enteredAt(SQL, 20_000, later),
    ]);
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
    const late = {
      ...enteredAt(SQL, 5_000, start - 1),
      props: { ...enteredAt(SQL, 5_000, start - 1).props, [LASTMOD]: iso(start + 99_950) },
    };
    const index = searchIndex([
      ...Array.from({ length: 1_000 }, (_, i) => enteredAt(SQL, i + 1, start + i * 100)),
      late,
    ]);
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
    expect(seen.at(-1)).toBe('5000');
    expect(polls).toBe(3);
    // The second poll starts at the last value the first returned, not an overlap before it, and still
    // accepts entries since the first poll's window start.
    expect(index.requests[2]?.filterGroups[0]?.filters).toEqual([
      { propertyName: SQL, operator: 'GTE', value: String(NOW - OVERLAP) },
      { propertyName: LASTMOD, operator: 'GTE', value: String(start + 399 * 100) },
    ]);
  });
});
