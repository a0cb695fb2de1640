import { StoreBusyError, StoreError, StoreQueryError } from '../errors.ts';

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;

interface SqliteFailure {
  readonly errcode?: unknown;
  readonly errstr?: unknown;
  readonly message?: unknown;
}

/** Maps a `node:sqlite` error to a typed store error; busy/locked (after `busy_timeout`) is retryable. */
export function toStoreError(error: unknown, what: string): StoreError {
  if (error instanceof StoreError) return error;
  const failure: SqliteFailure = typeof error === 'object' && error !== null ? error : {};
  const errcode = typeof failure.errcode === 'number' ? failure.errcode : null;
  const message = typeof failure.message === 'string' ? failure.message : String(error);
  const primary = errcode === null ? null : errcode & 0xff;
  if (primary === SQLITE_BUSY || primary === SQLITE_LOCKED) {
    return new StoreBusyError(`SQLite database is locked by another writer (${what})`, { cause: error });
  }
  return new StoreQueryError(`SQLite ${what} failed: ${message}`, errcode === null ? null : String(errcode), {
    cause: error,
  });
}
