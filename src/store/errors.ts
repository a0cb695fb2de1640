/**
 * Errors the store raises. Callers branch on `retryable`: a busy or unreachable database is worth
 * another try next cycle; a broken query or a schema written by a newer sla-bot is not.
 */
export type StoreErrorCode =
  | 'store_busy'
  | 'store_unavailable'
  | 'store_query_failed'
  | 'schema_too_new'
  | 'store_not_found'
  | 'invalid_database_url';

export abstract class StoreError extends Error {
  abstract readonly code: StoreErrorCode;
  abstract readonly retryable: boolean;
}

/** The database is locked by another writer (SQLite `SQLITE_BUSY` after `busy_timeout`, PostgreSQL lock/serialization conflicts). */
export class StoreBusyError extends StoreError {
  override readonly name = 'StoreBusyError';
  readonly code = 'store_busy';
  readonly retryable = true;
  constructor(message: string, options?: ErrorOptions) {
    super(`${message}; the write was rolled back and can be retried`, options);
  }
}

/** The database cannot be reached (PostgreSQL down, connection dropped, pool exhausted). */
export class StoreUnavailableError extends StoreError {
  override readonly name = 'StoreUnavailableError';
  readonly code = 'store_unavailable';
  readonly retryable = true;
}

/** A statement failed for a reason retrying will not fix (constraint, syntax, permissions). */
export class StoreQueryError extends StoreError {
  override readonly name = 'StoreQueryError';
  readonly code = 'store_query_failed';
  readonly retryable = false;
  /** The database's own error code (SQLSTATE for PostgreSQL, result code for SQLite), if any. */
  readonly dbCode: string | null;
  constructor(message: string, dbCode: string | null, options?: ErrorOptions) {
    super(message, options);
    this.dbCode = dbCode;
  }
}

/** The database was migrated by a newer sla-bot: running older code against it could corrupt it. */
export class SchemaTooNewError extends StoreError {
  override readonly name = 'SchemaTooNewError';
  readonly code = 'schema_too_new';
  readonly retryable = false;
  readonly databaseVersion: number;
  readonly codeVersion: number;
  constructor(databaseVersion: number, codeVersion: number) {
    super(
      `The database schema is at version ${databaseVersion}, but this sla-bot only knows versions up to ${codeVersion}: ` +
        'a newer sla-bot has migrated it. Upgrade sla-bot, or point DATABASE_URL at another database ' +
        '(migrations are forward-only).',
    );
    this.databaseVersion = databaseVersion;
    this.codeVersion = codeVersion;
  }
}

/** An update named a row that does not exist (an outbox key or instance id the store never saw). */
export class StoreNotFoundError extends StoreError {
  override readonly name = 'StoreNotFoundError';
  readonly code = 'store_not_found';
  readonly retryable = false;
}

/** DATABASE_URL cannot be used. */
export class InvalidDatabaseUrlError extends StoreError {
  override readonly name = 'InvalidDatabaseUrlError';
  readonly code = 'invalid_database_url';
  readonly retryable = false;
}
