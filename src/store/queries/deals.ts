import type { Deal } from '../../ports/crm-source.ts';
import type { DealCandidate, DealRefresh } from '../../ports/store.ts';
import { insertRows, lastByKey, queryByIds } from '../sql/batch.ts';
import { int, intOrNull, text, textOrNull } from '../sql/columns.ts';
import type { SqlDriver, SqlExecutor, SqlRow, SqlValue } from '../sql/driver.ts';

const DEAL_COLUMNS = [
  'id',
  'pipeline',
  'stage',
  'closed',
  'closed_won',
  'closed_at',
  'amount',
  'currency',
  'created_at',
  'read_at',
] as const;

const dealValues =
  (at: number) =>
  (d: Deal): SqlValue[] => [
    d.id,
    d.pipeline,
    d.stage,
    d.closed ? 1 : 0,
    d.closedWon ? 1 : 0,
    d.closedAt,
    d.amount,
    d.currency,
    d.createdAt,
    at,
  ];

const assignAll = DEAL_COLUMNS.filter((c) => c !== 'id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

/**
 * One transaction: the listed contacts lose their old deal links (a deal dissociated or deleted in
 * HubSpot leaves the report), the deals are upserted, links to the listed contacts written, and each
 * contact's refresh time set. Links to contacts not listed are left alone.
 */
export async function saveDeals(db: SqlDriver, refresh: DealRefresh): Promise<void> {
  const asked = new Set(refresh.contactIds);
  await db.transaction(async (tx) => {
    await queryByIds(refresh.contactIds, async (placeholders, ids) => {
      await tx.run(`DELETE FROM contact_deals WHERE contact_id IN (${placeholders})`, ids);
      return [];
    });
    await insertRows(tx, {
      table: 'deals',
      columns: DEAL_COLUMNS,
      rows: lastByKey(refresh.deals, (d) => d.id).map(dealValues(refresh.at)),
      onConflict: `ON CONFLICT (id) DO UPDATE SET ${assignAll}`,
    });
    const links = refresh.deals.flatMap((d) =>
      d.contactIds.filter((c) => asked.has(c)).map((c): SqlValue[] => [c, d.id]),
    );
    await insertRows(tx, {
      table: 'contact_deals',
      columns: ['contact_id', 'deal_id'],
      rows: lastByKey(links, (l) => `${l[0]}|${l[1]}`),
      onConflict: 'ON CONFLICT (contact_id, deal_id) DO NOTHING',
    });
    await insertRows(tx, {
      table: 'deal_refreshes',
      columns: ['contact_id', 'refreshed_at'],
      rows: [...asked].map((c): SqlValue[] => [c, refresh.at]),
      onConflict: 'ON CONFLICT (contact_id) DO UPDATE SET refreshed_at = excluded.refreshed_at',
    });
  });
}

/** Stored deals linked to these contacts, each once, with its links narrowed to the contacts asked. */
export async function dealsOf(db: SqlExecutor, contactIds: readonly string[]): Promise<Deal[]> {
  const rows = await queryByIds(contactIds, (placeholders, ids) =>
    db.query(
      `SELECT l.contact_id, ${DEAL_COLUMNS.map((c) => `d.${c}`).join(', ')}
       FROM contact_deals l JOIN deals d ON d.id = l.deal_id WHERE l.contact_id IN (${placeholders})`,
      ids,
    ),
  );
  const byId = new Map<string, { deal: Deal; contacts: string[] }>();
  for (const row of rows) {
    const id = text(row, 'id');
    const entry = byId.get(id) ?? { deal: deal(row), contacts: [] };
    entry.contacts.push(text(row, 'contact_id'));
    byId.set(id, entry);
  }
  return [...byId.values()]
    .map(({ deal: d, contacts }) => ({ ...d, contactIds: [...new Set(contacts)].sort() }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function deal(row: SqlRow): Deal {
  return {
    id: text(row, 'id'),
    contactIds: [],
    pipeline: textOrNull(row, 'pipeline'),
    stage: textOrNull(row, 'stage'),
    closed: int(row, 'closed') !== 0,
    closedWon: int(row, 'closed_won') !== 0,
    closedAt: intOrNull(row, 'closed_at'),
    amount: textOrNull(row, 'amount'),
    currency: textOrNull(row, 'currency'),
    createdAt: intOrNull(row, 'created_at'),
  };
}

/** One row per contact: its latest entry into the stages, and its last deal refresh (if any). */
export async function dealCandidates(
  db: SqlExecutor,
  stages: readonly string[],
  enteredSince: number,
): Promise<DealCandidate[]> {
  if (stages.length === 0) return [];
  const slots = stages.map((_, i) => `$${i + 2}`).join(', ');
  const rows = await db.query(
    `SELECT i.contact_id, MAX(i.entered_at) AS entered_at, MAX(r.refreshed_at) AS refreshed_at
     FROM instances i LEFT JOIN deal_refreshes r ON r.contact_id = i.contact_id
     WHERE i.entered_at >= $1 AND i.stage IN (${slots})
     GROUP BY i.contact_id ORDER BY i.contact_id`,
    [enteredSince, ...stages],
  );
  return rows.map((row) => ({
    contactId: text(row, 'contact_id'),
    enteredAt: int(row, 'entered_at'),
    refreshedAt: intOrNull(row, 'refreshed_at'),
  }));
}
