import { isRecord, json, parseJsonBody, queryList } from '../../shared/http-types.ts';
import { objectNotFound, validationError } from '../errors.ts';
import type { HubSpotState } from '../hubspot-state.ts';
import {
  defaultAssociationTypeId,
  OBJECT_TYPES,
  type ObjectType,
  objectTypeOf,
  writeScopeOf,
} from '../object-types.ts';
import { checkWrite } from '../property-validation.ts';
import type { CrmRecord } from '../records.ts';
import { recordJson } from '../serialize.ts';
import { HISTORY_BATCH_MAX, HISTORY_BATCH_MESSAGE } from './batch-routes.ts';
import { API_SOURCE, flag, type Params, type Route, withType } from './route.ts';

const LIST_MAX = 100;
/**
 * Marks a write below; the scope it needs is its object type's (`writeScopeNeeded`): the contacts
 * write scope for contacts and their tasks (ops in src/hubspot/operations.ts), the Leads one for leads.
 */
const CONTACTS_WRITE = 'crm.objects.contacts.write';

/**
 * The scope a request through `route` needs (`undefined`: a read, not checked): for a write to
 * `/crm/v3/objects/:type…` that object type's write scope (`writeScopeOf`: a token without
 * `crm.objects.leads.write` cannot PATCH a lead), else the route's own `writeScope`.
 */
export function writeScopeNeeded(route: Route, params: Params): string | undefined {
  if (route.writeScope === undefined) return undefined;
  const type = objectTypeOf(params.type ?? '');
  return type === null ? route.writeScope : writeScopeOf(type);
}

function find(state: HubSpotState, type: ObjectType, id: string, query: URLSearchParams): CrmRecord | null {
  const idProperty = query.get('idProperty');
  if (idProperty && idProperty !== 'hs_object_id') return state.data.findBy(type, idProperty, id);
  return state.data.get(type, id, flag(query, 'archived'));
}

export const objectRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/crm/v3/objects/:type',
    rateClass: 'standard',
    handle: (req, { type: name }, { state }) =>
      withType(name, (type) => {
        const limit = Number(req.query.get('limit') ?? 10);
        if (!Number.isInteger(limit) || limit < 1 || limit > LIST_MAX)
          return validationError(`limit must be between 1 and ${LIST_MAX}`);
        const history = queryList(req.query, 'propertiesWithHistory');
        // A page that asks for history holds at most 50 records (docs/platform-contract.md HB-5).
        if (history.length > 0 && limit > HISTORY_BATCH_MAX) return validationError(HISTORY_BATCH_MESSAGE);
        const offset = Number(req.query.get('after') ?? 0) || 0;
        const all = state.data.all(type, flag(req.query, 'archived'));
        const page = all.slice(offset, offset + limit);
        const properties = queryList(req.query, 'properties');
        const next = offset + limit < all.length ? String(offset + limit) : null;
        return json(200, {
          results: page.map((r) => recordJson(r, properties, history)),
          ...(next ? { paging: { next: { after: next, link: `?after=${next}` } } } : {}),
        });
      }),
  },
  {
    method: 'GET',
    path: '/crm/v3/objects/:type/:id',
    rateClass: 'standard',
    handle: (req, { type: name, id = '' }, { state }) =>
      withType(name, (type) => {
        const record = find(state, type, id, req.query);
        if (!record) return objectNotFound(id);
        return json(
          200,
          recordJson(
            record,
            queryList(req.query, 'properties'),
            queryList(req.query, 'propertiesWithHistory'),
          ),
        );
      }),
  },
  {
    method: 'PATCH',
    path: '/crm/v3/objects/:type/:id',
    rateClass: 'standard',
    writeScope: CONTACTS_WRITE,
    handle: (req, { type: name, id = '' }, { state, now }) =>
      withType(name, (type) => {
        const record = find(state, type, id, req.query);
        if (!record) return objectNotFound(id);
        const body = parseJsonBody(req.body);
        if (!isRecord(body)) return validationError('Invalid input JSON');
        const checked = checkWrite(state, type, body.properties);
        if (!checked.ok) return checked.response;
        const updated = state.data.update(type, record.id, checked.properties, API_SOURCE, now);
        return json(200, recordJson(updated, Object.keys(checked.properties)));
      }),
  },
  {
    method: 'DELETE',
    path: '/crm/v3/objects/:type/:id',
    rateClass: 'standard',
    handle: (_req, { type: name, id = '' }, { state, now }) =>
      withType(name, (type) => {
        if (state.data.get(type, id)) state.data.archive(type, id, now);
        return { status: 204 };
      }),
  },
  {
    method: 'POST',
    path: '/crm/v3/objects/:type',
    rateClass: 'standard',
    writeScope: CONTACTS_WRITE,
    handle: (req, { type: name }, { state, now }) =>
      withType(name, (type) => {
        const body = parseJsonBody(req.body);
        if (!isRecord(body)) return validationError('Invalid input JSON');
        const checked = checkWrite(state, type, body.properties ?? {});
        if (!checked.ok) return checked.response;
        if (type !== 'contacts' && type !== 'leads' && !checked.properties.hs_timestamp)
          return validationError('Property values were not valid: hs_timestamp is required', {
            errors: [{ message: 'hs_timestamp is required', code: 'REQUIRED_PROPERTY' }],
          });
        const links = associationTargets(state, type, body.associations);
        if (typeof links === 'string') return validationError(links);
        const record = state.data.create(type, checked.properties, API_SOURCE, now);
        for (const link of links) state.data.associate(type, record.id, link.to, link.id, now);
        return json(201, recordJson(record, Object.keys(checked.properties)));
      }),
  },
];

/** Resolves `associations: [{to:{id}, types:[{associationTypeId}]}]` of a create; a string is the error. */
function associationTargets(state: HubSpotState, from: ObjectType, raw: unknown) {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return 'associations must be an array';
  const links: { to: ObjectType; id: string }[] = [];
  for (const item of raw) {
    if (!isRecord(item) || !isRecord(item.to) || !Array.isArray(item.types))
      return 'invalid association input';
    const id = String(item.to.id);
    for (const t of item.types) {
      const typeId = isRecord(t) ? Number(t.associationTypeId) : Number.NaN;
      const to = OBJECT_TYPES.find((candidate) => defaultAssociationTypeId(from, candidate) === typeId);
      if (!to) return `${typeId} is not a valid association type id from ${from}`;
      if (!state.data.get(to, id)) return `${to} ${id} does not exist`;
      links.push({ to, id });
    }
  }
  return links;
}
