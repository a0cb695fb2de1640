import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SqlDriver, SqlExecutor } from '../sql/driver.ts';
import { SerialQueue } from './serial-queue.ts';
import { toStoreError } from './sqlite-errors.ts';
import { SqliteThread } from './sqlite-thread-client.ts';

export interface SqliteOptions {
  /** A file path, or `:memory:`. The parent directory is created if missing. */
  readonly path: string;
  /** How long a writer waits for another one before `StoreBusyError`. */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens a SQLite database through `node:sqlite` (no native addon): WAL, busy_timeout, foreign keys.
 * The connection lives in a thread of its own (ADR 0013): while another process holds the database
 * locked, a statement waits there for up to busy_timeout, and the event loop keeps answering health
 * checks, Slack and webhooks. A failure to open is the failure of every call.
 */
export function openSqliteDriver(options: SqliteOptions): SqlDriver {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const thread = new SqliteThread();
  const queue = new SerialQueue();
  const opened = queue.run(() =>
    thread.command(
      { op: 'open', path: options.path, busyTimeoutMs: options.busyTimeoutMs ?? 5_000 },
      `open of ${options.path}`,
    ),
  );
  // Not unhandled: every call awaits it and fails with it.
  opened.catch(() => {});
  const inner: SqlExecutor = {
    maxBatchParams: 999,
    query: (sql, params = []) => thread.query(sql, params),
    run: (sql, params = []) => thread.run(sql, params),
    script: (sql) => thread.command({ op: 'script', sql }, 'script'),
  };
  // `node:sqlite` runs one statement at a time, but a transaction spans awaits: a call from
  // elsewhere (a Slack button) waits in this queue instead of running inside another caller's
  // transaction and vanishing with its rollback.
  const serial = <T>(work: () => Promise<T>): Promise<T> =>
    queue.run(async () => {
      await opened;
      return work();
    });
  return {
    dialect: 'sqlite',
    maxBatchParams: inner.maxBatchParams,
    query: (sql, params) => serial(() => inner.query(sql, params)),
    run: (sql, params) => serial(() => inner.run(sql, params)),
    script: (sql) => serial(() => inner.script(sql)),
    transaction: (work) =>
      serial(async () => {
        await thread.command({ op: 'begin' }, 'BEGIN');
        try {
          const result = await work(inner);
          await thread.command({ op: 'commit' }, 'COMMIT');
          return result;
        } catch (error) {
          // The error that caused the rollback is the one the caller sees.
          await thread.command({ op: 'rollback' }, 'ROLLBACK').catch(() => {});
          throw toStoreError(error, 'transaction');
        }
      }),
    close: () =>
      queue.run(async () => {
        if (thread.stopped) return;
        try {
          await thread.command({ op: 'close' }, 'close');
        } finally {
          await thread.stop();
        }
      }),
  };
}
