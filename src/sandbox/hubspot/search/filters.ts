import type { PropertyType } from '../property-catalog.ts';
import type { IndexedDoc } from '../search-index.ts';

export const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface FilterInput {
  readonly propertyName: string;
  readonly operator: Operator;
  readonly value?: string | undefined;
  readonly highValue?: string | undefined;
  readonly values?: readonly string[] | undefined;
}

export type Predicate = (doc: IndexedDoc) => boolean;

/** A request problem, answered as HubSpot's 400 VALIDATION_ERROR. */
export class SearchValidationError extends Error {
  override readonly name = 'SearchValidationError';
}

/** Turns a wire value into something comparable for the property's type. */
export function comparable(type: PropertyType, raw: string): number | string {
  if (type === 'number') {
    const n = Number(raw);
    return Number.isFinite(n) ? n : raw.toLowerCase();
  }
  if (type === 'datetime' || type === 'date') {
    if (/^-?\d+$/.test(raw)) return Number(raw);
    const t = Date.parse(raw);
    return Number.isFinite(t) ? t : raw.toLowerCase();
  }
  return raw.toLowerCase();
}

const ASSOCIATION_PSEUDO = 'associations.contact';

/** Compiles one filter into a predicate (values parsed once, not per record). */
export function compileFilter(filter: FilterInput, typeOf: (name: string) => PropertyType): Predicate {
  const { propertyName: name, operator } = filter;
  if (name === ASSOCIATION_PSEUDO) return associationPredicate(filter);
  const type = typeOf(name);
  const read = (doc: IndexedDoc): number | string | null => {
    const raw = doc.properties.get(name);
    return raw === undefined ? null : comparable(type, raw);
  };
  const need = (v: string | undefined, what: string): number | string => {
    if (v === undefined || v === null)
      throw new SearchValidationError(`${operator} on ${name} needs a ${what}`);
    return comparable(type, String(v));
  };
  const list = (): Set<number | string> => {
    if (!Array.isArray(filter.values))
      throw new SearchValidationError(`${operator} on ${name} needs 'values'`);
    return new Set(filter.values.map((v) => comparable(type, String(v))));
  };
  switch (operator) {
    case 'EQ': {
      const v = need(filter.value, 'value');
      return (doc) => read(doc) === v;
    }
    case 'NEQ': {
      const v = need(filter.value, 'value');
      return (doc) => read(doc) !== v;
    }
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE': {
      const v = need(filter.value, 'value');
      const test = compare[operator];
      return (doc) => {
        const x = read(doc);
        return x !== null && typeof x === typeof v && test(x, v);
      };
    }
    case 'BETWEEN': {
      const low = need(filter.value, 'value');
      const high = need(filter.highValue, 'highValue');
      return (doc) => {
        const x = read(doc);
        return x !== null && typeof x === typeof low && x >= low && x <= high;
      };
    }
    case 'IN': {
      const set = list();
      return (doc) => {
        const x = read(doc);
        return x !== null && set.has(x);
      };
    }
    case 'NOT_IN': {
      const set = list();
      return (doc) => {
        const x = read(doc);
        return x === null || !set.has(x);
      };
    }
    case 'HAS_PROPERTY':
      return (doc) => doc.properties.has(name);
    case 'NOT_HAS_PROPERTY':
      return (doc) => !doc.properties.has(name);
    case 'CONTAINS_TOKEN':
    case 'NOT_CONTAINS_TOKEN': {
      const pattern = tokenPattern(String(need(filter.value, 'value')));
      const has = (doc: IndexedDoc) => tokens(doc.properties.get(name)).some((t) => pattern.test(t));
      return operator === 'CONTAINS_TOKEN' ? has : (doc) => !has(doc);
    }
  }
}

const compare = {
  LT: (a: number | string, b: number | string) => a < b,
  LTE: (a: number | string, b: number | string) => a <= b,
  GT: (a: number | string, b: number | string) => a > b,
  GTE: (a: number | string, b: number | string) => a >= b,
} as const;

function associationPredicate(filter: FilterInput): Predicate {
  if (filter.operator === 'EQ' && filter.value !== undefined) {
    const id = String(filter.value);
    return (doc) => doc.contacts.has(id);
  }
  if (filter.operator === 'IN' && Array.isArray(filter.values)) {
    const ids = filter.values.map(String);
    return (doc) => ids.some((id) => doc.contacts.has(id));
  }
  throw new SearchValidationError(`${ASSOCIATION_PSEUDO} supports only EQ and IN`);
}

const tokens = (value: string | undefined): string[] =>
  value === undefined
    ? []
    : value
        .toLowerCase()
        .split(/[^\p{L}\p{N}@._-]+/u)
        .filter(Boolean);

function tokenPattern(value: string): RegExp {
  const escaped = value
    .toLowerCase()
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}
