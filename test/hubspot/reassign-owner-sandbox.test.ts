import { afterEach, describe, expect, it } from 'vitest';
import { HubSpotRequestError, HubSpotScopeError } from '../../src/hubspot/errors.ts';
import { createHubSpotClient } from '../../src/hubspot/hubspot-client.ts';
import { createHubSpotLeadWriter } from '../../src/hubspot/lead-writer.ts';
import type { HubSpotSandbox } from '../../src/sandbox/index.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { config, NOW } from './harness.ts';
import { ManualTiming } from './manual-timing.ts';

const stopping: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stopping.splice(0).map((stop) => stop()));
});

const PATCH = 'PATCH /crm/v3/objects/contacts/{id}';
const LEAD_PATCH = 'PATCH /crm/v3/objects/leads/{id}';

/** The real lead writer and @hubspot/api-client against the sandbox: Bram's contact, Eva an owner too. */
async function world(scopes?: readonly string[]) {
  const clock = new FakeClock(NOW);
  const sandbox: HubSpotSandbox = await startCheckedHubSpotSandbox({
    clock,
    rateLimits: false,
    ...(scopes === undefined ? {} : { scopes: { 'sandbox-token': scopes } }),
  });
  stopping.push(() => sandbox.stop());
  const bram = sandbox.state.addOwner({ email: 'bram@example.com' });
  const eva = sandbox.state.addOwner({ email: 'eva@example.com' });
  const contact = sandbox.state.addContact({ firstName: 'Ana', ownerId: bram.id });
  const cfg = config({
    hubspot: {
      ...config().hubspot,
      writeBack: { enabled: true, createTaskOnBreach: false, notAFitLeadStatus: null },
    },
  });
  const log = captureLogger();
  const client = createHubSpotClient({
    accessToken: 'sandbox-token',
    basePath: sandbox.url,
    config: cfg,
    logger: log.logger,
    clock,
    timing: new ManualTiming(),
  });
  const writer = createHubSpotLeadWriter({ client, config: cfg, logger: log.logger, clock });
  const ownerNow = () => sandbox.state.data.get('contacts', contact.id)?.properties.get('hubspot_owner_id');
  const count = (endpoint: string) => sandbox.stats.snapshot().byEndpoint[endpoint]?.count ?? 0;
  const patches = () => count(PATCH);
  // Ana's Leads-object record (a `lead_pipeline` stage's instance tracks it), Bram's as well.
  const lead = sandbox.state.createLead(contact.id, { ownerId: bram.id });
  const leadRecord = { objectType: 'lead', objectId: lead.id, contactId: contact.id } as const;
  const leadOwnerNow = () => sandbox.state.data.get('leads', lead.id)?.properties.get('hubspot_owner_id');
  const leadPatches = () => count(LEAD_PATCH);
  const contactRecord = { objectType: 'contact', objectId: contact.id, contactId: contact.id } as const;
  return {
    sandbox,
    writer,
    bram,
    eva,
    contact: contactRecord,
    ownerNow,
    patches,
    lead: leadRecord,
    leadOwnerNow,
    leadPatches,
  };
}

