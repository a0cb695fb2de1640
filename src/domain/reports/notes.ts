import type { Deals } from './deals.ts';
import type { ReportSetup } from './facts.ts';

/**
 * What the figures cannot show (missing data), as a code and its values: each output says it in its
 * reader's language (src/reports/format/report-notes.ts); the JSON keeps the English text beside it.
 */
export type ReportNote =
  /** The worker has not read HubSpot deals into this store: no SQL → won, no average deal value. */
  | { readonly code: 'no-deal-data' }
  /** The deals of `leads` SQL leads are not read yet: they count as not won until they are. */
  | { readonly code: 'deals-unread'; readonly leads: number }
  /** No owner directory: reps show as owner ids, teams cannot be told apart. */
  | { readonly code: 'no-owner-directory' };

export type ReportNoteCode = ReportNote['code'];

export function reportNotes(setup: Pick<ReportSetup, 'owners'>, deals: Deals): ReportNote[] {
  const out: ReportNote[] = [];
  if (!deals.available) out.push({ code: deals.code });
  else if ((deals.unread.value ?? 0) > 0) out.push({ code: 'deals-unread', leads: deals.unread.value ?? 0 });
  if (setup.owners === null) out.push({ code: 'no-owner-directory' });
  return out;
}
