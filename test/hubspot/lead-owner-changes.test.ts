import { describe, expect, it } from 'vitest';
import type { StageDefinition } from '../../src/config/types.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, capture, emptyPage, harness, iso, NOW, OVERLAP, page, record } from './harness.ts';

const MIN = 60_000;
const LOWER = String(NOW - OVERLAP);
const leadStage: StageDefinition = {
  key: 'sal',
  label: 'SAL',
  order: 1,
  source: { kind: 'lead_pipeline', pipeline: 'lead-pipeline-id', stage: 'new-stage-id' },
  at: { file: 'config/sla.yaml', line: 20, col: 5 },
};
const lead = (id: string, owner: string | null, assignedAt: number) =>
  record(id, {
    hs_lastmodifieddate: iso(assignedAt + 1_000),
    hubspot_owner_id: owner,
    hubspot_owner_assigneddate: iso(assignedAt),
  });

describe('owner changes on HubSpot Leads-object records', () => {
  const http = useStrictHttp();

  it('come from one leads search per poll on the assignment date, each reported once', async () => {
    const h = harness({ stages: [leadStage], recycleStages: [] });
    const scope = http.scope(BASE);
    capture(scope, '/crm/v3/objects/leads/search', 1, () => emptyPage);
    capture(scope, '/crm/v3/objects/contacts/search', 1, () => emptyPage);
    const found = page([lead('301', '777', NOW - 4 * MIN), lead('302', null, NOW - 3 * MIN)]);
    const bodies = capture(scope, '/crm/v3/objects/leads/search', 1, () => found);
    const poll = await h.source.pollHandoffs({}, NOW);
    expect(bodies[0]).toEqual({
      filterGroups: [
        {
          filters: [
            { propertyName: 'hubspot_owner_assigneddate', operator: 'GTE', value: LOWER },
            { propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: LOWER },
          ],
        },
      ],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
      properties: ['hs_lastmodifieddate', 'hubspot_owner_id', 'hubspot_owner_assigneddate'],
      limit: 200,
      after: '0',
    });
    // A lead left without an owner is the read-back's to judge (its contact's owner takes over).
    expect(poll.changes).toEqual([
      { kind: 'owner_changed', objectType: 'lead', objectId: '301', ownerId: '777', at: NOW - 4 * MIN },
    ]);
    expect(poll.cursors).toHaveProperty('changes:leads');

    capture(scope, '/crm/v3/objects/leads/search', 1, () => emptyPage);
    capture(scope, '/crm/v3/objects/contacts/search', 1, () => emptyPage);
    capture(scope, '/crm/v3/objects/leads/search', 1, () => found);
    const again = await h.source.pollHandoffs(poll.cursors, NOW + 30_000);
    expect(again.changes).toEqual([]);
  });
});
