import { json } from '../../shared/http-types.ts';
import { hubspotError, validationError } from '../errors.ts';
import { ownerJson } from '../owners.ts';
import { flag, type Route } from './route.ts';

/**
 * Owners per page. HubSpot documents the default (100) but no maximum; the sandbox takes the stricter
 * reading and refuses more, so a client that does not page through owners is caught here (HB-15).
 */
export const OWNERS_MAX = 100;

export const ownerRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/crm/v3/owners',
    rateClass: 'standard',
    handle: (req, _params, { state }) => {
      const limit = Number(req.query.get('limit') ?? 100);
      if (!Number.isInteger(limit) || limit < 1 || limit > OWNERS_MAX)
        return validationError(`limit must be between 1 and ${OWNERS_MAX}`);
      const email = req.query.get('email');
      const all = state.owners
        .list(flag(req.query, 'archived'))
        .filter((o) => !email || o.email.toLowerCase() === email.toLowerCase());
      const offset = Number(req.query.get('after') ?? 0) || 0;
      const end = offset + limit;
      return json(200, {
        results: all.slice(offset, end).map(ownerJson),
        ...(end < all.length ? { paging: { next: { after: String(end), link: `?after=${end}` } } } : {}),
      });
    },
  },
  {
    method: 'GET',
    path: '/crm/v3/owners/:ownerId',
    rateClass: 'standard',
    handle: (req, { ownerId = '' }, { state }) => {
      const byUserId = req.query.get('idProperty') === 'userId';
      const archived = flag(req.query, 'archived');
      const owner = byUserId
        ? [...state.owners.list(false), ...state.owners.list(true)].find((o) => String(o.userId) === ownerId)
        : state.owners.get(ownerId);
      if (!owner || owner.archived !== archived)
        return hubspotError(404, 'OBJECT_NOT_FOUND', `Owner with id ${ownerId} not found`);
      return json(200, ownerJson(owner));
    },
  },
];
