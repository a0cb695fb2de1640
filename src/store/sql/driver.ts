/**
 * The small SQL surface both adapters implement. Statements use `$1…$n` placeholders (the SQLite
 * driver rewrites them); values are plain scalars and JSON travels as text, so the query modules in
 * `src/store/queries/` are shared by SQLite and PostgreSQL.
 */
export type SqlValue = string | number | boolean | null;

export type SqlRow = Readonly<Record<string, unknown>>;

export interface SqlExecutor {
  /** How many values a multi-row statement should bind at most (fastest size for the driver). */
  readonly maxBatchParams: number;
  /** Rows of a query. Integers come back as numbers, JSON columns as text. */
  query(sql: string, params?: readonly SqlValue[]): Promise<readonly SqlRow[]>;
  /** Runs a statement; returns how many rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs a parameterless script of several statements (migrations). */
  script(sql: string): Promise<void>;
}

export type Dialect = 'sqlite' | 'postgres';

export interface SqlDriver extends SqlExecutor {
  readonly dialect: Dialect;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
