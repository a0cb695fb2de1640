import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqlDriver, SqlExecutor, SqlRow, SqlValue } from '../sql/driver.ts';
import { SerialQueue } from './serial-queue.ts';
import { toStoreError } from './sqlite-errors.ts';

export interface SqliteOptions {
  /** A file path, or `:memory:`. The parent directory is created if missing. */
  readonly path: string;
  /** How long a writer waits for another one before `StoreBusyError`. */
  readonly busyTimeoutMs?: number;
}

const STATEMENT_CACHE_SIZE = 256;

/** Opens a SQLite database through `node:sqlite` (no native addon): WAL, busy_timeout, foreign keys. */
export function openSqliteDriver(options: SqliteOptions): SqlDriver {
  const inMemory = options.path === ':memory:';
  if (!inMemory) mkdirSync(dirname(options.path), { recursive: true });
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(options.path, {
      timeout: options.busyTimeoutMs ?? 5_000,
      enableForeignKeyConstraints: true,
    });
    if (!inMemory) db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON');
  } catch (error) {
    throw toStoreError(error, `open of ${options.path}`);
  }
  const inner = executor(db);
  const queue = new SerialQueue();
  return {
    dialect: 'sqlite',
    maxBatchParams: inner.maxBatchParams,
    query: (sql, params) => queue.run(() => inner.query(sql, params)),
    run: (sql, params) => queue.run(() => inner.run(sql, params)),
    script: (sql) => queue.run(() => inner.script(sql)),
    transaction: (work) =>
      queue.run(async () => {
        guard(() => db.exec('BEGIN IMMEDIATE'), 'BEGIN');
        try {
          const result = await work(inner);
          guard(() => db.exec('COMMIT'), 'COMMIT');
          return result;
        } catch (error) {
          rollback(db);
          throw toStoreError(error, 'transaction');
        }
      }),
    close: () =>
      queue.run(() => {
        if (db.isOpen) db.close();
      }),
  };
}

/** A prepared statement and, for each of its `?` in order, which `$n` argument goes there. */
interface Prepared {
  readonly statement: StatementSync;
  readonly slots: readonly number[];
}

function executor(db: DatabaseSync): SqlExecutor {
  const cache = new Map<string, Prepared>();
  const prepare = (sql: string): Prepared => {
    const cached = cache.get(sql);
    if (cached) {
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    // Plain `?` rather than `?NNN`: node:sqlite binds numbered parameters in quadratic time.
    const slots: number[] = [];
    const statement = db.prepare(
      sql.replace(/\$(\d+)/g, (_, n: string) => {
        slots.push(Number(n) - 1);
        return '?';
      }),
    );
    const prepared = { statement, slots };
    cache.set(sql, prepared);
    if (cache.size > STATEMENT_CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return prepared;
  };
  const bind = ({ slots }: Prepared, params: readonly SqlValue[]): SQLInputValue[] =>
    slots.map((slot) => {
      const value = params[slot];
      if (value === undefined) throw new RangeError(`SQL placeholder $${slot + 1} has no value`);
      return bindable(value);
    });
  return {
    maxBatchParams: 999,
    query: async (sql, params = []) =>
      guard(() => {
        const prepared = prepare(sql);
        return prepared.statement.all(...bind(prepared, params)) satisfies SqlRow[];
      }, 'query'),
    run: async (sql, params = []) =>
      guard(() => {
        const prepared = prepare(sql);
        return Number(prepared.statement.run(...bind(prepared, params)).changes);
      }, 'statement'),
    script: async (sql) => guard(() => db.exec(sql), 'script'),
  };
}

/** Undoes an open transaction; the error that caused the rollback is the one the caller sees. */
function rollback(db: DatabaseSync): void {
  if (!db.isTransaction) return;
  try {
    db.exec('ROLLBACK');
  } catch {
    // SQLite rolled back on its own (e.g. after SQLITE_FULL); nothing is left to undo.
  }
}

const bindable = (value: SqlValue): SQLInputValue => (typeof value === 'boolean' ? Number(value) : value);

function guard<T>(work: () => T, what: string): T {
  try {
    return work();
  } catch (error) {
    throw toStoreError(error, what);
  }
}
