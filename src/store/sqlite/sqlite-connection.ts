import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { SqlValue } from '../sql/driver.ts';

const STATEMENT_CACHE_SIZE = 256;

export interface RowValues {
  readonly columns: readonly string[];
  /** Each an array of values in `columns` order. */
  readonly values: Iterable<unknown>;
}

/** A prepared statement and, for each of its `?` in order, which `$n` argument goes there. */
interface Prepared {
  readonly statement: StatementSync;
  readonly slots: readonly number[];
}

/**
 * One synchronous `node:sqlite` connection (WAL, busy_timeout, foreign keys) with a statement cache.
 * It blocks while SQLite waits for a lock, so it lives in the SQLite thread (`sqlite-thread.ts`),
 * never on the main thread.
 */
export class SqliteConnection {
  readonly #db: DatabaseSync;
  readonly #cache = new Map<string, Prepared>();

  constructor(path: string, busyTimeoutMs: number) {
    this.#db = new DatabaseSync(path, { timeout: busyTimeoutMs, enableForeignKeyConstraints: true });
    try {
      if (path !== ':memory:') this.#db.exec('PRAGMA journal_mode = WAL');
      this.#db.exec('PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON');
    } catch (error) {
      this.#db.close();
      throw error;
    }
  }

  /**
   * The rows of a query as arrays of values in `columns` order, one at a time (the statement stays
   * open until they are all read). Arrays cost a third of what objects do to copy between threads.
   */
  rows(sql: string, params: readonly SqlValue[]): RowValues {
    const { statement, slots } = this.#prepare(sql);
    statement.setReturnArrays(true);
    const values = statement.iterate(...bind({ statement, slots }, params));
    return { columns: statement.columns().map((column) => column.name), values };
  }

  /** Runs a statement; returns how many rows it changed. */
  run(sql: string, params: readonly SqlValue[]): number {
    const prepared = this.#prepare(sql);
    return Number(prepared.statement.run(...bind(prepared, params)).changes);
  }

  exec(sql: string): void {
    this.#db.exec(sql);
  }

  /** Takes the write lock at once, so no statement inside the transaction meets SQLITE_BUSY half-way. */
  begin(): void {
    this.#db.exec('BEGIN IMMEDIATE');
  }

  commit(): void {
    this.#db.exec('COMMIT');
  }

  /** Undoes an open transaction; the error that caused the rollback is the one the caller sees. */
  rollback(): void {
    if (!this.#db.isTransaction) return;
    try {
      this.#db.exec('ROLLBACK');
    } catch {
      // SQLite rolled back on its own (e.g. after SQLITE_FULL); nothing is left to undo.
    }
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }

  #prepare(sql: string): Prepared {
    const cached = this.#cache.get(sql);
    if (cached) {
      this.#cache.delete(sql);
      this.#cache.set(sql, cached);
      return cached;
    }
    // Plain `?` rather than `?NNN`: node:sqlite binds numbered parameters in quadratic time.
    const slots: number[] = [];
    const statement = this.#db.prepare(
      sql.replace(/\$(\d+)/g, (_, n: string) => {
        slots.push(Number(n) - 1);
        return '?';
      }),
    );
    const prepared = { statement, slots };
    this.#cache.set(sql, prepared);
    if (this.#cache.size > STATEMENT_CACHE_SIZE) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    return prepared;
  }
}

const bind = ({ slots }: Prepared, params: readonly SqlValue[]): SQLInputValue[] =>
  slots.map((slot) => {
    const value = params[slot];
    if (value === undefined) throw new RangeError(`SQL placeholder $${slot + 1} has no value`);
    return typeof value === 'boolean' ? Number(value) : value;
  });
