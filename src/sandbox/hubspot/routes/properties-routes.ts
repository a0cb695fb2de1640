import { isRecord, json, parseJsonBody } from '../../shared/http-types.ts';
import { isoOf } from '../crm-data.ts';
import { hubspotError, validationError } from '../errors.ts';
import { upperSingular } from '../object-types.ts';
import {
  defineProperty,
  type PropertyDefinition,
  type PropertyGroup,
  type PropertyType,
} from '../property-catalog.ts';
import { flag, type Route, withType } from './route.ts';

const PROPERTY_TYPES: readonly PropertyType[] = [
  'string',
  'number',
  'datetime',
  'date',
  'enumeration',
  'bool',
];

/** A `Property` as the properties API returns it. */
export function propertyJson(p: PropertyDefinition) {
  return {
    name: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    description: p.description,
    groupName: p.groupName,
    options: p.options,
    displayOrder: -1,
    calculated: p.calculated,
    externalOptions: false,
    hasUniqueValue: false,
    hidden: p.hidden,
    hubspotDefined: p.hubspotDefined,
    modificationMetadata: {
      archivable: !p.hubspotDefined,
      readOnlyDefinition: p.hubspotDefined,
      readOnlyValue: p.readOnlyValue,
    },
    formField: !p.hidden && !p.readOnlyValue,
    dataSensitivity: 'non_sensitive',
    createdAt: isoOf(p.createdAt),
    updatedAt: isoOf(p.createdAt),
    archived: false,
  };
}

const groupJson = (g: PropertyGroup) => ({ ...g, archived: false });

export const propertyRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/crm/v3/properties/:type',
    rateClass: 'standard',
    handle: (req, { type: name }, { state }) =>
      withType(name, (type) =>
        json(200, {
          results: flag(req.query, 'archived') ? [] : state.data.catalog.list(type).map(propertyJson),
        }),
      ),
  },
  {
    method: 'GET',
    path: '/crm/v3/properties/:type/groups',
    rateClass: 'standard',
    handle: (_req, { type: name }, { state }) =>
      withType(name, (type) => json(200, { results: state.data.catalog.listGroups(type).map(groupJson) })),
  },
  {
    method: 'GET',
    path: '/crm/v3/properties/:type/groups/:group',
    rateClass: 'standard',
    handle: (_req, { type: name, group = '' }, { state }) =>
      withType(name, (type) => {
        const found = state.data.catalog.group(type, group);
        return found
          ? json(200, groupJson(found))
          : hubspotError(
              404,
              'OBJECT_NOT_FOUND',
              `Unable to find property group ${group} for object type ${upperSingular(type)}`,
            );
      }),
  },
  {
    method: 'POST',
    path: '/crm/v3/properties/:type/groups',
    rateClass: 'standard',
    handle: (req, { type: name }, { state }) =>
      withType(name, (type) => {
        const body = parseJsonBody(req.body);
        if (!isRecord(body) || typeof body.name !== 'string' || typeof body.label !== 'string')
          return validationError('Invalid input JSON: name and label are required');
        if (state.data.catalog.group(type, body.name))
          return hubspotError(
            409,
            'OBJECT_ALREADY_EXISTS',
            `Property group named ${body.name} already exists.`,
          );
        const group = { name: body.name, label: body.label, displayOrder: Number(body.displayOrder ?? -1) };
        state.data.catalog.addGroup(type, group);
        return json(201, groupJson(group));
      }),
  },
  {
    method: 'GET',
    path: '/crm/v3/properties/:type/:name',
    rateClass: 'standard',
    handle: (_req, { type: typeName, name = '' }, { state }) =>
      withType(typeName, (type) => {
        const found = state.data.catalog.get(type, name);
        return found
          ? json(200, propertyJson(found))
          : hubspotError(
              404,
              'OBJECT_NOT_FOUND',
              `Unable to find property ${name} for object type ${upperSingular(type)}`,
            );
      }),
  },
  {
    method: 'POST',
    path: '/crm/v3/properties/:type',
    rateClass: 'standard',
    handle: (req, { type: typeName }, { state, now }) =>
      withType(typeName, (type) => {
        const body = parseJsonBody(req.body);
        if (!isRecord(body)) return validationError('Invalid input JSON');
        const { name, label, type: kind, fieldType, groupName } = body;
        if (typeof name !== 'string' || !/^[a-z][a-z0-9_]*$/.test(name))
          return validationError('name is required: lower case letters, digits and underscores');
        if (typeof label !== 'string' || typeof fieldType !== 'string' || typeof groupName !== 'string')
          return validationError('label, fieldType and groupName are required');
        if (!PROPERTY_TYPES.includes(kind as PropertyType))
          return validationError(`type must be one of ${PROPERTY_TYPES.join(', ')}`);
        if (!state.data.catalog.group(type, groupName))
          return validationError(`Property group ${groupName} does not exist`);
        if (state.data.catalog.get(type, name))
          return hubspotError(409, 'OBJECT_ALREADY_EXISTS', `Property named '${name}' already exists.`);
        const definition = defineProperty(name, label, kind as PropertyType, {
          group: groupName,
          fieldType,
          hubspotDefined: false,
          createdAt: now,
          description: typeof body.description === 'string' ? body.description : '',
          options: Array.isArray(body.options)
            ? body.options.filter(isRecord).map((o, i) => ({
                label: String(o.label),
                value: String(o.value),
                displayOrder: Number(o.displayOrder ?? i),
                hidden: o.hidden === true,
              }))
            : [],
        });
        state.data.catalog.add(type, definition);
        return json(201, propertyJson(definition));
      }),
  },
];
