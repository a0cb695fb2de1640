import type { Instant } from '../../domain/time.ts';
import type { ObjectType } from './object-types.ts';

export type PropertyType = 'string' | 'number' | 'datetime' | 'date' | 'enumeration' | 'bool';

export interface PropertyOption {
  readonly label: string;
  readonly value: string;
  readonly displayOrder: number;
  readonly hidden: boolean;
}

/** A property definition as `GET /crm/v3/properties/{objectType}` returns it. */
export interface PropertyDefinition {
  readonly name: string;
  readonly label: string;
  readonly type: PropertyType;
  readonly fieldType: string;
  readonly groupName: string;
  readonly description: string;
  readonly options: readonly PropertyOption[];
  readonly hidden: boolean;
  readonly calculated: boolean;
  readonly hubspotDefined: boolean;
  readonly readOnlyValue: boolean;
  readonly createdAt: Instant;
}

export interface PropertyGroup {
  readonly name: string;
  readonly label: string;
  readonly displayOrder: number;
}

const FIELD_TYPE: Readonly<Record<PropertyType, string>> = {
  string: 'text',
  number: 'number',
  datetime: 'date',
  date: 'date',
  enumeration: 'select',
  bool: 'booleancheckbox',
};

export const options = (values: readonly (readonly [string, string])[]): PropertyOption[] =>
  values.map(([value, label], displayOrder) => ({ value, label, displayOrder, hidden: false }));

interface DefineOptions {
  readonly group?: string;
  readonly options?: readonly PropertyOption[];
  readonly hidden?: boolean;
  readonly calculated?: boolean;
  readonly readOnly?: boolean;
  readonly description?: string;
  readonly hubspotDefined?: boolean;
  readonly createdAt?: Instant;
  readonly fieldType?: string;
}

export function defineProperty(
  name: string,
  label: string,
  type: PropertyType,
  o: DefineOptions = {},
): PropertyDefinition {
  return {
    name,
    label,
    type,
    fieldType: o.fieldType ?? FIELD_TYPE[type],
    groupName: o.group ?? 'contactinformation',
    description: o.description ?? '',
    options: o.options ?? [],
    hidden: o.hidden ?? false,
    calculated: o.calculated ?? false,
    hubspotDefined: o.hubspotDefined ?? true,
    readOnlyValue: o.readOnly ?? false,
    createdAt: o.createdAt ?? 0,
  };
}

/** The property definitions of one object type, mutable through the properties API. */
export class PropertyCatalog {
  private readonly byType = new Map<ObjectType, Map<string, PropertyDefinition>>();
  private readonly groups = new Map<ObjectType, Map<string, PropertyGroup>>();

  add(type: ObjectType, definition: PropertyDefinition): void {
    this.table(type).set(definition.name, definition);
  }

  get(type: ObjectType, name: string): PropertyDefinition | null {
    return this.table(type).get(name) ?? null;
  }

  list(type: ObjectType): readonly PropertyDefinition[] {
    return [...this.table(type).values()];
  }

  typeOf(type: ObjectType, name: string): PropertyType {
    return this.get(type, name)?.type ?? 'string';
  }

  addGroup(type: ObjectType, group: PropertyGroup): void {
    const groups = this.groups.get(type) ?? new Map<string, PropertyGroup>();
    groups.set(group.name, group);
    this.groups.set(type, groups);
  }

  group(type: ObjectType, name: string): PropertyGroup | null {
    return this.groups.get(type)?.get(name) ?? null;
  }

  listGroups(type: ObjectType): readonly PropertyGroup[] {
    return [...(this.groups.get(type)?.values() ?? [])];
  }

  private table(type: ObjectType): Map<string, PropertyDefinition> {
    let table = this.byType.get(type);
    if (!table) {
      table = new Map();
      this.byType.set(type, table);
    }
    return table;
  }
}
