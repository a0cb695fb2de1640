import type { SqlExecutor, SqlValue } from './driver.ts';

const MAX_ROWS_PER_STATEMENT = 500;

export interface RowInsert {
  readonly table: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly SqlValue[])[];
  /** `ON CONFLICT …` clause. */
  readonly onConflict: string;
}

/** Multi-row INSERTs in chunks: one round trip per few hundred rows instead of one per row. */
export async function insertRows(db: SqlExecutor, insert: RowInsert): Promise<void> {
  const { rows, ...rest } = insert;
  await insertEach(db, { ...rest, items: rows, values: (row) => row });
}

/**
 * `insertRows` over items turned into rows one statement at a time, so that only one statement's
 * rows (not, say, 100,000 evaluations' JSON bodies) exist at once.
 */
export async function insertEach<T>(
  db: SqlExecutor,
  insert: Omit<RowInsert, 'rows'> & {
    readonly items: readonly T[];
    readonly values: (item: T) => readonly SqlValue[];
  },
): Promise<void> {
  const { table, columns, items, values, onConflict } = insert;
  const perStatement = Math.max(
    1,
    Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(db.maxBatchParams / columns.length)),
  );
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  for (let start = 0; start < items.length; start += perStatement) {
    const chunk = items.slice(start, start + perStatement);
    const params: SqlValue[] = [];
    const tuples = chunk.map((item) => {
      const row = values(item);
      if (row.length !== columns.length) {
        throw new Error(`insertRows(${table}): a row has ${row.length} values for ${columns.length} columns`);
      }
      const slots = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    await db.run(`${head}${tuples.join(', ')} ${onConflict}`, params);
  }
}

const MAX_IDS_PER_QUERY = 900;

/**
 * Runs `select` once per chunk of `ids` with the placeholders for an `IN (…)` list, and
 * concatenates the rows. `select(placeholders)` must use `$1…$n` for the ids only.
 */
export async function queryByIds<R>(
  ids: readonly string[],
  run: (placeholders: string, ids: readonly string[]) => Promise<readonly R[]>,
): Promise<R[]> {
  const unique = [...new Set(ids)];
  const out: R[] = [];
  for (let start = 0; start < unique.length; start += MAX_IDS_PER_QUERY) {
    const chunk = unique.slice(start, start + MAX_IDS_PER_QUERY);
    const placeholders = chunk.map((_, i) => `$${i + 1}`).join(', ');
    out.push(...(await run(placeholders, chunk)));
  }
  return out;
}

/** Keeps the last of several items with the same key (an upsert may touch a row only once per statement). */
export function lastByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    byKey.delete(k);
    byKey.set(k, item);
  }
  return [...byKey.values()];
}
