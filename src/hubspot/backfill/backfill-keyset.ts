import { z } from 'zod';
import type { Instant } from '../../domain/time.ts';
import { OBJECT_ID } from '../keyset.ts';
import type { SearchFilter, SearchSort } from '../search-request.ts';

/**
 * Where a first-install import scan stands. Two orders, each a keyset so nothing shifts under it
 * between cycles (offsets would: a record leaving the stage moves every later one up a place):
 * - newest first on a date that does not change while the record stays in the stage (a lifecycle
 *   stage's `hs_v2_date_entered_<stage>`): `below` a value, walking a value shared by a whole page by
 *   object id (`tie`) — the leads still inside their window come in the first chunk;
 * - by object id (`id`), for stages whose entry is dated from property history: their only date to
 *   filter on is the last modification, which moves.
 */
export type BackfillPosition =
  | {
      readonly kind: 'below';
      readonly at: Instant;
      readonly inclusive: boolean;
      /** Ids at exactly `at` already read (inclusive positions only). */
      readonly skip: readonly string[];
    }
  | {
      readonly kind: 'tie';
      readonly at: Instant;
      readonly afterId: string;
      /** Ids at `at` read before the walk began. */
      readonly skip: readonly string[];
    }
  | { readonly kind: 'id'; readonly afterId: string | null };

export const BackfillPosition = z.union([
  z.object({
    kind: z.literal('below'),
    at: z.number(),
    inclusive: z.boolean(),
    skip: z.array(z.string()),
  }),
  z.object({ kind: z.literal('tie'), at: z.number(), afterId: z.string(), skip: z.array(z.string()) }),
  z.object({ kind: z.literal('id'), afterId: z.string().nullable() }),
]);

/** One record of a page, as the position needs it: its id and (date order) its sort value. */
export interface Keyed {
  readonly id: string;
  readonly t: Instant | null;
}

/** The position's own filters, ANDed with the stage's; `dateProperty` for the date order. */
export function backfillFilters(position: BackfillPosition, dateProperty: string): SearchFilter[] {
  switch (position.kind) {
    case 'below':
      return [
        {
          propertyName: dateProperty,
          operator: position.inclusive ? 'LTE' : 'LT',
          value: String(position.at),
        },
      ];
    case 'tie':
      return [
        { propertyName: dateProperty, operator: 'EQ', value: String(position.at) },
        { propertyName: OBJECT_ID, operator: 'GT', value: position.afterId },
      ];
    case 'id':
      return position.afterId === null
        ? []
        : [{ propertyName: OBJECT_ID, operator: 'GT', value: position.afterId }];
  }
}

export const backfillSort = (position: BackfillPosition, dateProperty: string): SearchSort =>
  position.kind === 'below'
    ? { propertyName: dateProperty, direction: 'DESCENDING' }
    : { propertyName: OBJECT_ID, direction: 'ASCENDING' };

/** What a page brings: the records not read before, and where the scan goes on (`null`: done). */
export interface Advance<T extends Keyed> {
  readonly take: readonly T[];
  readonly next: BackfillPosition | null;
}

/**
 * After a page (`full`: HubSpot has more after it). A date-ordered page continues below its last
 * value, remembering the ids read at that value (the next search includes it). A page that never
 * left one value is handed whole to a walk of that value by id, which then continues below it; ids
 * read at that value before the walk are skipped, so nothing is taken twice.
 */
export function advance<T extends Keyed>(
  position: BackfillPosition,
  page: readonly T[],
  full: boolean,
): Advance<T> {
  const last = page.at(-1);
  switch (position.kind) {
    case 'id':
      return { take: page, next: full && last ? { kind: 'id', afterId: last.id } : null };
    case 'tie': {
      const take = page.filter((r) => !position.skip.includes(r.id));
      if (full && last) return { take, next: { ...position, afterId: last.id } };
      return { take, next: { kind: 'below', at: position.at, inclusive: false, skip: [] } };
    }
    case 'below': {
      const carried = (at: Instant) => (position.inclusive && position.at === at ? position.skip : []);
      const take = page.filter((r) => !(r.t !== null && carried(r.t).includes(r.id)));
      if (!full || !last || last.t === null) return { take, next: null };
      const at = last.t;
      if (page[0]?.t === at) return { take: [], next: { kind: 'tie', at, afterId: '0', skip: carried(at) } };
      const skip = [...new Set([...carried(at), ...page.filter((r) => r.t === at).map((r) => r.id)])];
      return { take, next: { kind: 'below', at, inclusive: true, skip } };
    }
  }
}
