import { describe, expect, it } from 'vitest';
import type { StageDefinition } from '../../src/config/types.ts';
import { HubSpotConfigMismatchError, HubSpotScopeError } from '../../src/hubspot/errors.ts';
import account from '../fixtures/hubspot/account-details.json' with { type: 'json' };
import properties from '../fixtures/hubspot/contact-properties.json' with { type: 'json' };
import dispositions from '../fixtures/hubspot/dispositions.json' with { type: 'json' };
import pipelines from '../fixtures/hubspot/lead-pipelines.json' with { type: 'json' };
import missingScopes from '../fixtures/hubspot/missing-scopes.json' with { type: 'json' };
import owners from '../fixtures/hubspot/owners-archived.json' with { type: 'json' };
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, config, harness, STAGES } from './harness.ts';

const at = (line: number) => ({ file: 'config/sla.yaml', line, col: 5 });

describe('start-up check against the portal', () => {
  const http = useStrictHttp();

  const serve = (opts: { leads?: boolean } = {}) => {
    const scope = http
      .scope(BASE)
      .get('/account-info/v3/details')
      .reply(200, account)
      .get('/crm/v3/properties/contacts')
      .query(true)
      .reply(200, properties);
    if (opts.leads) scope.get('/crm/v3/pipelines/leads').reply(200, pipelines);
    return scope;
  };
  const serveRest = () =>
    http
      .scope(BASE)
      .get('/crm/v3/owners/')
      .query({ limit: '100', archived: 'false' })
      .reply(200, { results: [] })
      .get('/crm/v3/owners/')
      .query({ limit: '100', archived: 'true' })
      .reply(200, owners)
      .get('/calling/v1/dispositions')
      .reply(200, dispositions);

  it('passes for stages, values and properties the portal has, and learns its zone and id', async () => {
    const h = harness({ hubspot: { ...config().hubspot, portalId: null } });
    serve();
    serveRest();
    await h.source.verify(h.config);
    expect(h.client.portal).toMatchObject({ portalId: '62515', timeZone: 'Europe/Amsterdam' });
  });

  it('names the YAML line and the values that exist for each mismatch, all at once', async () => {
    const stages: StageDefinition[] = [
      {
        key: 'mql',
        label: 'MQL',
        order: 0,
        source: { kind: 'lifecycle_stage', value: 'marketingqualifedlead' },
        at: at(12),
      },
      {
        key: 'sal',
        label: 'SAL',
        order: 1,
        source: { kind: 'property', property: 'hs_lead_status', equals: 'ACCEPTED' },
        at: at(13),
      },
      {
        key: 'sql',
        label: 'SQL',
        order: 2,
        source: { kind: 'property', property: 'hs_leadstatus', equals: 'X' },
        at: at(14),
      },
      {
        key: 'lead',
        label: 'Lead',
        order: 3,
        source: { kind: 'lead_pipeline', pipeline: 'lead-pipeline-id', stage: 'hot-stage-id' },
        at: at(15),
      },
    ];
    const h = harness({ stages, recycleStages: ['recycled'] });
    serve({ leads: true });
    const error = await h.source.verify(h.config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotConfigMismatchError);
    const lines = (error as Error).message
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
    expect(lines).toEqual([
      "config/sla.yaml:12:5: stage 'mql': lifecycle stage 'marketingqualifedlead' does not exist in the portal. Existing values: subscriber (Subscriber), lead (Lead), marketingqualifiedlead (Marketing Qualified Lead), 1234567 (Sales Accepted Lead), salesqualifiedlead (Sales Qualified Lead), opportunity (Opportunity), customer (Customer), evangelist (Evangelist), other (Other).",
      "config/sla.yaml:13:5: stage 'sal': 'hs_lead_status' has no value 'ACCEPTED'. Existing values: NEW (New), OPEN (Open), IN_PROGRESS (In Progress), OPEN_DEAL (Open Deal), UNQUALIFIED (Unqualified), ATTEMPTED_TO_CONTACT (Attempted to Contact), CONNECTED (Connected), BAD_TIMING (Bad Timing), SALES_ACCEPTED (Sales accepted).",
      "config/sla.yaml:14:5: stage 'sql': contact property 'hs_leadstatus' does not exist. Existing values: hs_lead_status.",
      "config/sla.yaml:15:5: stage 'lead': lead pipeline 'lead-pipeline-id' has no stage 'hot-stage-id'. Existing values: new-stage-id (New), attempting-stage-id (Attempting), connected-stage-id (Connected), qualified-stage-id (Qualified), unqualified-stage-id (Unqualified).",
      expect.stringMatching(
        /^config\/sla\.yaml: recycle stage 'recycled': lifecycle stage 'recycled' does not exist in the portal\. Existing values: subscriber/,
      ),
    ]);
  });

  it('accepts a custom lifecycle stage by its numeric id', async () => {
    const sal: StageDefinition = {
      key: 'sal',
      label: 'SAL',
      order: 1,
      source: { kind: 'lifecycle_stage', value: '1234567' },
      at: at(13),
    };
    const h = harness({ stages: [STAGES[0], sal].filter((s): s is StageDefinition => s !== undefined) });
    serve();
    serveRest();
    await expect(h.source.verify(h.config)).resolves.toBeUndefined();
  });

  it('asks for hubspot-setup when write-back is on but its properties are missing', async () => {
    const h = harness({
      hubspot: {
        ...config().hubspot,
        writeBack: { enabled: true, createTaskOnBreach: false, notAFitLeadStatus: 'UNQUALIFIED' },
      },
    });
    serve()
      .post('/oauth/v2/private-apps/get/access-token-info', { tokenKey: 'pat-test' })
      .reply(200, { userId: 1, hubId: 62515, appId: 2, scopes: ['crm.objects.contacts.write'] });
    const error = await h.source.verify(h.config).catch((e: unknown) => e);
    expect((error as Error).message).toContain("run 'sla-bot hubspot-setup' first");
    expect((error as Error).message).toContain('sla_bot_status');
  });

  it('fails with the missing scope named when the token cannot read owners', async () => {
    const h = harness();
    serve();
    http.scope(BASE).get('/crm/v3/owners/').query(true).reply(403, missingScopes);
    const error = await h.source.verify(h.config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotScopeError);
    expect((error as Error).message).toContain("missing the scope 'crm.objects.owners.read'");
  });

  it('carries on without account details when HubSpot refuses them', async () => {
    const h = harness();
    http
      .scope(BASE)
      .get('/account-info/v3/details')
      .reply(403, { status: 'error', message: 'forbidden', category: 'FORBIDDEN' })
      .get('/crm/v3/properties/contacts')
      .query(true)
      .reply(200, properties);
    serveRest();
    await h.source.verify(h.config);
    expect(h.client.portal).toMatchObject({ portalId: '62515', timeZone: 'UTC' });
  });
});
