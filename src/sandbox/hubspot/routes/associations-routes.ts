import { isRecord, json, parseJsonBody } from '../../shared/http-types.ts';
import type { CrmData } from '../crm-data.ts';
import { isoOf } from '../crm-data.ts';
import { objectNotFound, validationError } from '../errors.ts';
import type { ObjectType } from '../object-types.ts';
import { type Route, withType } from './route.ts';

export const ASSOCIATIONS_BATCH_MAX = 1_000;
/** Associations returned per object and page (HubSpot's default for v4). */
export const ASSOCIATIONS_PAGE_SIZE = 500;

const singular = (type: ObjectType) => type.slice(0, -1);

/** One object's associations from `offset`, as `MultiAssociatedObjectWithLabel` plus paging. */
function page(data: CrmData, from: ObjectType, id: string, to: ObjectType, offset: number, limit: number) {
  const all = data.associations(from, id, to);
  const slice = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? String(offset + limit) : null;
  return {
    total: all.length,
    to: slice.map((link) => ({
      toObjectId: Number(link.toId),
      associationTypes: data.associationTypes(link.typeIds),
    })),
    paging: next === null ? null : { next: { after: next, link: `?after=${next}` } },
  };
}

const noAssociations = (from: ObjectType, id: string, to: ObjectType) => ({
  status: 'error',
  category: 'OBJECT_NOT_FOUND',
  subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
  message: `No ${singular(to)} is associated with ${singular(from)} ${id}.`,
  context: { fromObjectId: [id], fromObjectType: [singular(from)], toObjectType: [singular(to)] },
});

export const associationRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/crm/v4/associations/:from/:to/batch/read',
    rateClass: 'exempt',
    handle: (req, params, { state, now }) =>
      withType(params.from, (from) =>
        withType(params.to, (to) => {
          const body = parseJsonBody(req.body);
          if (!isRecord(body) || !Array.isArray(body.inputs))
            return validationError('Invalid input JSON: inputs is required');
          if (body.inputs.length > ASSOCIATIONS_BATCH_MAX)
            return validationError(
              `Batch input is limited to ${ASSOCIATIONS_BATCH_MAX} inputs; got ${body.inputs.length}`,
            );
          const results: unknown[] = [];
          const errors: unknown[] = [];
          for (const input of body.inputs) {
            const id = isRecord(input) ? String(input.id) : '';
            const after = isRecord(input) && input.after !== undefined ? Number(input.after) || 0 : 0;
            const {
              total,
              to: links,
              paging,
            } = page(state.data, from, id, to, after, ASSOCIATIONS_PAGE_SIZE);
            if (total === 0) errors.push(noAssociations(from, id, to));
            else results.push({ from: { id }, to: links, ...(paging ? { paging } : {}) });
          }
          const body2 = { status: 'COMPLETE', results, startedAt: isoOf(now), completedAt: isoOf(now) };
          return errors.length === 0
            ? json(200, body2)
            : json(207, { ...body2, numErrors: errors.length, errors });
        }),
      ),
  },
  {
    method: 'GET',
    path: '/crm/v4/objects/:type/:id/associations/:to',
    rateClass: 'standard',
    handle: (req, params, { state }) =>
      withType(params.type, (from) =>
        withType(params.to, (to) => {
          const id = params.id ?? '';
          if (!state.data.get(from, id)) return objectNotFound(id);
          const limit = Math.min(
            Number(req.query.get('limit') ?? ASSOCIATIONS_PAGE_SIZE) || ASSOCIATIONS_PAGE_SIZE,
            500,
          );
          const { to: results, paging } = page(
            state.data,
            from,
            id,
            to,
            Number(req.query.get('after') ?? 0) || 0,
            limit,
          );
          return json(200, { results, ...(paging ? { paging } : {}) });
        }),
      ),
  },
];
