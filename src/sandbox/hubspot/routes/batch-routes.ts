import { isRecord, json, parseJsonBody } from '../../shared/http-types.ts';
import { isoOf } from '../crm-data.ts';
import { batchNotFoundError, validationError } from '../errors.ts';
import { checkWrite } from '../property-validation.ts';
import type { CrmRecord } from '../records.ts';
import { recordJson } from '../serialize.ts';
import { API_SOURCE, flag, type Route, withType } from './route.ts';

/** Inputs per batch request (HubSpot's object batch endpoints; docs/platform-contract.md HB-3). */
export const BATCH_MAX = 100;
/** Inputs per batch read that asks for `propertiesWithHistory` (HubSpot answers 400 above it; HB-1). */
export const HISTORY_BATCH_MAX = 50;

/** HubSpot's exact message for a history batch read over 50 inputs (status 400, `VALIDATION_ERROR`). */
export const HISTORY_BATCH_MESSAGE =
  'The maximum number of inputs supported in a batch request for property histories is 50. Please reduce the number of items and try again';

const tooMany = (count: number) =>
  validationError(`Batch input is limited to ${BATCH_MAX} inputs; got ${count}`);

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** `BatchResponseSimplePublicObject` (200) or `…WithErrors` (207) when some ids were not found. */
function batchResponse(
  results: unknown[],
  missing: string[],
  type: Parameters<typeof batchNotFoundError>[0],
  now: number,
) {
  const body = { status: 'COMPLETE', results, startedAt: isoOf(now), completedAt: isoOf(now) };
  if (missing.length === 0) return json(200, body);
  return json(207, { ...body, numErrors: 1, errors: [batchNotFoundError(type, missing)] });
}

export const batchRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: '/crm/v3/objects/:type/batch/read',
    rateClass: 'standard',
    handle: (req, { type: name }, { state, now }) =>
      withType(name, (type) => {
        const body = parseJsonBody(req.body);
        if (!isRecord(body) || !Array.isArray(body.inputs))
          return validationError('Invalid input JSON: inputs is required');
        const history = strings(body.propertiesWithHistory);
        if (history.length > 0 && body.inputs.length > HISTORY_BATCH_MAX)
          return validationError(HISTORY_BATCH_MESSAGE);
        if (body.inputs.length > BATCH_MAX) return tooMany(body.inputs.length);
        const idProperty = typeof body.idProperty === 'string' ? body.idProperty : null;
        const archived = flag(req.query, 'archived');
        const found: CrmRecord[] = [];
        const missing: string[] = [];
        for (const input of body.inputs) {
          const id = isRecord(input) ? String(input.id) : '';
          const record =
            idProperty && idProperty !== 'hs_object_id'
              ? state.data.findBy(type, idProperty, id)
              : state.data.get(type, id, archived);
          if (record && !found.includes(record)) found.push(record);
          else if (!record) missing.push(id);
        }
        const properties = strings(body.properties);
        return batchResponse(
          found.map((r) => recordJson(r, properties, history)),
          missing,
          type,
          now,
        );
      }),
  },
  {
    method: 'POST',
    path: '/crm/v3/objects/:type/batch/update',
    rateClass: 'standard',
    handle: (req, { type: name }, { state, now }) =>
      withType(name, (type) => {
        const body = parseJsonBody(req.body);
        if (!isRecord(body) || !Array.isArray(body.inputs))
          return validationError('Invalid input JSON: inputs is required');
        if (body.inputs.length > BATCH_MAX) return tooMany(body.inputs.length);
        const updates: { id: string; properties: Record<string, string | null> }[] = [];
        for (const input of body.inputs) {
          if (!isRecord(input))
            return validationError('Invalid input JSON: each input needs id and properties');
          const checked = checkWrite(state, type, input.properties);
          if (!checked.ok) return checked.response;
          updates.push({
            id: String(input.id),
            properties: checked.properties as Record<string, string | null>,
          });
        }
        const missing = updates.filter((u) => !state.data.get(type, u.id)).map((u) => u.id);
        const results = updates
          .filter((u) => !missing.includes(u.id))
          .map((u) =>
            recordJson(
              state.data.update(type, u.id, u.properties, API_SOURCE, now),
              Object.keys(u.properties),
            ),
          );
        return batchResponse(results, missing, type, now);
      }),
  },
];
