import { z } from 'zod';
import type { SpecOperation } from './spec-operation.ts';

/** Associations v4 batch read, owners, properties, property groups and pipelines. */

const ASSOCIATIONS = 'PublicApiSpecs/CRM/Associations/Rollouts/130902/v4/associations.json';
const OWNERS = 'PublicApiSpecs/CRM/Crm Owners/Rollouts/146888/v3/crmOwners.json';
const PROPERTIES = 'PublicApiSpecs/CRM/Properties/Rollouts/145899/v3/properties.json';
const PIPELINES = 'PublicApiSpecs/CRM/Pipelines/Rollouts/145896/v3/pipelines.json';

/** `BatchInputPublicFetchAssociationsBatchRequest` (`PublicFetchAssociationsBatchRequest`). */
export const BatchInputPublicFetchAssociationsBatchRequest = z.strictObject({
  inputs: z.array(z.strictObject({ id: z.string(), after: z.string().optional() })),
});

/** `PropertyGroupCreate`. */
export const PropertyGroupCreate = z.strictObject({
  name: z.string(),
  label: z.string(),
  displayOrder: z.number().int().optional(),
});

/** `OptionInput`. */
export const OptionInput = z.strictObject({
  label: z.string(),
  value: z.string(),
  hidden: z.boolean(),
  description: z.string().optional(),
  displayOrder: z.number().int().optional(),
});

/** `PropertyCreate`: the required fields, the enums, and the optional fields we send. */
export const PropertyCreate = z.strictObject({
  name: z.string(),
  label: z.string(),
  groupName: z.string(),
  type: z.enum(['bool', 'date', 'datetime', 'enumeration', 'number', 'phone_number', 'string']),
  fieldType: z.enum([
    'booleancheckbox',
    'calculation_equation',
    'checkbox',
    'date',
    'file',
    'html',
    'number',
    'phonenumber',
    'radio',
    'select',
    'text',
    'textarea',
  ]),
  description: z.string().optional(),
  formField: z.boolean().optional(),
  options: z.array(OptionInput).optional(),
});

export const crmMetadataOperations: readonly SpecOperation[] = [
  {
    name: 'associations.batchRead',
    method: 'POST',
    specPath: '/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/read',
    body: BatchInputPublicFetchAssociationsBatchRequest,
    source: {
      kind: 'collection',
      file: ASSOCIATIONS,
      operationId: 'post-/crm/v4/associations/{fromObjectType}/{toObjectType}/batch/read_getPage',
      schemas: ['BatchInputPublicFetchAssociationsBatchRequest', 'PublicFetchAssociationsBatchRequest'],
    },
  },
  {
    name: 'owners.list',
    method: 'GET',
    specPath: '/crm/v3/owners',
    query: {
      after: { type: 'string' },
      archived: { type: 'boolean' },
      email: { type: 'string' },
      limit: { type: 'integer' },
    },
    trailingSlash: true,
    source: {
      kind: 'collection',
      file: OWNERS,
      operationId: 'get-/crm/v3/owners_/crm/v3/owners',
      schemas: [],
    },
    deviations: [
      {
        at: 'path',
        what: 'sent as /crm/v3/owners/ (trailing slash): the path HubSpot’s own SDK builds for ownersApi.getPage',
        source: '@hubspot/api-client 14.0.1 lib/codegen/crm/owners/apis/OwnersApi.js (localVarPath)',
      },
    ],
  },
  {
    name: 'properties.getAll',
    method: 'GET',
    specPath: '/crm/v3/properties/{objectType}',
    query: {
      archived: { type: 'boolean' },
      dataSensitivity: { type: 'string', enum: ['highly_sensitive', 'non_sensitive', 'sensitive'] },
      locale: { type: 'string' },
      properties: { type: 'string' },
    },
    source: {
      kind: 'collection',
      file: PROPERTIES,
      operationId: 'get-/crm/v3/properties/{objectType}_getAll',
      schemas: [],
    },
  },
  {
    name: 'properties.create',
    method: 'POST',
    specPath: '/crm/v3/properties/{objectType}',
    body: PropertyCreate,
    source: {
      kind: 'collection',
      file: PROPERTIES,
      operationId: 'post-/crm/v3/properties/{objectType}_create',
      schemas: ['PropertyCreate', 'OptionInput'],
    },
  },
  {
    name: 'properties.createGroup',
    method: 'POST',
    specPath: '/crm/v3/properties/{objectType}/groups',
    body: PropertyGroupCreate,
    source: {
      kind: 'collection',
      file: PROPERTIES,
      operationId: 'post-/crm/v3/properties/{objectType}/groups_create',
      schemas: ['PropertyGroupCreate'],
    },
  },
  {
    name: 'pipelines.getAll',
    method: 'GET',
    specPath: '/crm/v3/pipelines/{objectType}',
    source: {
      kind: 'collection',
      file: PIPELINES,
      operationId: 'get-/crm/v3/pipelines/{objectType}_getAll',
      schemas: [],
    },
  },
];
