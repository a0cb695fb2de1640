import { describe, expect, it } from 'vitest';
import { CONTACT_PROPERTIES } from '../../src/hubspot/lead-snapshot.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, capture, emptyPage, harness, iso, NOW, OVERLAP, page, record, STAGES } from './harness.ts';

const SEARCH = '/crm/v3/objects/contacts/search';
const SQL = 'hs_v2_date_entered_salesqualifiedlead';
const MQL = 'hs_v2_date_entered_marketingqualifiedlead';
const onlySql = { stages: STAGES.filter((s) => s.key === 'sql'), recycleStages: [] };
const MIN = 60_000;
const LOWER = String(NOW - OVERLAP);
type Body = { filterGroups: { filters: { value?: string }[] }[] };

const sqlContact = (id: string, enteredAt: number, extra: Record<string, string | null> = {}) =>
  record(id, {
    firstname: 'Ana',
    lastname: 'Díaz',
    company: 'Acme BV',
    email: `ana${id}@acme.example`,
    phone: null,
    mobilephone: '+31 6 1234 5678',
    jobtitle: null,
    hubspotscore: '42',
    hs_analytics_source: 'PAID_SEARCH',
    recent_conversion_event_name: 'Pricing page: Request a demo',
    recent_conversion_date: '2024-05-01T09:58:00.000Z',
    country: null,
    hubspot_owner_id: '6166860',
    hubspot_owner_assigneddate: '2024-05-01T10:00:30.000Z',
    lifecyclestage: 'salesqualifiedlead',
    hs_lead_status: null,
    lastmodifieddate: iso(enteredAt + 1_000),
    [SQL]: iso(enteredAt),
    ...extra,
  });

