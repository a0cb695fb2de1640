import { z } from 'zod';
import type { Instant } from '../../../domain/time.ts';
import type { CrmData } from '../crm-data.ts';
import { CREATED_PROPERTY, MODIFIED_PROPERTY, type ObjectType } from '../object-types.ts';
import type { IndexedDoc } from '../search-index.ts';
import { propertiesJson, selectProperties } from '../serialize.ts';
import { comparable, compileFilter, OPERATORS, type Predicate, SearchValidationError } from './filters.ts';

/** HubSpot's documented search limits (the stricter of the conflicting sources; see research §1.3). */
export const SEARCH_LIMITS = {
  maxLimit: 200,
  maxResults: 10_000,
  maxGroups: 5,
  maxFiltersPerGroup: 6,
  maxFilters: 18,
};

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const SearchFilter = z.object({
  propertyName: z.string(),
  operator: z.enum(OPERATORS),
  value: scalar.optional(),
  highValue: scalar.optional(),
  values: z.array(scalar).optional(),
});

const SearchSort = z.union([
  z.string(),
  z.object({ propertyName: z.string(), direction: z.enum(['ASCENDING', 'DESCENDING']).default('ASCENDING') }),
]);

/** `PublicObjectSearchRequest`, loosened where HubSpot is looser than its spec (nothing is required). */
export const SearchRequest = z.object({
  filterGroups: z.array(z.object({ filters: z.array(SearchFilter).default([]) })).default([]),
  sorts: z.array(SearchSort).default([]),
  properties: z.array(z.string()).default([]),
  limit: z.number().int().min(0).default(10),
  after: scalar.optional(),
  query: z.string().max(3000).optional(),
});
export type SearchRequest = z.infer<typeof SearchRequest>;

const QUERY_PROPERTIES = [
  'firstname',
  'lastname',
  'email',
  'phone',
  'company',
  'hs_lead_name',
  'hs_call_title',
];

/** Runs a search against the index as it stands at `now`. Throws `SearchValidationError` for a 400. */
export function runSearch(data: CrmData, type: ObjectType, request: SearchRequest, now: Instant) {
  const { filterGroups, limit } = request;
  if (limit > SEARCH_LIMITS.maxLimit)
    throw new SearchValidationError(`limit must be at most ${SEARCH_LIMITS.maxLimit}`);
  checkFilterCounts(filterGroups.map((g) => g.filters.length));
  const offset = request.after === undefined || request.after === '' ? 0 : Number(request.after);
  if (!Number.isInteger(offset) || offset < 0)
    throw new SearchValidationError(`after must be a paging cursor`);
  if (offset >= SEARCH_LIMITS.maxResults)
    throw new SearchValidationError(
      `Cannot page past ${SEARCH_LIMITS.maxResults} results; narrow the filters`,
    );

  const typeOf = (name: string) => data.catalog.typeOf(type, name);
  const groups: Predicate[][] = filterGroups.map((g) => g.filters.map((f) => compileFilter(f, typeOf)));
  const text = request.query?.trim().toLowerCase() ?? '';
  const matches: IndexedDoc[] = [];
  for (const doc of data.index.documents(type, now)) {
    if (groups.length > 0 && !groups.some((g) => g.every((p) => p(doc)))) continue;
    if (text !== '' && !QUERY_PROPERTIES.some((n) => doc.properties.get(n)?.toLowerCase().includes(text)))
      continue;
    matches.push(doc);
  }
  sortDocs(matches, request.sorts[0], typeOf);

  const end = Math.min(offset + limit, SEARCH_LIMITS.maxResults, matches.length);
  const names = selectProperties(type, request.properties);
  const results = matches.slice(offset, end).map((doc) => ({
    id: doc.id,
    properties: propertiesJson(doc.properties, names),
    createdAt: isoDate(doc.properties.get(CREATED_PROPERTY(type))),
    updatedAt: isoDate(doc.properties.get(MODIFIED_PROPERTY(type))),
    archived: false,
  }));
  const next = end < matches.length ? { next: { after: String(end), link: `?after=${end}` } } : {};
  return { total: matches.length, results, ...(end < matches.length ? { paging: next } : {}) };
}

function checkFilterCounts(perGroup: readonly number[]): void {
  const { maxGroups, maxFiltersPerGroup, maxFilters } = SEARCH_LIMITS;
  if (perGroup.length > maxGroups)
    throw new SearchValidationError(`at most ${maxGroups} filterGroups are allowed`);
  if (perGroup.some((n) => n > maxFiltersPerGroup))
    throw new SearchValidationError(`at most ${maxFiltersPerGroup} filters per filterGroup are allowed`);
  if (perGroup.reduce((a, b) => a + b, 0) > maxFilters)
    throw new SearchValidationError(`at most ${maxFilters} filters in total are allowed`);
}

type Sort = SearchRequest['sorts'][number] | undefined;

/** Only the first sort is honoured, as in HubSpot. Unset values sort last; ties by id. */
function sortDocs(
  docs: IndexedDoc[],
  sort: Sort,
  typeOf: (n: string) => ReturnType<CrmData['catalog']['typeOf']>,
) {
  const byId = (a: IndexedDoc, b: IndexedDoc) => Number(a.id) - Number(b.id);
  if (sort === undefined) {
    docs.sort(byId);
    return;
  }
  const descending = typeof sort === 'string' ? sort.startsWith('-') : sort.direction === 'DESCENDING';
  const name = typeof sort === 'string' ? sort.replace(/^-/, '') : sort.propertyName;
  const type = typeOf(name);
  const key = new Map(docs.map((d) => [d, keyOf(d.properties.get(name), type)] as const));
  docs.sort((a, b) => {
    const x = key.get(a) ?? null;
    const y = key.get(b) ?? null;
    if (x === null || y === null) return x === y ? byId(a, b) : x === null ? 1 : -1;
    if (x === y) return byId(a, b);
    return (x < y ? -1 : 1) * (descending ? -1 : 1);
  });
}

const keyOf = (raw: string | undefined, type: Parameters<typeof comparable>[0]) =>
  raw === undefined ? null : comparable(type, raw);

const isoDate = (raw: string | undefined): string => raw ?? new Date(0).toISOString();
