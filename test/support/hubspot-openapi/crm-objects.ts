import { z } from 'zod';
import type { SpecDeviation, SpecOperation } from './spec-operation.ts';

/**
 * CRM object requests: search, batch read, contact update, a lead's owner read and update, task create
 * and update. Contacts, leads, calls, e-mails, meetings and tasks each have a spec file with literal
 * paths (`/crm/v3/objects/contacts/search`);
 * the generic Objects file (`/crm/v3/objects/{objectType}/…`, any object type or type id) covers the
 * rest, deals among them (the Deals file keys its paths by type id, `/crm/v3/objects/0-3/…`).
 */

const OPERATORS = [
  'BETWEEN',
  'CONTAINS_TOKEN',
  'EQ',
  'GT',
  'GTE',
  'HAS_PROPERTY',
  'IN',
  'LT',
  'LTE',
  'NEQ',
  'NOT_CONTAINS_TOKEN',
  'NOT_HAS_PROPERTY',
  'NOT_IN',
] as const;

/** `Filter`. */
export const Filter = z.strictObject({
  propertyName: z.string(),
  operator: z.enum(OPERATORS),
  value: z.string().optional(),
  values: z.array(z.string()).optional(),
  highValue: z.string().optional(),
});

/** `FilterGroup`. */
export const FilterGroup = z.strictObject({ filters: z.array(Filter) });

/**
 * A sort: the spec types the items as strings, which the SDK README gives as a property name, `-`
 * first for descending (`"-createdate"`); HubSpot's search guide documents `{propertyName, direction}`
 * objects, which is what the product sends. Both forms, nothing else (a JSON-encoded object in a
 * string is ignored by HubSpot: hubspot-api-nodejs#14).
 */
export const Sort = z.union([
  z.string().regex(/^-?[A-Za-z0-9_.]+$/, 'a sort string is a property name, "-" first for descending'),
  z.strictObject({ propertyName: z.string(), direction: z.enum(['ASCENDING', 'DESCENDING']) }),
]);

/**
 * `PublicObjectSearchRequest`: every field the spec marks required is required here too. One sort at
 * most (stricter than the file, which sets no `maxItems`): the search guide says "Only one sorting
 * rule can be applied to any search" (developers.hubspot.com/docs/api-reference/latest/crm/search-the-crm,
 * 2026-03-30).
 */
export const PublicObjectSearchRequest = z.strictObject({
  after: z.string(),
  filterGroups: z.array(FilterGroup),
  limit: z.number().int(),
  properties: z.array(z.string()),
  sorts: z.array(Sort).max(1),
  query: z.string().optional(),
});

/** `BatchReadInputSimplePublicObjectId`. */
export const BatchReadInputSimplePublicObjectId = z.strictObject({
  inputs: z.array(z.strictObject({ id: z.string() })),
  properties: z.array(z.string()),
  propertiesWithHistory: z.array(z.string()),
  idProperty: z.string().optional(),
});

/** `SimplePublicObjectInput`: property values are strings (`''` clears one). */
export const SimplePublicObjectInput = z.strictObject({ properties: z.record(z.string(), z.string()) });

/** `AssociationSpec`. */
export const AssociationSpec = z.strictObject({
  associationCategory: z.enum(['HUBSPOT_DEFINED', 'INTEGRATOR_DEFINED', 'USER_DEFINED', 'WORK']),
  associationTypeId: z.number().int(),
});

/** `SimplePublicObjectInputForCreate` (`PublicAssociationsForObject`, `PublicObjectId`). */
export const SimplePublicObjectInputForCreate = z.strictObject({
  associations: z.array(
    z.strictObject({ to: z.strictObject({ id: z.string() }), types: z.array(AssociationSpec) }),
  ),
  properties: z.record(z.string(), z.string()),
});

const SORT_AS_OBJECT: SpecDeviation = {
  at: 'sorts.items',
  what:
    'sorts items may also be {propertyName, direction} objects (what the product sends; direction ASCENDING or ' +
    'DESCENDING); the spec types them as strings only. Strings are limited to the documented "name" / "-name" form',
  source:
    'https://developers.hubspot.com/docs/guides/api/crm/search#sort-search-results; @hubspot/api-client 14.0.1 ' +
    'README "CRM Search" (JS example); github.com/HubSpot/hubspot-api-nodejs/issues/14 and /issues/559',
};

type ObjectFile = { readonly file: string; readonly base: string };

