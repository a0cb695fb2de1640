/**
 * PostgreSQL for tests: `TEST_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/test), one
 * throw-away schema per test file (or per test, where a test needs a fresh one). Unreachable → the suites are skipped with a warning, unless
 * `REQUIRE_POSTGRES=1` (CI), where they fail.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REQUIRE_POSTGRES = process.env.REQUIRE_POSTGRES === '1';

/** `null` when PostgreSQL answers, otherwise why not. */
export async function postgresUnavailableReason(): Promise<string | null> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestSchema {
  readonly name: string;
  /** TEST_DATABASE_URL with `search_path` set to this schema. */
  readonly url: string;
  /** Empties every table but the migrations ledger (between tests sharing the schema). */
  clear(): Promise<void>;
  drop(): Promise<void>;
}

export async function createTestSchema(): Promise<TestSchema> {
  const name = `sla_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE SCHEMA ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    url: url.toString(),
    clear: async () => {
      const tables = await admin(
        `SELECT tablename FROM pg_tables WHERE schemaname = '${name}' AND tablename <> 'schema_migrations'`,
      );
      if (tables.length > 0)
        await admin(`TRUNCATE ${tables.map((t) => `${name}.${t.tablename}`).join(', ')}`);
    },
    drop: async () => {
      await admin(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
    },
  };
}

async function admin(sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
