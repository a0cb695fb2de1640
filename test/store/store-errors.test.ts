import { describe, expect, it } from 'vitest';
import { StoreBusyError, StoreQueryError, StoreUnavailableError } from '../../src/store/errors.ts';
import { toStoreError as fromPostgres } from '../../src/store/postgres/postgres-errors.ts';
import { toStoreError as fromSqlite } from '../../src/store/sqlite/sqlite-errors.ts';

const pgError = (code: string | undefined, message = 'boom') => Object.assign(new Error(message), { code });

describe('PostgreSQL errors are told apart: retry, or fix something', () => {
  it.each([
    ['ECONNREFUSED', StoreUnavailableError],
    ['ECONNRESET', StoreUnavailableError],
    ['08006', StoreUnavailableError],
    ['57P01', StoreUnavailableError],
    ['53300', StoreUnavailableError],
    ['40001', StoreBusyError],
    ['40P01', StoreBusyError],
    ['23505', StoreQueryError],
    ['42P01', StoreQueryError],
  ])('%s', (code, type) => {
    const error = fromPostgres(pgError(code), 'query');
    expect(error).toBeInstanceOf(type);
    expect(error.retryable).toBe(type !== StoreQueryError);
  });

  it('pg connection failures without a code are retryable', () => {
    expect(fromPostgres(pgError(undefined, 'Connection terminated unexpectedly'), 'query')).toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(
      fromPostgres(pgError(undefined, 'timeout exceeded when trying to connect'), 'query'),
    ).toBeInstanceOf(StoreUnavailableError);
  });

  it('a wrong password says what to check and keeps the SQLSTATE', () => {
    const error = fromPostgres(pgError('28P01', 'password authentication failed for user "sla"'), 'connect');
    expect(error).toBeInstanceOf(StoreQueryError);
    expect(error).toMatchObject({ dbCode: '28P01', retryable: false });
    expect(error.message).toMatch(/check the user and password in DATABASE_URL/);
  });
});

describe('SQLite errors', () => {
  const sqliteError = (errcode: number) =>
    Object.assign(new Error('database is locked'), { code: 'ERR_SQLITE_ERROR', errcode });

  it.each([
    [5, StoreBusyError],
    [517, StoreBusyError],
    [6, StoreBusyError],
    [19, StoreQueryError],
    [1, StoreQueryError],
  ])('result code %i', (errcode, type) => {
    expect(fromSqlite(sqliteError(errcode), 'statement')).toBeInstanceOf(type);
  });
});
