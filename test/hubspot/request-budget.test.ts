import { describe, expect, it } from 'vitest';
import { HubSpotDailyLimitError } from '../../src/hubspot/errors.ts';
import { watchedLeadsOf } from '../../src/hubspot/reconcile-schedule.ts';
import daily from '../fixtures/hubspot/rate-limit-daily.json' with { type: 'json' };
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, capture, emptyPage, harness, iso, NOW, record } from './harness.ts';
import { MIN, READ, REP, watched } from './reconcile-support.ts';

const YESTERDAY = NOW - 24 * 60 * MIN;
type ReadBody = { inputs: { id: string }[]; propertiesWithHistory: string[] };

describe('requests per poll with the read-back of open leads', () => {
  const http = useStrictHttp();

  /** Polls every 30 s with `open` leads handed off yesterday; HubSpot has nothing new. Requests per poll. */
  async function steadyPolls(open: number, polls: number, expectedReads: number) {
    const h = harness();
    const scope = http.scope(BASE);
    // Every poll: the contacts search — eight filter groups in two searches — finds nothing new.
    capture(scope, '/crm/v3/objects/contacts/search', 2 * polls, () => emptyPage);
    const reads = capture(scope, READ, expectedReads, (body) => ({
      status: 'COMPLETE',
      results: (body as ReadBody).inputs.map(({ id }) =>
        record(id, {
          lastmodifieddate: iso(YESTERDAY),
          lifecyclestage: 'salesqualifiedlead',
          hubspot_owner_id: REP,
          hs_v2_date_entered_salesqualifiedlead: iso(YESTERDAY),
        }),
      ),
    }));
    const watchedLeads = watchedLeadsOf(
      Array.from({ length: open }, (_, i) => watched(String(100_000 + i), 'sql', YESTERDAY)),
    );
    let cursors = {};
    const perPoll: number[] = [];
    for (let i = 0; i < polls; i++) {
      const before = h.source.requestCount;
      const poll = await h.source.pollHandoffs(cursors, NOW + i * 30_000, watchedLeads);
      expect(poll.changes).toEqual([]);
      cursors = { ...cursors, ...poll.cursors };
      perPoll.push(h.source.requestCount - before);
    }
    const ids = (reads as ReadBody[]).flatMap((b) => b.inputs.map((input) => input.id));
    const history = (reads as ReadBody[]).map((b) => b.propertiesWithHistory);
    return { perPoll, ids, history };
  }

  it('the read-back costs the same at 1,000, 10,000 and 100,000 open leads: at most one batch read a poll', async () => {
    const small = await steadyPolls(1_000, 8, 4);
    const medium = await steadyPolls(10_000, 8, 7);
    const large = await steadyPolls(100_000, 8, 7);
    // The SAL stage is `hs_lead_status`, so contacts are read with property history: 50 a batch read
    // (HubSpot's limit). Two searches, plus one batch read of 50 when the round-robin has earned one
    // (two polls in three at 1,000 open with the 15-minute period; every poll once there are more than
    // 1,500).
    expect(small.perPoll).toEqual([2, 2, 3, 3, 2, 3, 3, 2]);
    expect(medium.perPoll).toEqual([2, 3, 3, 3, 3, 3, 3, 3]);
    expect(large.perPoll).toEqual(medium.perPoll);
    for (const run of [small, medium, large]) {
      expect(new Set(run.ids).size).toBe(run.ids.length);
      expect(run.ids.length).toBe(50 * run.perPoll.filter((n) => n === 3).length);
      expect(run.history.every((h) => h.includes('hs_lead_status'))).toBe(true);
    }
  });

  it('a lead handed off in the last 15 minutes is read back every minute, in the same request as the round', async () => {
    const h = harness();
    const scope = http.scope(BASE);
    capture(scope, '/crm/v3/objects/contacts/search', 4, () => emptyPage);
    const reads = capture(scope, READ, 1, () => ({
      status: 'COMPLETE',
      results: [record('7', { hubspot_owner_id: REP, lastmodifieddate: iso(NOW - 3 * MIN) })],
    }));
    const open = watchedLeadsOf([watched('7', 'sql', NOW - 3 * MIN)]);
    const first = await h.source.pollHandoffs({}, NOW, open);
    // Thirty seconds later it is not due again yet: no read.
    await h.source.pollHandoffs(first.cursors, NOW + 30_000, open);
    expect(reads).toHaveLength(1);
    expect(Object.keys(first.cursors)).toContain('reconcile');
  });

  it('a failing read-back does not hold up new handoffs: it is reported and owed to the next poll', async () => {
    const h = harness({ stages: [], recycleStages: [] });
    const scope = http.scope(BASE);
    capture(scope, '/crm/v3/objects/contacts/search', 1, () => emptyPage);
    scope.post(READ).reply(400, {
      status: 'error',
      category: 'VALIDATION_ERROR',
      message: 'Invalid input JSON',
      correlationId: 'f1e2d3c4-0000-4000-8000-000000000000',
    });
    const open = watchedLeadsOf([watched('7', 'sql', NOW - 3 * MIN)]);
    const poll = await h.source.pollHandoffs({ reconcile: 'left as it was' }, NOW, open);
    expect(poll.rejected).toEqual([
      { what: 'open leads', id: null, reason: expect.stringContaining('read-back deferred') },
    ]);
    expect(poll.cursors).not.toHaveProperty('reconcile');
    expect(h.log.lines().map((l) => l.msg)).toContain(
      'hubspot read-back of open leads failed, deferred to the next poll',
    );
  });

  it('the daily limit during the read-back still fails the poll (the worker alerts the admins)', async () => {
    const h = harness({ stages: [], recycleStages: [] });
    capture(http.scope(BASE), '/crm/v3/objects/contacts/search', 1, () => emptyPage);
    http.scope(BASE).post(READ).reply(429, daily);
    await expect(
      h.source.pollHandoffs({}, NOW, watchedLeadsOf([watched('7', 'sql', NOW - 3 * MIN)])),
    ).rejects.toBeInstanceOf(HubSpotDailyLimitError);
  });
});
