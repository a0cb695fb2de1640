import { describe, expect, it } from 'vitest';
import type { StageDefinition } from '../../src/config/types.ts';
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, capture, emptyPage, harness, iso, NOW, OVERLAP, page, record } from './harness.ts';

const MIN = 60_000;
const leadStage: StageDefinition = {
  key: 'sal',
  label: 'SAL',
  order: 1,
  source: { kind: 'lead_pipeline', pipeline: 'lead-pipeline-id', stage: 'new-stage-id' },
  at: { file: 'config/sla.yaml', line: 20, col: 5 },
};

const lead = (id: string, history: { value: string; at: number }[], owner: string | null) => ({
  ...record(id, {
    hs_lead_name: `Lead ${id}`,
    hs_pipeline: 'lead-pipeline-id',
    hs_pipeline_stage: history[0]?.value ?? null,
    hubspot_owner_id: owner,
    hubspot_owner_assigneddate: null,
  }),
  propertiesWithHistory: {
    hs_pipeline_stage: history.map((h) => ({ value: h.value, timestamp: iso(h.at), sourceType: 'CRM_UI' })),
  },
});

describe('handoffs from the HubSpot Leads object', () => {
  const http = useStrictHttp();

  it('finds leads in the pipeline stage, dates entry from stage history, and takes the rep data from the primary contact', async () => {
    const h = harness({ stages: [leadStage], recycleStages: [] });
    const scope = http.scope(BASE);
    // The contacts search (lead changes) runs first; registered first so the captures below see only theirs.
    capture(scope, '/crm/v3/objects/contacts/search', 1, () => emptyPage);
    const searches = capture(scope, '/crm/v3/objects/leads/search', 1, () =>
      page(
        ['301', '302'].map((id) =>
          record(id, { hs_lastmodifieddate: iso(NOW - MIN), hs_pipeline_stage: 'new-stage-id' }),
        ),
      ),
    );
    const leadReads = capture(scope, '/crm/v3/objects/leads/batch/read', 1, () => ({
      status: 'COMPLETE',
      results: [
        lead('301', [{ value: 'new-stage-id', at: NOW - 4 * MIN }], '6166860'),
        lead('302', [{ value: 'new-stage-id', at: NOW - 3 * MIN }], null),
      ],
    }));
    const assocReads = capture(
      scope,
      '/crm/v4/associations/leads/contacts/batch/read',
      1,
      () => ({
        status: 'COMPLETE',
        results: [
          {
            from: { id: '301' },
            to: [
              {
                toObjectId: 555,
                associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 579, label: null }],
              },
              {
                toObjectId: 101,
                associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 578, label: 'Primary' }],
              },
            ],
          },
        ],
        numErrors: 1,
        errors: [
          {
            status: 'error',
            category: 'VALIDATION_ERROR',
            subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
            message: 'No contacts is associated with lead 302.',
            context: { fromObjectId: ['302'], toObjectType: ['contacts'] },
          },
        ],
        startedAt: iso(NOW),
        completedAt: iso(NOW),
      }),
      207,
    );
    const contactReads = capture(scope, '/crm/v3/objects/contacts/batch/read', 1, () => ({
      status: 'COMPLETE',
      results: [
        record('101', {
          firstname: 'Ana',
          lastname: 'Díaz',
          email: 'ana@acme.example',
          phone: '+31 20 555 0101',
          hubspot_owner_id: '999',
        }),
      ],
    }));
    const ownerSearches = capture(scope, '/crm/v3/objects/leads/search', 1, () => emptyPage);

    const poll = await h.source.pollHandoffs({}, NOW);
    expect(searches[0]).toEqual({
      filterGroups: [
        {
          filters: [
            { propertyName: 'hs_pipeline', operator: 'EQ', value: 'lead-pipeline-id' },
            { propertyName: 'hs_pipeline_stage', operator: 'EQ', value: 'new-stage-id' },
            { propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(NOW - OVERLAP) },
          ],
        },
      ],
      sorts: [{ propertyName: 'hs_lastmodifieddate', direction: 'ASCENDING' }],
      properties: ['hs_lastmodifieddate', 'hs_pipeline_stage'],
      limit: 200,
      after: '0',
    });
    expect(ownerSearches).toHaveLength(1);
    expect(leadReads[0]).toMatchObject({
      inputs: [{ id: '301' }, { id: '302' }],
      propertiesWithHistory: ['hs_pipeline_stage'],
    });
    expect(assocReads[0]).toEqual({ inputs: [{ id: '301' }, { id: '302' }] });
    expect(contactReads[0]).toMatchObject({ inputs: [{ id: '101' }] });
    expect(poll.handoffs).toEqual([
      expect.objectContaining({
        stage: 'sal',
        enteredAt: NOW - 4 * MIN,
        ownerId: '6166860',
        lead: expect.objectContaining({
          objectType: 'lead',
          objectId: '301',
          contactId: '101',
          firstName: 'Ana',
          phone: '+31 20 555 0101',
          url: 'https://app.hubspot.com/contacts/62515/record/0-136/301',
        }),
      }),
    ]);
    expect(poll.rejected).toEqual([{ what: 'lead', id: '302', reason: 'lead has no associated contact' }]);
  });
});
