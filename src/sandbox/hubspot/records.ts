import type { Instant } from '../../domain/time.ts';
import type { ObjectType } from './object-types.ts';

/** Who changed a property, as HubSpot's property history reports it. */
export interface ChangeSource {
  /** `CRM_UI`, `INTEGRATION`, `AUTOMATION_PLATFORM`, `IMPORT`, `API`, … */
  readonly sourceType: string;
  readonly sourceId?: string;
  readonly updatedByUserId?: number;
}

export interface HistoryEntry extends ChangeSource {
  readonly value: string;
  readonly at: Instant;
}

/**
 * One CRM record. Property values are strings (HubSpot's wire format); an absent key is `null`.
 * `properties` is replaced, never mutated, once published: the search index shares the map.
 */
export interface CrmRecord {
  readonly objectType: ObjectType;
  readonly id: string;
  properties: ReadonlyMap<string, string>;
  /**
   * Changes after creation, newest first, per property. The value a property was created with is
   * implied (current value when no change, else materialised on the first change) — this keeps
   * 100,000 generated records cheap.
   */
  readonly changes: Map<string, HistoryEntry[]>;
  readonly createdSource: ChangeSource;
  readonly createdAt: Instant;
  updatedAt: Instant;
  archivedAt: Instant | null;
}

/** The full history of one property, newest first (what `propertiesWithHistory` returns). */
export function historyOf(record: CrmRecord, property: string): readonly HistoryEntry[] {
  const changes = record.changes.get(property);
  if (changes) return changes;
  const value = record.properties.get(property);
  return value === undefined ? [] : [{ ...record.createdSource, value, at: record.createdAt }];
}

/** Records a change in the property's history, materialising the creation value first if needed. */
export function recordChange(record: CrmRecord, property: string, entry: HistoryEntry): void {
  let changes = record.changes.get(property);
  if (!changes) {
    const initial = record.properties.get(property);
    changes =
      initial === undefined ? [] : [{ ...record.createdSource, value: initial, at: record.createdAt }];
    record.changes.set(property, changes);
  }
  changes.unshift(entry);
}
