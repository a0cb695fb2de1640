import { iso, record } from './harness.ts';

interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
}
interface Body {
  filterGroups: { filters: Filter[] }[];
  sorts: { propertyName: string; direction: string }[];
  limit: number;
  after?: string;
}

export interface IndexedContact {
  readonly id: string;
  readonly props: Record<string, string | null>;
}

const matches = (c: IndexedContact, f: Filter): boolean => {
  const raw = f.propertyName === 'hs_object_id' ? c.id : c.props[f.propertyName];
  const present = raw !== null && raw !== undefined && raw !== '';
  if (f.operator === 'HAS_PROPERTY') return present;
  if (f.operator === 'NOT_HAS_PROPERTY') return !present;
  if (raw === null || raw === undefined) return false;
  const left = f.propertyName === 'hs_object_id' ? Number(raw) : Date.parse(raw);
  const right = Number(f.value);
  switch (f.operator) {
    case 'GTE':
      return left >= right;
    case 'GT':
      return left > right;
    case 'EQ':
      return left === right;
    default:
      throw new Error(`search index: unsupported operator ${f.operator}`);
  }
};

/**
 * A stand-in for HubSpot's search over contacts: filters, one ascending sort, offset paging with a
 * string `after`, and the 10,000 cap (paging past it is a 400, as HubSpot answers). Records with equal
 * sort values come back in an arbitrary (but fixed) order, as they do in HubSpot.
 */
export function searchIndex(contacts: readonly IndexedContact[]) {
  const requests: Body[] = [];
  const answer = (raw: Body | string): [number, unknown] => {
    const body: Body = typeof raw === 'string' ? JSON.parse(raw) : raw;
    requests.push(body);
    const sort = body.sorts[0]?.propertyName ?? 'hs_object_id';
    const key = (c: IndexedContact) =>
      sort === 'hs_object_id' ? Number(c.id) : Date.parse(c.props[sort] ?? '');
    const hit = contacts
      .filter((c) => body.filterGroups.some((g) => g.filters.every((f) => matches(c, f))))
      .sort(
        (a, b) => key(a) - key(b) || (Number(b.id) % 7) - (Number(a.id) % 7) || Number(b.id) - Number(a.id),
      );
    const offset = Number(body.after ?? '0');
    if (offset + body.limit > 10_000) {
      return [
        400,
        {
          status: 'error',
          category: 'VALIDATION_ERROR',
          message: 'Paging beyond 10000 results is not supported',
        },
      ];
    }
    const results = hit.slice(offset, offset + body.limit).map((c) => record(c.id, c.props));
    const next = offset + body.limit < hit.length ? String(offset + body.limit) : undefined;
    return [200, { total: hit.length, results, ...(next ? { paging: { next: { after: next } } } : {}) }];
  };
  return { answer, requests };
}

export const enteredAt = (property: string, id: number, at: number): IndexedContact => ({
  id: String(id),
  props: { [property]: iso(at), lastmodifieddate: iso(at), hubspot_owner_id: '6166860' },
});
