import type { Operation } from './gateway.ts';

/** CRM object types we read, as the API names them in paths. */
export type CrmObjectType = 'contacts' | 'leads' | 'deals' | 'calls' | 'emails' | 'meetings' | 'tasks';

const CONTACTS_READ = 'crm.objects.contacts.read';
const LEADS_READ = 'crm.objects.leads.read';
const DEALS_READ = 'crm.objects.deals.read';
/** Writing Leads-object records (the Leads spec's PATCH `/crm/v3/objects/leads/{leadsId}`). */
const LEADS_WRITE = 'crm.objects.leads.write';

/** Scope to read an object type: engagements are read under the contacts scope. */
export const readScope = (objectType: CrmObjectType): string =>
  objectType === 'leads' ? LEADS_READ : objectType === 'deals' ? DEALS_READ : CONTACTS_READ;

export const ops = {
  // Reads (searches and batch reads are POSTs, but read-only) are idempotent.
  search: (objectType: CrmObjectType): Operation => ({
    name: `${objectType}.search`,
    scope: readScope(objectType),
    budget: 'search',
    idempotent: true,
  }),
  batchRead: (objectType: CrmObjectType): Operation => ({
    name: `${objectType}.batchRead`,
    scope: readScope(objectType),
    budget: 'standard',
    idempotent: true,
  }),
  associations: (from: CrmObjectType, to: CrmObjectType): Operation => ({
    name: `associations.${from}.${to}`,
    scope: from === 'leads' || to === 'leads' ? LEADS_READ : to === 'deals' ? DEALS_READ : CONTACTS_READ,
    budget: 'standard',
    idempotent: true,
  }),
  owners: { name: 'owners.list', scope: 'crm.objects.owners.read', budget: 'standard', idempotent: true },
  /**
   * During a daily pause: one owner (`GET /crm/v3/owners?limit=1`) asks whether HubSpot serves calls
   * again (HR-16). One attempt; a refusal just means "ask again in 15 minutes".
   */
  dailyProbe: {
    name: 'owners.dailyProbe',
    scope: 'crm.objects.owners.read',
    budget: 'standard',
    idempotent: true,
    attempts: 1,
  },
  properties: {
    name: 'properties.read',
    scope: 'crm.schemas.contacts.read',
    budget: 'standard',
    idempotent: true,
  },
  pipelines: { name: 'pipelines.read', scope: LEADS_READ, budget: 'standard', idempotent: true },
  /** Outcome labels are a convenience (see dispositions.ts): one attempt, never a retry storm in a poll. */
  dispositions: {
    name: 'calls.dispositions',
    scope: CONTACTS_READ,
    budget: 'standard',
    idempotent: true,
    attempts: 1,
  },
  account: { name: 'account.details', scope: 'oauth', budget: 'standard', idempotent: true },
  /** The token's scopes at start-up and reload (HA-1, HA-2): reads that need no scope. */
  privateAppTokenInfo: {
    name: 'auth.privateAppTokenInfo',
    scope: 'none',
    budget: 'standard',
    idempotent: true,
  },
  oauthTokenInfo: { name: 'auth.oauthTokenInfo', scope: 'none', budget: 'standard', idempotent: true },
  /** PATCH overwrites the given values: sending it twice leaves the same contact. */
  updateContact: {
    name: 'contacts.update',
    scope: 'crm.objects.contacts.write',
    budget: 'standard',
    idempotent: true,
  },
  /** Before a reassignment (issue 18): the contact's owner now, so a person's own change is left alone. */
  readContact: { name: 'contacts.read', scope: CONTACTS_READ, budget: 'standard', idempotent: true },
  /** `hubspot_owner_id` (issue 18): a PATCH, overwriting the value, so sending it twice is harmless. */
  reassignContact: {
    name: 'contacts.reassign',
    scope: 'crm.objects.contacts.write',
    budget: 'standard',
    idempotent: true,
  },
  /** The same for a Leads-object instance (issue 18): the lead record's own owner. */
  readLead: { name: 'leads.read', scope: LEADS_READ, budget: 'standard', idempotent: true },
  /** The lead record's `hubspot_owner_id`: a PATCH, overwriting the value, so sending it twice is harmless. */
  reassignLead: { name: 'leads.reassign', scope: LEADS_WRITE, budget: 'standard', idempotent: true },
  /** Each POST makes another task: resolved by looking for it first (breach-task.ts). */
  createTask: {
    name: 'tasks.create',
    scope: 'crm.objects.contacts.write',
    budget: 'standard',
    idempotent: false,
  },
  /** PATCH overwrites the given values (completing a retracted breach's task): sending it twice is harmless. */
  updateTask: {
    name: 'tasks.update',
    scope: 'crm.objects.contacts.write',
    budget: 'standard',
    idempotent: true,
  },
  /** Creates (setup command): an unclear failure stops the command; running it again is safe (409 = exists). */
  createPropertyGroup: {
    name: 'properties.createGroup',
    scope: 'crm.schemas.contacts.write',
    budget: 'standard',
    idempotent: false,
  },
  createProperty: {
    name: 'properties.create',
    scope: 'crm.schemas.contacts.write',
    budget: 'standard',
    idempotent: false,
  },
} as const satisfies Record<string, Operation | ((...args: never[]) => Operation)>;

/** Every scope the adapter can ask for, for docs/hubspot.md (a test keeps the two in step). */
export const SCOPES = {
  always: [CONTACTS_READ, 'crm.schemas.contacts.read', 'crm.objects.owners.read'],
  leadStages: [LEADS_READ],
  /** Deals of SQL contacts, for SQL → won and average deal value in reports. */
  deals: [DEALS_READ],
  writeBack: ['crm.objects.contacts.write', 'crm.schemas.contacts.write'],
  /** Reassignment and "Take it" on `lead_pipeline` stages: they move the lead record itself. */
  leadWrites: [LEADS_WRITE],
} as const;
