/**
 * PostgreSQL for tests: `TEST_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/test), one
 * throw-away schema per test file (or per test, where a test needs a fresh one). A missing database is
 * created; an unreachable server → the suites are skipped with a warning saying what is wrong, unless
 * `REQUIRE_POSTGRES=1` (CI), where they fail.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REQUIRE_POSTGRES = process.env.REQUIRE_POSTGRES === '1';

/**
 * `null` when PostgreSQL answers at `url` (creating its database when the server runs but the
 * database does not exist yet, as on a new machine), otherwise what is actually wrong and how to fix it.
 */
export async function postgresUnavailableReason(url = TEST_DATABASE_URL): Promise<string | null> {
  const first = await tryConnect(url);
  if (first === null) return null;
  if (first.code !== 'invalid_catalog_name') return describeFailure(url, first);
  const created = await createDatabase(url);
  if (created !== null) {
    return `database "${databaseName(url)}" does not exist on ${serverOf(url)} and could not be created (${created}); create it with: createdb -h ${new URL(url).hostname} -p ${new URL(url).port || 5432} ${databaseName(url)}`;
  }
  const second = await tryConnect(url);
  return second === null ? null : describeFailure(url, second);
}

/** The start of a skip warning, naming what is wrong and that CI would fail instead. */
export const skipWarning = (what: string, reason: string): string =>
  `Skipping ${what}: ${reason}. CI sets REQUIRE_POSTGRES=1 so it cannot be skipped there.`;

interface Failure {
  readonly code: 'refused' | 'auth' | 'invalid_catalog_name' | 'other';
  readonly message: string;
}

async function tryConnect(url: string): Promise<Failure | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === '3D000') return { code: 'invalid_catalog_name', message };
    if (code === '28P01' || code === '28000') return { code: 'auth', message };
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || /ECONNREFUSED|timeout/i.test(message))
      return { code: 'refused', message };
    return { code: 'other', message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function describeFailure(url: string, failure: Failure): string {
  switch (failure.code) {
    case 'refused':
      return `no PostgreSQL server answers on ${serverOf(url)} (${failure.message}); start it (e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or point TEST_DATABASE_URL at one`;
    case 'auth':
      return `PostgreSQL on ${serverOf(url)} refused the credentials in TEST_DATABASE_URL (${failure.message})`;
    default:
      return `PostgreSQL on ${serverOf(url)} failed: ${failure.message}`;
  }
}

/** CREATE DATABASE through the server's `postgres` database; null on success (or if another file won the race). */
async function createDatabase(url: string): Promise<string | null> {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  maintenance.search = '';
  const client = new pg.Client({ connectionString: maintenance.toString(), connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(databaseName(url))}`);
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '42P04' || code === '23505') return null; // created meanwhile by another test file
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const databaseName = (url: string): string => decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
const serverOf = (url: string): string => `${new URL(url).hostname}:${new URL(url).port || 5432}`;

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
