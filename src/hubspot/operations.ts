import type { Operation } from './gateway.ts';

/** CRM object types we read, as the API names them in paths. */
export type CrmObjectType = 'contacts' | 'leads' | 'deals' | 'calls' | 'emails' | 'meetings' | 'tasks';

const CONTACTS_READ = 'crm.objects.contacts.read';
const LEADS_READ = 'crm.objects.leads.read';
const DEALS_READ = 'crm.objects.deals.read';

/** Scope to read an object type: engagements are read under the contacts scope. */
export const readScope = (objectType: CrmObjectType): string =>
  objectType === 'leads' ? LEADS_READ : objectType === 'deals' ? DEALS_READ : CONTACTS_READ;

export const ops = {
  search: (objectType: CrmObjectType): Operation => ({
    name: `${objectType}.search`,
    scope: readScope(objectType),
    budget: 'search',
  }),
  batchRead: (objectType: CrmObjectType): Operation => ({
    name: `${objectType}.batchRead`,
    scope: readScope(objectType),
    budget: 'standard',
  }),
  associations: (from: CrmObjectType, to: CrmObjectType): Operation => ({
    name: `associations.${from}.${to}`,
    scope: from === 'leads' || to === 'leads' ? LEADS_READ : to === 'deals' ? DEALS_READ : CONTACTS_READ,
    budget: 'standard',
  }),
  owners: { name: 'owners.list', scope: 'crm.objects.owners.read', budget: 'standard' },
  properties: { name: 'properties.read', scope: 'crm.schemas.contacts.read', budget: 'standard' },
  pipelines: { name: 'pipelines.read', scope: LEADS_READ, budget: 'standard' },
  dispositions: { name: 'calls.dispositions', scope: CONTACTS_READ, budget: 'standard' },
  account: { name: 'account.details', scope: 'oauth', budget: 'standard' },
  updateContact: { name: 'contacts.update', scope: 'crm.objects.contacts.write', budget: 'standard' },
  createTask: { name: 'tasks.create', scope: 'crm.objects.contacts.write', budget: 'standard' },
  createPropertyGroup: {
    name: 'properties.createGroup',
    scope: 'crm.schemas.contacts.write',
    budget: 'standard',
  },
  createProperty: { name: 'properties.create', scope: 'crm.schemas.contacts.write', budget: 'standard' },
} as const satisfies Record<string, Operation | ((...args: never[]) => Operation)>;

/** Every scope the adapter can ask for, for docs/hubspot.md (a test keeps the two in step). */
export const SCOPES = {
  always: [CONTACTS_READ, 'crm.schemas.contacts.read', 'crm.objects.owners.read'],
  leadStages: [LEADS_READ],
  /** Deals of SQL contacts, for SQL → won and average deal value in reports. */
  deals: [DEALS_READ],
  writeBack: ['crm.objects.contacts.write', 'crm.schemas.contacts.write'],
} as const;