describe('handoffs into lifecycle stages', () => {
  const http = useStrictHttp();

  it('searches the stage’s date-entered property, ascending, 200 a page, from one overlap back', async () => {
    const h = harness(onlySql);
    const scope = http.scope(BASE);
    const stageBodies = capture(scope, SEARCH, 1, () => page([sqlContact('101', NOW - 5 * MIN)]));
    const poll = await h.source.pollHandoffs({}, NOW);
    // One contacts search on lastmodifieddate: the stage entry ORed with the lead-change groups.
    const lastmod = { propertyName: 'lastmodifieddate', operator: 'GTE', value: LOWER };
    expect(stageBodies[0]).toEqual({
      filterGroups: [
        { filters: [{ propertyName: SQL, operator: 'GTE', value: LOWER }, lastmod] },
        { filters: [{ propertyName: 'hubspot_owner_assigneddate', operator: 'GTE', value: LOWER }, lastmod] },
        {
          filters: [
            { propertyName: 'hubspot_owner_id', operator: 'NOT_HAS_PROPERTY' },
            { propertyName: 'hubspot_owner_assigneddate', operator: 'HAS_PROPERTY' },
            lastmod,
          ],
        },
        { filters: [{ propertyName: 'hs_merged_object_ids', operator: 'HAS_PROPERTY' }, lastmod] },
      ],
      sorts: [{ propertyName: 'lastmodifieddate', direction: 'ASCENDING' }],
      properties: [...CONTACT_PROPERTIES, 'hs_merged_object_ids', SQL],
      limit: 200,
      after: '0',
    });
    expect(poll.handoffs).toEqual([
      {
        lead: {
          objectType: 'contact',
          objectId: '101',
          contactId: '101',
          firstName: 'Ana',
          lastName: 'Díaz',
          company: 'Acme BV',
          email: 'ana101@acme.example',
          phone: '+31 6 1234 5678',
          jobTitle: null,
          score: 42,
          source: 'PAID_SEARCH',
          recentConversion: 'Pricing page: Request a demo',
          recentConversionAt: Date.parse('2024-05-01T09:58:00.000Z'),
          country: null,
          url: 'https://app.hubspot.com/contacts/62515/record/0-1/101',
          properties: expect.objectContaining({ hs_analytics_source: 'PAID_SEARCH', hubspotscore: '42' }),
        },
        stage: 'sql',
        enteredAt: NOW - 5 * MIN,
        ownerId: '6166860',
        ownerAssignedAt: Date.parse('2024-05-01T10:00:30.000Z'),
      },
    ]);
    expect(poll.more).toBe(false);
    expect(Object.keys(poll.cursors)).toEqual(['contacts']);
  });

  it('follows paging tokens until the last page', async () => {
    const h = harness(onlySql);
    const scope = http.scope(BASE);
    const bodies = capture(scope, SEARCH, 3, (_b, n) =>
      n === 0
        ? page([sqlContact('1', NOW - 9 * MIN), sqlContact('2', NOW - 8 * MIN)], '2', 5)
        : n === 1
          ? page([sqlContact('3', NOW - 7 * MIN), sqlContact('4', NOW - 6 * MIN)], '4', 5)
          : page([sqlContact('5', NOW - 5 * MIN)], undefined, 5),
    );
    const poll = await h.source.pollHandoffs({}, NOW);
    expect(bodies.map((b) => (b as { after?: string }).after)).toEqual(['0', '2', '4']);
    expect(poll.handoffs.map((x) => x.lead.objectId)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('re-reads the overlap window for index lag but returns each (contact, stage, entry) once', async () => {
    const h = harness(onlySql);
    const scope = http.scope(BASE);
    capture(scope, SEARCH, 1, () => page([sqlContact('1', NOW - 2 * MIN)]));
    const first = await h.source.pollHandoffs({}, NOW);
    expect(first.handoffs).toHaveLength(1);

    // 30 s later: the same contact again (overlap), plus one that lagged in the index with an earlier time.
    const second = capture(scope, SEARCH, 1, () =>
      page([sqlContact('7', NOW - 4 * MIN), sqlContact('1', NOW - 2 * MIN), sqlContact('8', NOW + 20_000)]),
    );
    const next = await h.source.pollHandoffs(first.cursors, NOW + 30_000);
    // The window restarts one overlap before the newest modification seen (entry + 1 s).
    const lower = String(NOW - 2 * MIN + 1_000 - OVERLAP);
    expect((second[0] as Body).filterGroups[0]?.filters).toEqual([
      { propertyName: SQL, operator: 'GTE', value: lower },
      { propertyName: 'lastmodifieddate', operator: 'GTE', value: lower },
    ]);
    expect(next.handoffs.map((x) => x.lead.objectId)).toEqual(['7', '8']);
  });

  it('tolerates nulls and strings: a contact without owner is a handoff, an unparseable date is rejected', async () => {
    const h = harness(onlySql);
    const scope = http.scope(BASE);
    capture(scope, SEARCH, 1, () =>
      page([
        sqlContact('1', NOW - 3 * MIN, {
          hubspot_owner_id: null,
          hubspot_owner_assigneddate: null,
          hubspotscore: 'n/a',
        }),
        sqlContact('2', NOW - 2 * MIN, { [SQL]: 'last tuesday' }),
        { properties: { email: 'no-id@example.com' } },
        sqlContact('3', NOW - 1 * MIN, { firstname: '', lastname: null, company: '   ' }),
      ]),
    );
    const poll = await h.source.pollHandoffs({}, NOW);
    expect(poll.handoffs.map((x) => [x.lead.objectId, x.ownerId, x.lead.score])).toEqual([
      ['1', null, null],
      ['3', '6166860', 42],
    ]);
    expect(poll.handoffs[1]?.lead).toMatchObject({ firstName: null, lastName: null, company: null });
    expect(poll.rejected).toEqual([
      { what: 'contact', id: null, reason: expect.stringContaining('malformed record') },
      { what: 'contact', id: '2', reason: `unparseable ${SQL}: "last tuesday"` },
    ]);
    const logged = h.log.lines().filter((l) => l.msg === 'hubspot record rejected');
    expect(logged.map((l) => l.reason)).toContain(`unparseable ${SQL}: "last tuesday"`);
  });

  it('reports a move back from a later configured stage as leaving that stage', async () => {
    const h = harness({ stages: STAGES.filter((s) => s.key !== 'sal'), recycleStages: [] });
    const scope = http.scope(BASE);
    const back = sqlContact('9', NOW - 3 * MIN, {
      lifecyclestage: 'marketingqualifiedlead',
      [MQL]: iso(NOW - 3 * MIN),
      [SQL]: iso(NOW - 60 * MIN),
    });
    const forward = sqlContact('10', NOW - 3 * MIN, { [MQL]: iso(NOW - 3 * MIN), [SQL]: iso(NOW - 1 * MIN) });
    capture(scope, SEARCH, 1, () => page([back, forward]));
    const poll = await h.source.pollHandoffs({}, NOW);
    // Contact 10 moved forward: its SQL entry (inside the window) is a handoff too.
    expect(poll.handoffs.map((x) => [x.stage, x.lead.objectId])).toEqual([
      ['mql', '9'],
      ['mql', '10'],
      ['sql', '10'],
    ]);
    expect(poll.changes.filter((c) => c.kind === 'left_funnel')).toEqual([
      {
        kind: 'left_funnel',
        objectType: 'contact',
        objectId: '9',
        toStage: 'marketingqualifiedlead',
        at: NOW - 3 * MIN,
      },
    ]);
  });

  it('rejects a date far in the future without moving the cursor past real handoffs', async () => {
    const h = harness(onlySql);
    const scope = http.scope(BASE);
    capture(scope, SEARCH, 1, () =>
      page([sqlContact('1', NOW - MIN), sqlContact('2', Date.parse('2099-01-01T00:00:00Z'))]),
    );
    const poll = await h.source.pollHandoffs({}, NOW);
    expect(poll.handoffs.map((x) => x.lead.objectId)).toEqual(['1']);
    expect(poll.rejected[0]).toMatchObject({ id: '2', reason: expect.stringContaining('in the future') });
    expect(JSON.parse(poll.cursors.contacts ?? '{}').w).toBe(NOW - MIN + 1_000);
  });

  it('starts afresh, loudly, from a cursor it cannot read', async () => {
    const h = harness(onlySql);
    const scope = http.scope(BASE);
    const bodies = capture(scope, SEARCH, 1, () => emptyPage);
    await h.source.pollHandoffs({ contacts: 'garbage' }, NOW);
    expect((bodies[0] as Body).filterGroups[0]?.filters[0]?.value).toBe(LOWER);
    expect(
      h.log.lines().some((l) => l.msg === 'hubspot cursor unreadable, starting afresh' && l.level === 50),
    ).toBe(true);
  });
});