describe('LeadWriter.reassignOwner against the HubSpot sandbox (issue 18)', () => {
  it('moves the contact to the new owner with one PATCH; again is a no-op', async () => {
    const w = await world();
    expect(await w.writer.reassignOwner(w.contact, w.bram.id, w.eva.id)).toBe('written');
    expect(w.ownerNow()).toBe(w.eva.id);
    expect(await w.writer.reassignOwner(w.contact, w.bram.id, w.eva.id)).toBe('written');
    expect(w.patches()).toBe(1);
  });

  it('leaves a contact a person gave to someone else: superseded, no PATCH', async () => {
    const w = await world();
    const lotte = w.sandbox.state.addOwner({ email: 'lotte@example.com' });
    w.sandbox.state.data.update(
      'contacts',
      w.contact.objectId,
      { hubspot_owner_id: lotte.id },
      { sourceType: 'CRM_UI', sourceId: 'x' },
      NOW,
    );
    expect(await w.writer.reassignOwner(w.contact, w.bram.id, w.eva.id)).toBe('superseded');
    expect(w.ownerNow()).toBe(lotte.id);
    expect(w.patches()).toBe(0);
  });

  it('an owner id the portal does not have is HubSpot’s 400 VALIDATION_ERROR, a permanent refusal', async () => {
    const w = await world();
    const err = await w.writer.reassignOwner(w.contact, w.bram.id, '999999').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubSpotRequestError);
    expect(err).toMatchObject({ retryable: false, category: 'VALIDATION_ERROR' });
    expect(w.ownerNow()).toBe(w.bram.id);
  });

  it('a token without crm.objects.contacts.write is HubSpot’s 403 MISSING_SCOPES, naming the scope', async () => {
    const w = await world(['crm.objects.contacts.read', 'crm.objects.owners.read']);
    const err = await w.writer.reassignOwner(w.contact, w.bram.id, w.eva.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubSpotScopeError);
    expect(err).toMatchObject({ code: 'HUBSPOT_SCOPE', scopes: ['crm.objects.contacts.write'] });
    expect(w.ownerNow()).toBe(w.bram.id);
  });
});

describe('LeadWriter.reassignOwner of a Leads-object instance against the HubSpot sandbox', () => {
  it('reads and PATCHes the lead record’s own owner, not the contact’s; again is a no-op', async () => {
    const w = await world();
    expect(await w.writer.reassignOwner(w.lead, w.bram.id, w.eva.id)).toBe('written');
    expect(w.leadOwnerNow()).toBe(w.eva.id);
    expect(w.ownerNow()).toBe(w.bram.id);
    expect(await w.writer.reassignOwner(w.lead, w.bram.id, w.eva.id)).toBe('written');
    expect([w.leadPatches(), w.patches()]).toEqual([1, 0]);
  });

  it('leaves a lead a person gave to someone else: superseded, no PATCH', async () => {
    const w = await world();
    const lotte = w.sandbox.state.addOwner({ email: 'lotte@example.com' });
    w.sandbox.state.setProperties('leads', w.lead.objectId, { hubspot_owner_id: lotte.id });
    expect(await w.writer.reassignOwner(w.lead, w.bram.id, w.eva.id)).toBe('superseded');
    expect(w.leadOwnerNow()).toBe(lotte.id);
    expect([w.leadPatches(), w.patches()]).toEqual([0, 0]);
  });

  it('a lead without an owner of its own is its contact’s, as at handoff: the lead is given the new owner', async () => {
    const w = await world();
    w.sandbox.state.setProperties('leads', w.lead.objectId, { hubspot_owner_id: null });
    expect(await w.writer.reassignOwner(w.lead, w.bram.id, w.eva.id)).toBe('written');
    expect(w.leadOwnerNow()).toBe(w.eva.id);
    expect(w.ownerNow()).toBe(w.bram.id);
    expect([w.leadPatches(), w.patches()]).toEqual([1, 0]);
  });

  it('a token without crm.objects.leads.write is HubSpot’s 403 MISSING_SCOPES, naming that scope', async () => {
    const w = await world([
      'crm.objects.contacts.read',
      'crm.objects.contacts.write',
      'crm.objects.leads.read',
      'crm.objects.owners.read',
    ]);
    const err = await w.writer.reassignOwner(w.lead, w.bram.id, w.eva.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HubSpotScopeError);
    expect(err).toMatchObject({ code: 'HUBSPOT_SCOPE', scopes: ['crm.objects.leads.write'] });
    expect(w.leadOwnerNow()).toBe(w.bram.id);
    // The contacts write scope is enough for the contact itself.
    expect(await w.writer.reassignOwner(w.contact, w.bram.id, w.eva.id)).toBe('written');
  });
});
