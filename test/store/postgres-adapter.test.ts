import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import type { Store } from '../../src/ports/store.ts';
import { SchemaTooNewError, StoreUnavailableError } from '../../src/store/errors.ts';
import { openStore } from '../../src/store/open-store.ts';
import { postgresMigrations } from '../../src/store/postgres/postgres-schema.ts';
import { cycle, openingCycle, T0, touch } from './builders.ts';
import {
  createTestSchema,
  postgresUnavailableReason,
  REQUIRE_POSTGRES,
  skipWarning,
  type TestSchema,
} from './postgres-harness.ts';

const logger = createLogger('silent');

describe('PostgreSQL adapter without a server', () => {
  it('an unreachable server is a retryable error, and the message does not leak the password', async () => {
    const opening = openStore('postgres://sla:hunter2@127.0.0.1:1/sla', { logger });

    await expect(opening).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(opening).rejects.toMatchObject({ retryable: true, code: 'store_unavailable' });
    await expect(opening).rejects.not.toThrow(/hunter2/);
  });
});

const unavailable = await postgresUnavailableReason();
if (unavailable !== null && !REQUIRE_POSTGRES) {
  console.warn(skipWarning('the PostgreSQL adapter tests', unavailable));
}

describe.skipIf(unavailable !== null && !REQUIRE_POSTGRES)('PostgreSQL adapter', () => {
  const schemas: TestSchema[] = [];
  const stores: Store[] = [];
  const fresh = async () => {
    const schema = await createTestSchema();
    schemas.push(schema);
    return schema;
  };
  const open = async (url: string) => {
    const store = await openStore(url, { logger });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const schema of schemas.splice(0)) await schema.drop();
  });

  it('several processes starting at once on an empty database migrate it once', async () => {
    const schema = await fresh();

    const started = await Promise.all([1, 2, 3, 4].map(() => open(schema.url)));
    await started[0]?.commitCycle(openingCycle(1));

    expect(await started[3]?.openInstances()).toHaveLength(1);
    const ledger = await adminQuery(schema, 'SELECT version FROM schema_migrations');
    // Every migration of the plan, each once.
    const versions = postgresMigrations.migrations.map((m) => m.version).sort((a, b) => a - b);
    expect(versions.slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ledger).toEqual(versions.map((version) => ({ version })));
  });

  it('refuses a database migrated by a newer sla-bot', async () => {
    const schema = await fresh();
    await (await openStore(schema.url, { logger })).close();
    await adminQuery(schema, "INSERT INTO schema_migrations (version, name) VALUES (99, 'from-the-future')");

    await expect(openStore(schema.url, { logger })).rejects.toBeInstanceOf(SchemaTooNewError);
  });

  it('a NUL byte from HubSpot in a text column does not block the cycle', async () => {
    const store = await open((await fresh()).url);

    await store.commitCycle(cycle({ touches: [touch('7', 1, { outcome: 'Left\u0000voicemail' })] }));

    expect((await store.touchesOf(['7']))[0]?.outcome).toBe('Left\uFFFDvoicemail');
  });

  it('a connection the server drops fails at most one call, as retryable, and is then replaced', async () => {
    const schema = await fresh();
    const url = new URL(schema.url);
    url.searchParams.set('application_name', schema.name);
    const store = await open(url.toString());
    await store.commitCycle(cycle({ cursors: { a: '1' }, now: T0 }));

    const killed = await adminQuery(
      schema,
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = '${schema.name}'`,
    );
    expect(killed.length).toBeGreaterThan(0);

    // The pool may hand out the dying connection once before it notices the drop.
    const first = await store.cursors().catch((error: unknown) => error);
    if (!(first instanceof StoreUnavailableError)) expect(first).toEqual({ a: '1' });
    expect(await store.cursors()).toEqual({ a: '1' });
  });
});

async function adminQuery(schema: TestSchema, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: schema.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
