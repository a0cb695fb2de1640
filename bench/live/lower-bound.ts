import type { HandoffEvent, TouchEvent } from './traffic.ts';

export const SEARCH_PAGE = 200;
export const BATCH_READ = 100;
export const ASSOCIATION_BATCH = 1_000;

export interface Changes {
  /** Handoffs that became searchable in the window. */
  readonly handoffs: number;
  /** Logged calls (or other touches) that became searchable in the window. */
  readonly touches: number;
}

/**
 * The fewest HubSpot requests that can notice a window's changes, with the API as it is: one contacts
 * search (stage entries ORed in one request) and one search per watched engagement type, each a page
 * per 200 results (at least one page: "nothing changed" also costs a request); one associations batch
 * read per 1,000 changed engagements (which contact is it on?); and for new leads, their earlier
 * touches: one associations batch read per engagement type per 1,000 leads, plus batch reads of
 * 100 for any engagements found (none for the bench's fresh leads).
 */
export function lowerBound(c: Changes, engagementTypes: number): number {
  const pages = (n: number) => Math.max(1, Math.ceil(n / SEARCH_PAGE));
  const contacts = pages(c.handoffs);
  const touches = pages(c.touches) + (engagementTypes - 1);
  const touchOwners = c.touches > 0 ? Math.ceil(c.touches / ASSOCIATION_BATCH) : 0;
  const history = c.handoffs > 0 ? engagementTypes * Math.ceil(c.handoffs / ASSOCIATION_BATCH) : 0;
  return contacts + touches + touchOwners + history;
}

/** Changes that became searchable in `(from, until]`. */
export function changesIn(
  from: number,
  until: number,
  handoffs: readonly HandoffEvent[],
  touches: readonly TouchEvent[],
): Changes {
  const inside = (t: number) => t > from && t <= until;
  return {
    handoffs: handoffs.filter((h) => inside(h.searchableAt)).length,
    touches: touches.filter((t) => inside(t.searchableAt)).length,
  };
}
