import type { Deal, DealRead, Rejected } from '../ports/crm-source.ts';
import { readAssociations } from './associations.ts';
import { batchRead } from './batch-read.ts';
import type { HubSpotApi } from './hubspot-api.ts';
import type { CrmRecord } from './schemas.ts';
import { parseInstant, text } from './values.ts';

/** Deal properties read: enough for SQL → won and the average value per currency. */
export const DEAL_PROPERTIES = [
  'dealstage',
  'pipeline',
  'hs_is_closed_won',
  'hs_is_closed',
  'closedate',
  'amount',
  'deal_currency_code',
  'createdate',
] as const;

/**
 * Deals of these contacts: one associations v4 batch read per 1,000 contacts, then batch reads of
 * 100 deals. A contact HubSpot could not answer for (207 error) is left out of `contactIds`, so its
 * stored links are kept; a deal that vanished between the two reads is rejected and left out.
 */
export async function dealsOf(api: HubSpotApi, contactIds: readonly string[]): Promise<DealRead> {
  const unique = [...new Set(contactIds)];
  if (unique.length === 0) return { contactIds: [], deals: [], rejected: [] };
  const links = await readAssociations(api, 'contacts', 'deals', unique);
  const failed = new Set(links.rejected.flatMap((r) => (r.id === null ? [] : [r.id])));
  const contactsOfDeal = new Map<string, string[]>();
  for (const [contactId, targets] of links.byFrom)
    for (const t of targets) contactsOfDeal.set(t.toId, [...(contactsOfDeal.get(t.toId) ?? []), contactId]);
  const read = await batchRead(api, 'deals', [...contactsOfDeal.keys()], DEAL_PROPERTIES);
  const deals: Deal[] = [];
  for (const [id, contacts] of contactsOfDeal) {
    const record = read.records.get(id);
    if (record !== undefined) deals.push(toDeal(record, [...new Set(contacts)].sort()));
  }
  const rejected: Rejected[] = [...links.rejected, ...read.rejected];
  return { contactIds: unique.filter((c) => !failed.has(c)), deals, rejected };
}

const flag = (value: string | null | undefined): boolean => value?.trim().toLowerCase() === 'true';

/** Amounts stay decimal strings; `"1,250.00"`-style or blank values become `null` (not a number). */
function amountOf(value: string | null | undefined): string | null {
  const t = text(value)?.trim() ?? null;
  return t !== null && /^-?\d+(\.\d+)?$/.test(t) ? t : null;
}

function toDeal(record: CrmRecord, contactIds: readonly string[]): Deal {
  const p = record.properties;
  const closedWon = flag(p.hs_is_closed_won);
  return {
    id: record.id,
    contactIds,
    pipeline: text(p.pipeline),
    stage: text(p.dealstage),
    closed: closedWon || flag(p.hs_is_closed),
    closedWon,
    closedAt: parseInstant(p.closedate),
    amount: amountOf(p.amount),
    currency: text(p.deal_currency_code)?.toUpperCase() ?? null,
    createdAt: parseInstant(p.createdate),
  };
}
