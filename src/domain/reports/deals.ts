import type { Keyed } from './breakdown.ts';
import type { DealFacts, DealRecordFacts } from './facts.ts';
import { countOf, type Figure, figure, percent } from './figure.ts';
import { groupBy, type InstanceRecord } from './instance-record.ts';
import { NO_TEAM } from './people.ts';

/** Average won deal value in one currency (currencies are never added together). */
export interface CurrencyAverage extends Keyed {
  /** ISO code, or `null` for deals without one (the portal's company currency). */
  readonly currency: string | null;
  /** Won deals with an amount in this currency. */
  readonly deals: number;
  readonly total: number;
  /** total ÷ deals; ids: the SQL instances whose contacts won these deals. */
  readonly average: Figure;
}

/** SQL → won and the average won deal value, for one set of SQLs. */
export interface DealFigures {
  /** The window's SQL instances (team, rep and stage filters applied). */
  readonly sqls: Figure;
  /** SQLs whose contact has a won deal closed at or after the SQL entry. */
  readonly won: Figure;
  /** won ÷ SQLs, in %. */
  readonly rate: Figure;
  readonly averageValue: readonly CurrencyAverage[];
  /** SQLs whose contact's deals the worker has not read yet (counted as not won). */
  readonly unread: Figure;
}

/** The same figures for the SQLs of one team (key `no-team` for owners in none). */
export interface TeamDeals extends Keyed, DealFigures {}

/** Deals (SQL → won, average value) in all and per team, or why they cannot be shown. */
export type Deals =
  /** Why not: a note code (src/domain/reports/notes.ts), said in the reader's language by each output. */
  | { readonly available: false; readonly code: 'no-deal-data' }
  | ({ readonly available: true } & DealFigures & { readonly byTeam: readonly TeamDeals[] });

export const NO_DEAL_DATA: Deals = { available: false, code: 'no-deal-data' };

const cents = (n: number): number => Math.round(n * 100) / 100;

interface DealIndex {
  readonly read: ReadonlySet<string>;
  readonly byContact: ReadonlyMap<string, readonly DealRecordFacts[]>;
}

/**
 * SQL → won: of the window's SQL records (`sqls`, the SQL stage's), those whose contact has a won
 * deal closed at or after the SQL entry. Average value per currency over the distinct won deals with
 * an amount; each figure carries the SQL instance ids behind it. The same per team of the owner.
 */
export function dealFigures(sqls: readonly InstanceRecord[], facts: DealFacts | undefined): Deals {
  if (facts === undefined) return NO_DEAL_DATA;
  const byContact = new Map<string, DealRecordFacts[]>();
  for (const d of facts.deals)
    for (const c of d.contactIds) {
      const list = byContact.get(c);
      if (list) list.push(d);
      else byContact.set(c, [d]);
    }
  const index: DealIndex = { read: new Set(facts.readContacts), byContact };
  const teams = groupBy(sqls, (r) => r.owner.team ?? NO_TEAM);
  const byTeam = [...teams.entries()]
    .map(([key, records]) => ({
      key,
      label: key === NO_TEAM ? '(no team)' : key,
      ...figuresOf(records, index),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return { available: true, ...figuresOf(sqls, index), byTeam };
}

function figuresOf(sqls: readonly InstanceRecord[], index: DealIndex): DealFigures {
  const won: string[] = [];
  const unread: string[] = [];
  const wonDeals = new Map<string, { deal: DealRecordFacts; ids: Set<string> }>();
  for (const r of sqls) {
    if (!index.read.has(r.contactId)) unread.push(r.id);
    const mine = (index.byContact.get(r.contactId) ?? []).filter(
      (d) => d.closedWon && d.closedAt !== null && d.closedAt >= r.enteredAt,
    );
    if (mine.length === 0) continue;
    won.push(r.id);
    for (const d of mine) {
      const entry = wonDeals.get(d.id) ?? { deal: d, ids: new Set<string>() };
      entry.ids.add(r.id);
      wonDeals.set(d.id, entry);
    }
  }
  const ids = sqls.map((r) => r.id);
  return {
    sqls: countOf(ids),
    won: countOf(won),
    rate: figure(percent(won.length, sqls.length), ids),
    averageValue: averages(wonDeals.values()),
    unread: countOf(unread),
  };
}

function averages(
  wonDeals: Iterable<{ deal: DealRecordFacts; ids: ReadonlySet<string> }>,
): CurrencyAverage[] {
  const byCurrency = new Map<string, { currency: string | null; amounts: number[]; ids: Set<string> }>();
  for (const { deal, ids } of wonDeals) {
    const amount = deal.amount === null ? Number.NaN : Number(deal.amount);
    if (!Number.isFinite(amount)) continue;
    const key = deal.currency ?? '';
    const entry = byCurrency.get(key) ?? { currency: deal.currency, amounts: [], ids: new Set<string>() };
    entry.amounts.push(amount);
    for (const id of ids) entry.ids.add(id);
    byCurrency.set(key, entry);
  }
  return [...byCurrency.values()]
    .sort((a, b) => (a.currency ?? '').localeCompare(b.currency ?? ''))
    .map((c) => {
      const total = cents(c.amounts.reduce((a, b) => a + b, 0));
      return {
        key: c.currency ?? 'company-currency',
        label: c.currency ?? 'company currency',
        currency: c.currency,
        deals: c.amounts.length,
        total,
        average: figure(cents(total / c.amounts.length), [...c.ids].sort()),
      };
    });
}
