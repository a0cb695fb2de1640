import type { Owner } from '../../ports/crm-source.ts';
import { insertRows, lastByKey } from '../sql/batch.ts';
import { int, text, textOrNull } from '../sql/columns.ts';
import type { SqlExecutor, SqlValue } from '../sql/driver.ts';

const COLUMNS = ['id', 'email', 'first_name', 'last_name', 'user_id', 'active', 'seen_at'] as const;

/** Upserts the owners HubSpot listed; an owner no longer listed keeps its last row (old reports name it). */
export async function saveOwners(db: SqlExecutor, owners: readonly Owner[], at: number): Promise<void> {
  await insertRows(db, {
    table: 'owners',
    columns: COLUMNS,
    rows: lastByKey(owners, (o) => o.id).map((o): SqlValue[] => [
      o.id,
      o.email,
      o.firstName,
      o.lastName,
      o.userId,
      o.active ? 1 : 0,
      at,
    ]),
    onConflict: `ON CONFLICT (id) DO UPDATE SET ${COLUMNS.filter((c) => c !== 'id')
      .map((c) => `${c} = excluded.${c}`)
      .join(', ')}`,
  });
}

export async function owners(db: SqlExecutor): Promise<Owner[]> {
  const rows = await db.query(`SELECT ${COLUMNS.join(', ')} FROM owners ORDER BY id`);
  return rows.map((row) => ({
    id: text(row, 'id'),
    email: textOrNull(row, 'email'),
    firstName: textOrNull(row, 'first_name'),
    lastName: textOrNull(row, 'last_name'),
    userId: textOrNull(row, 'user_id'),
    active: int(row, 'active') !== 0,
  }));
}