const OBJECT_FILES = {
  contacts: {
    file: 'PublicApiSpecs/CRM/Contacts/Rollouts/424/v3/contacts.json',
    base: '/crm/v3/objects/contacts',
  },
  leads: { file: 'PublicApiSpecs/CRM/Leads/Rollouts/424/v3/leads.json', base: '/crm/v3/objects/leads' },
  calls: { file: 'PublicApiSpecs/CRM/Calls/Rollouts/424/v3/calls.json', base: '/crm/v3/objects/calls' },
  emails: { file: 'PublicApiSpecs/CRM/Emails/Rollouts/424/v3/emails.json', base: '/crm/v3/objects/emails' },
  meetings: {
    file: 'PublicApiSpecs/CRM/Meetings/Rollouts/424/v3/meetings.json',
    base: '/crm/v3/objects/meetings',
  },
  tasks: { file: 'PublicApiSpecs/CRM/Tasks/Rollouts/424/v3/tasks.json', base: '/crm/v3/objects/tasks' },
  objects: {
    file: 'PublicApiSpecs/CRM/Objects/Rollouts/424/v3/objects.json',
    base: '/crm/v3/objects/{objectType}',
  },
} as const satisfies Record<string, ObjectFile>;

type FileKey = keyof typeof OBJECT_FILES;

const search = (key: FileKey): SpecOperation => {
  const f: ObjectFile = OBJECT_FILES[key];
  return {
    name: `${key}.search`,
    method: 'POST',
    specPath: `${f.base}/search`,
    body: PublicObjectSearchRequest,
    source: {
      kind: 'collection',
      file: f.file,
      operationId: `post-${f.base}/search_doSearch`,
      schemas: ['PublicObjectSearchRequest', 'FilterGroup', 'Filter'],
    },
    deviations: [SORT_AS_OBJECT],
  };
};

const batchRead = (key: FileKey): SpecOperation => {
  const f: ObjectFile = OBJECT_FILES[key];
  return {
    name: `${key}.batchRead`,
    method: 'POST',
    specPath: `${f.base}/batch/read`,
    query: { archived: { type: 'boolean' } },
    body: BatchReadInputSimplePublicObjectId,
    source: {
      kind: 'collection',
      file: f.file,
      operationId: `post-${f.base}/batch/read_read`,
      schemas: ['BatchReadInputSimplePublicObjectId', 'SimplePublicObjectId'],
    },
  };
};

/** Literal-path files first: the first operation that fits a request is the one it is checked against. */
const FILES = Object.keys(OBJECT_FILES) as FileKey[];

export const crmObjectOperations: readonly SpecOperation[] = [
  ...FILES.map(search),
  ...FILES.map(batchRead),
  {
    name: 'contacts.update',
    method: 'PATCH',
    specPath: '/crm/v3/objects/contacts/{contactId}',
    pathParams: { contactId: z.string().regex(/^.+$/) },
    query: { idProperty: { type: 'string' } },
    body: SimplePublicObjectInput,
    source: {
      kind: 'collection',
      file: OBJECT_FILES.contacts.file,
      operationId: 'patch-/crm/v3/objects/contacts/{contactId}_update',
      schemas: ['SimplePublicObjectInput'],
    },
  },
  {
    name: 'leads.getById',
    method: 'GET',
    specPath: '/crm/v3/objects/leads/{leadsId}',
    pathParams: { leadsId: z.string().regex(/^.+$/) },
    query: {
      archived: { type: 'boolean' },
      associations: { type: 'array' },
      idProperty: { type: 'string' },
      properties: { type: 'array' },
      propertiesWithHistory: { type: 'array' },
    },
    source: {
      kind: 'collection',
      file: OBJECT_FILES.leads.file,
      operationId: 'get-/crm/v3/objects/leads/{leadsId}_getById',
      schemas: [],
    },
  },
  {
    name: 'leads.update',
    method: 'PATCH',
    specPath: '/crm/v3/objects/leads/{leadsId}',
    pathParams: { leadsId: z.string().regex(/^.+$/) },
    query: { idProperty: { type: 'string' } },
    body: SimplePublicObjectInput,
    source: {
      kind: 'collection',
      file: OBJECT_FILES.leads.file,
      operationId: 'patch-/crm/v3/objects/leads/{leadsId}_update',
      schemas: ['SimplePublicObjectInput'],
    },
  },
  {
    name: 'tasks.update',
    method: 'PATCH',
    specPath: '/crm/v3/objects/tasks/{taskId}',
    pathParams: { taskId: z.string().regex(/^.+$/) },
    query: { idProperty: { type: 'string' } },
    body: SimplePublicObjectInput,
    source: {
      kind: 'collection',
      file: OBJECT_FILES.tasks.file,
      operationId: 'patch-/crm/v3/objects/tasks/{taskId}_update',
      schemas: ['SimplePublicObjectInput'],
    },
  },
  {
    name: 'tasks.create',
    method: 'POST',
    specPath: '/crm/v3/objects/tasks',
    body: SimplePublicObjectInputForCreate,
    source: {
      kind: 'collection',
      file: OBJECT_FILES.tasks.file,
      operationId: 'post-/crm/v3/objects/tasks_create',
      schemas: [
        'SimplePublicObjectInputForCreate',
        'PublicAssociationsForObject',
        'PublicObjectId',
        'AssociationSpec',
      ],
    },
  },
];
