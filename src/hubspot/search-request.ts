import {
  FilterOperatorEnum,
  type PublicObjectSearchRequest,
} from '@hubspot/api-client/lib/codegen/crm/objects/index.js';

export type FilterOperator =
  | 'EQ'
  | 'NEQ'
  | 'GT'
  | 'GTE'
  | 'LT'
  | 'LTE'
  | 'IN'
  | 'HAS_PROPERTY'
  | 'NOT_HAS_PROPERTY';

export interface SearchFilter {
  readonly propertyName: string;
  readonly operator: FilterOperator;
  readonly value?: string;
  readonly values?: readonly string[];
}

export interface SearchSort {
  readonly propertyName: string;
  readonly direction: 'ASCENDING' | 'DESCENDING';
}

/** The search body as HubSpot documents it (`sorts` as objects, one sort honoured). */
export interface SearchRequest {
  readonly filterGroups: readonly { readonly filters: readonly SearchFilter[] }[];
  readonly sorts: readonly SearchSort[];
  readonly properties: readonly string[];
  readonly limit: number;
  readonly after?: string;
}

/** HubSpot's limits on one search: 5 groups, 6 filters per group, 18 filters in all; 200 per page. */
export const SEARCH_LIMITS = {
  groups: 5,
  filtersPerGroup: 6,
  filters: 18,
  pageSize: 200,
  maxResults: 10_000,
};

const OPERATORS: Record<FilterOperator, FilterOperatorEnum> = {
  EQ: FilterOperatorEnum.Eq,
  NEQ: FilterOperatorEnum.Neq,
  GT: FilterOperatorEnum.Gt,
  GTE: FilterOperatorEnum.Gte,
  LT: FilterOperatorEnum.Lt,
  LTE: FilterOperatorEnum.Lte,
  IN: FilterOperatorEnum.In,
  HAS_PROPERTY: FilterOperatorEnum.HasProperty,
  NOT_HAS_PROPERTY: FilterOperatorEnum.NotHasProperty,
};

/**
 * The `after` of a first page. HubSpot's OpenAPI spec marks `after` required in a search
 * (`PublicObjectSearchRequest`), and the SDK's README says to send `0` for the initial search.
 */
export const FIRST_PAGE = '0';

/**
 * To the SDK's request type. The SDK types `sorts` as `string[]` (hubspot-api-nodejs#559) but sends
 * whatever it is given unchanged; we send the documented `{propertyName, direction}` objects.
 */
export function toSdkSearch(request: SearchRequest): PublicObjectSearchRequest {
  return {
    filterGroups: request.filterGroups.map((g) => ({
      filters: g.filters.map((f) => ({
        propertyName: f.propertyName,
        operator: OPERATORS[f.operator],
        ...(f.value === undefined ? {} : { value: f.value }),
        ...(f.values === undefined ? {} : { values: [...f.values] }),
      })),
    })),
    sorts: request.sorts as unknown as string[],
    properties: [...request.properties],
    limit: request.limit,
    after: request.after ?? FIRST_PAGE,
  };
}
