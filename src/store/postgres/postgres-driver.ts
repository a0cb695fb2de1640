import pg from 'pg';
import type { Logger } from '../../log/logger.ts';
import type { SqlDriver, SqlExecutor, SqlValue } from '../sql/driver.ts';
import { toStoreError } from './postgres-errors.ts';

const INT8 = 20;
const JSON_OID = 114;
const JSONB = 3802;

/** bigint (epoch millis) as numbers, JSON as text: rows look the same as SQLite's. */
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === JSON_OID || oid === JSONB) return (value: string) => value;
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
  },
} satisfies pg.CustomTypesConfig;

export interface PostgresOptions {
  readonly connectionString: string;
  readonly logger: Logger;
  /** Pool size per process. */
  readonly maxConnections?: number;
}

/** A `pg` Pool behind the shared SQL surface; connection failures become `StoreUnavailableError`. */
export function openPostgresDriver(options: PostgresOptions): SqlDriver {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 5,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'sla-bot',
    types,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', (error) => {
    options.logger.warn({ err: toStoreError(error, 'idle connection') }, 'PostgreSQL idle connection failed');
  });
  return {
    dialect: 'postgres',
    ...executor(pool),
    transaction: async (work) => {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw toStoreError(error, 'connect');
      }
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        broken = !(await rollback(client));
        throw toStoreError(error, 'transaction');
      } finally {
        client.release(broken);
      }
    },
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}

function executor(target: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    // Fewer, larger statements: each one is a network round trip (PostgreSQL allows 65,535 values).
    maxBatchParams: 8_000,
    query: async (sql, params = []) => {
      try {
        return (await target.query(sql, params.map(sanitize))).rows;
      } catch (error) {
        throw toStoreError(error, 'query');
      }
    },
    run: async (sql, params = []) => {
      try {
        return (await target.query(sql, params.map(sanitize))).rowCount ?? 0;
      } catch (error) {
        throw toStoreError(error, 'statement');
      }
    },
    script: async (sql) => {
      try {
        await target.query(sql);
      } catch (error) {
        throw toStoreError(error, 'script');
      }
    },
  };
}

/** PostgreSQL text cannot hold NUL; one stray byte from HubSpot must not block every cycle. */
const sanitize = (value: SqlValue): SqlValue =>
  typeof value === 'string' && value.includes('\0') ? value.replaceAll('\0', '\uFFFD') : value;

async function rollback(client: pg.PoolClient): Promise<boolean> {
  try {
    await client.query('ROLLBACK');
    return true;
  } catch {
    // The connection is gone; releasing it as broken discards it (the server rolls back on disconnect).
    return false;
  }
}
