import type { Instant } from '../../domain/time.ts';
import {
  associationLabel,
  CREATED_PROPERTY,
  defaultAssociationTypeId,
  ID_BASE,
  MODIFIED_PROPERTY,
  type ObjectType,
} from './object-types.ts';
import { PropertyCatalog } from './property-catalog.ts';
import { type ChangeSource, type CrmRecord, recordChange } from './records.ts';
import { SearchIndex } from './search-index.ts';

export type PropertyInput = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface AssociationLink {
  readonly toId: string;
  readonly typeIds: readonly number[];
}

/** Rendered like HubSpot: numbers and booleans become strings; `null`/`''` clear the property. */
export function toWireValue(value: string | number | boolean | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return String(value);
}

const NO_CONTACTS: ReadonlySet<string> = new Set();

export const isoOf = (t: Instant): string => new Date(t).toISOString();

/** The CRM records, their associations and the (lagging) search index. No HTTP here. */
export class CrmData {
  readonly catalog = new PropertyCatalog();
  readonly index: SearchIndex;
  private readonly records = new Map<ObjectType, Map<string, CrmRecord>>();
  private readonly nextId = new Map<ObjectType, number>();
  private readonly links = new Map<string, Map<string, number[]>>();

  constructor(indexLag: number) {
    this.index = new SearchIndex(indexLag);
  }

  create(type: ObjectType, input: PropertyInput, source: ChangeSource, at: Instant): CrmRecord {
    const id = String(this.nextId.get(type) ?? ID_BASE[type]);
    this.nextId.set(type, Number(id) + 1);
    const properties = new Map<string, string>();
    for (const [name, raw] of Object.entries(input)) {
      const value = toWireValue(raw);
      if (value !== null) properties.set(name, value);
    }
    properties.set('hs_object_id', id);
    const iso = isoOf(at);
    if (!properties.has(CREATED_PROPERTY(type))) properties.set(CREATED_PROPERTY(type), iso);
    properties.set(MODIFIED_PROPERTY(type), iso);
    const record: CrmRecord = {
      objectType: type,
      id,
      properties,
      changes: new Map(),
      createdSource: source,
      createdAt: at,
      updatedAt: at,
      archivedAt: null,
    };
    this.table(type).set(id, record);
    this.reindex(record, at);
    return record;
  }

  /** Sets properties (history kept, unchanged values skipped) and bumps the modified date. */
  update(type: ObjectType, id: string, input: PropertyInput, source: ChangeSource, at: Instant): CrmRecord {
    const record = this.require(type, id);
    const next = new Map(record.properties);
    for (const [name, raw] of Object.entries(input)) {
      const value = toWireValue(raw);
      if ((next.get(name) ?? null) === value) continue;
      recordChange(record, name, { ...source, value: value ?? '', at });
      if (value === null) next.delete(name);
      else next.set(name, value);
    }
    next.set(MODIFIED_PROPERTY(type), isoOf(at));
    record.properties = next;
    record.updatedAt = at;
    this.reindex(record, at);
    return record;
  }

  archive(type: ObjectType, id: string, at: Instant): void {
    const record = this.require(type, id);
    record.archivedAt = at;
    record.updatedAt = at;
    this.reindex(record, at);
  }

  get(type: ObjectType, id: string, includeArchived = false): CrmRecord | null {
    const record = this.table(type).get(id) ?? null;
    if (record && record.archivedAt !== null && !includeArchived) return null;
    return record;
  }

  require(type: ObjectType, id: string): CrmRecord {
    const record = this.get(type, id, true);
    if (!record) throw new RangeError(`sandbox: no ${type} record with id ${id}`);
    return record;
  }

  /** Live records of a type, in id order (archived ones only when asked). */
  all(type: ObjectType, archived = false): CrmRecord[] {
    return [...this.table(type).values()].filter((r) => (r.archivedAt !== null) === archived);
  }

  /** The first live record whose `property` equals `value` (`idProperty` reads). */
  findBy(type: ObjectType, property: string, value: string): CrmRecord | null {
    for (const record of this.table(type).values()) {
      if (
        record.archivedAt === null &&
        record.properties.get(property)?.toLowerCase() === value.toLowerCase()
      )
        return record;
    }
    return null;
  }

  /** Associates two records both ways with the default HUBSPOT_DEFINED types (plus `extraTypeIds`). */
  associate(
    from: ObjectType,
    fromId: string,
    to: ObjectType,
    toId: string,
    at: Instant,
    extraTypeIds: number[] = [],
  ) {
    this.link(from, fromId, to, toId, [defaultAssociationTypeId(from, to), ...extraTypeIds]);
    this.link(to, toId, from, fromId, [defaultAssociationTypeId(to, from)]);
    for (const [type, id] of [
      [from, fromId],
      [to, toId],
    ] as const) {
      const record = this.get(type, id);
      if (record && type !== 'contacts') this.reindex(record, at);
    }
  }

  /** Associations of one record to a type, ordered by id. */
  associations(from: ObjectType, fromId: string, to: ObjectType): AssociationLink[] {
    const links = this.links.get(`${from}:${fromId}>${to}`);
    if (!links) return [];
    return [...links]
      .filter(([toId]) => this.get(to, toId) !== null)
      .map(([toId, typeIds]) => ({ toId, typeIds }))
      .sort((a, b) => Number(a.toId) - Number(b.toId));
  }

  associationTypes(typeIds: readonly number[]) {
    return typeIds.map((typeId) => ({
      category: 'HUBSPOT_DEFINED',
      typeId,
      label: associationLabel(typeId),
    }));
  }

  private link(from: ObjectType, fromId: string, to: ObjectType, toId: string, typeIds: (number | null)[]) {
    const key = `${from}:${fromId}>${to}`;
    const links = this.links.get(key) ?? new Map<string, number[]>();
    const known = links.get(toId) ?? [];
    for (const typeId of typeIds) if (typeId !== null && !known.includes(typeId)) known.push(typeId);
    links.set(toId, known);
    this.links.set(key, links);
  }

  private reindex(record: CrmRecord, at: Instant): void {
    const links =
      record.objectType === 'contacts'
        ? undefined
        : this.links.get(`${record.objectType}:${record.id}>contacts`);
    const contacts = links ? new Set(links.keys()) : NO_CONTACTS;
    this.index.stage(record, contacts, at);
  }

  private table(type: ObjectType): Map<string, CrmRecord> {
    let table = this.records.get(type);
    if (!table) {
      table = new Map();
      this.records.set(type, table);
    }
    return table;
  }
}
