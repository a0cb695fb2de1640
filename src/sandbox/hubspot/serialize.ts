import { isoOf } from './crm-data.ts';
import { CREATED_PROPERTY, DEFAULT_PROPERTIES, MODIFIED_PROPERTY, type ObjectType } from './object-types.ts';
import { type CrmRecord, historyOf } from './records.ts';

/** Properties HubSpot always includes, whatever was requested. */
const alwaysIncluded = (type: ObjectType) => [
  'hs_object_id',
  CREATED_PROPERTY(type),
  MODIFIED_PROPERTY(type),
];

/** The property names to return: the requested ones (unset → `null`) or the defaults. */
export function selectProperties(type: ObjectType, requested: readonly string[]): readonly string[] {
  const names = requested.length > 0 ? requested : DEFAULT_PROPERTIES(type);
  return [...new Set([...names, ...alwaysIncluded(type)])];
}

export function propertiesJson(
  values: ReadonlyMap<string, string>,
  names: readonly string[],
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const name of names) out[name] = values.get(name) ?? null;
  return out;
}

/** A `SimplePublicObject` (or `…WithAssociations`), as objects GET, batch read and PATCH return it. */
export function recordJson(
  record: CrmRecord,
  properties: readonly string[],
  withHistory: readonly string[] = [],
) {
  const json: Record<string, unknown> = {
    id: record.id,
    properties: propertiesJson(record.properties, selectProperties(record.objectType, properties)),
    createdAt: isoOf(record.createdAt),
    updatedAt: isoOf(record.updatedAt),
    archived: record.archivedAt !== null,
  };
  if (record.archivedAt !== null) json.archivedAt = isoOf(record.archivedAt);
  if (withHistory.length > 0) {
    json.propertiesWithHistory = Object.fromEntries(
      withHistory.map((name) => [
        name,
        historyOf(record, name).map((h) => ({
          value: h.value,
          timestamp: isoOf(h.at),
          sourceType: h.sourceType,
          ...(h.sourceId === undefined ? {} : { sourceId: h.sourceId }),
          ...(h.updatedByUserId === undefined ? {} : { updatedByUserId: h.updatedByUserId }),
        })),
      ]),
    );
  }
  return json;
}
