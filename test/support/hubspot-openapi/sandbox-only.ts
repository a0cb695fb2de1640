import { z } from 'zod';
import { SimplePublicObjectInput, SimplePublicObjectInputForCreate } from './crm-objects.ts';
import type { QueryParam, SpecOperation } from './spec-operation.ts';

/**
 * Operations the product does not send but the sandbox serves, and sandbox tests, the demo's data
 * set-up and the bench do. They are checked too, against the generic files, so a request outside the
 * spec is always a violation; their path parameters are free strings, as the spec has them.
 */

const OBJECTS = 'PublicApiSpecs/CRM/Objects/Rollouts/424/v3/objects.json';
const ASSOCIATIONS = 'PublicApiSpecs/CRM/Associations/Rollouts/130902/v4/associations.json';
const OWNERS = 'PublicApiSpecs/CRM/Crm Owners/Rollouts/146888/v3/crmOwners.json';
const PROPERTIES = 'PublicApiSpecs/CRM/Properties/Rollouts/145899/v3/properties.json';
const PIPELINES = 'PublicApiSpecs/CRM/Pipelines/Rollouts/145896/v3/pipelines.json';

/** `BatchInputSimplePublicObjectBatchInput` (`SimplePublicObjectBatchInput`). */
export const BatchInputSimplePublicObjectBatchInput = z.strictObject({
  inputs: z.array(
    z.strictObject({
      id: z.string(),
      properties: z.record(z.string(), z.string()),
      idProperty: z.string().optional(),
      objectWriteTraceId: z.string().optional(),
    }),
  ),
});

const READ_QUERY: Readonly<Record<string, QueryParam>> = {
  archived: { type: 'boolean' },
  associations: { type: 'array' },
  properties: { type: 'array' },
  propertiesWithHistory: { type: 'array' },
};

const DATA_SENSITIVITY = ['highly_sensitive', 'non_sensitive', 'sensitive'] as const;

/** An operation of `file`; its operationId is `<method>-<specPath>_<verb>`, as the collection names them. */
const op = (
  name: string,
  method: SpecOperation['method'],
  specPath: string,
  file: string,
  verb: string,
  rest: Omit<Partial<SpecOperation>, 'source'> & { readonly schemas?: readonly string[] } = {},
): SpecOperation => {
  const { schemas = [], ...extra } = rest;
  const operationId = `${method.toLowerCase()}-${specPath}_${verb}`;
  return { name, method, specPath, source: { kind: 'collection', file, operationId, schemas }, ...extra };
};

export const sandboxOnlyOperations: readonly SpecOperation[] = [
  op('objects.getPage', 'GET', '/crm/v3/objects/{objectType}', OBJECTS, 'getPage', {
    query: { ...READ_QUERY, after: { type: 'string' }, limit: { type: 'integer' } },
  }),
  op('objects.create', 'POST', '/crm/v3/objects/{objectType}', OBJECTS, 'create', {
    body: SimplePublicObjectInputForCreate,
    schemas: [
      'SimplePublicObjectInputForCreate',
      'PublicAssociationsForObject',
      'PublicObjectId',
      'AssociationSpec',
    ],
  }),
  op('objects.getById', 'GET', '/crm/v3/objects/{objectType}/{objectId}', OBJECTS, 'getById', {
    query: { ...READ_QUERY, idProperty: { type: 'string' } },
  }),
  op('objects.update', 'PATCH', '/crm/v3/objects/{objectType}/{objectId}', OBJECTS, 'update', {
    query: { idProperty: { type: 'string' } },
    body: SimplePublicObjectInput,
    schemas: ['SimplePublicObjectInput'],
  }),
  op('objects.archive', 'DELETE', '/crm/v3/objects/{objectType}/{objectId}', OBJECTS, 'archive'),
  op('objects.batchUpdate', 'POST', '/crm/v3/objects/{objectType}/batch/update', OBJECTS, 'update', {
    body: BatchInputSimplePublicObjectBatchInput,
    schemas: ['BatchInputSimplePublicObjectBatchInput', 'SimplePublicObjectBatchInput'],
  }),
  op(
    'associations.getPage',
    'GET',
    '/crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}',
    ASSOCIATIONS,
    'getPage',
    {
      query: { after: { type: 'string' }, limit: { type: 'integer' } },
    },
  ),
  op('owners.getById', 'GET', '/crm/v3/owners/{ownerId}', OWNERS, 'getById', {
    pathParams: { ownerId: z.string().regex(/^-?\d+$/) },
    query: { archived: { type: 'boolean' }, idProperty: { type: 'string', enum: ['id', 'userId'] } },
  }),
  op('pipelines.getById', 'GET', '/crm/v3/pipelines/{objectType}/{pipelineId}', PIPELINES, 'getById'),
  op('pipelines.stages', 'GET', '/crm/v3/pipelines/{objectType}/{pipelineId}/stages', PIPELINES, 'getAll'),
  op('properties.groups', 'GET', '/crm/v3/properties/{objectType}/groups', PROPERTIES, 'getAll', {
    query: { locale: { type: 'string' } },
  }),
  op(
    'properties.group',
    'GET',
    '/crm/v3/properties/{objectType}/groups/{groupName}',
    PROPERTIES,
    'getByName',
    {
      query: { locale: { type: 'string' } },
    },
  ),
  op(
    'properties.getByName',
    'GET',
    '/crm/v3/properties/{objectType}/{propertyName}',
    PROPERTIES,
    'getByName',
    {
      query: {
        archived: { type: 'boolean' },
        dataSensitivity: { type: 'string', enum: DATA_SENSITIVITY },
        locale: { type: 'string' },
        properties: { type: 'string' },
      },
    },
  ),
];
