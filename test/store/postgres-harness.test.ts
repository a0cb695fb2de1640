import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  postgresUnavailableReason,
  REQUIRE_POSTGRES,
  skipWarning,
  TEST_DATABASE_URL,
} from './postgres-harness.ts';

const serverDown = await postgresUnavailableReason();
const name = `sla_harness_${randomBytes(4).toString('hex')}`;
const url = new URL(TEST_DATABASE_URL);
url.pathname = `/${name}`;

/** The harness tells what is wrong, and creates a missing database on a running server (a new machine). */
describe('PostgreSQL test harness', () => {
  it('names the server that does not answer and how to start one, not a generic hint', async () => {
    const reason = await postgresUnavailableReason('postgres://postgres@127.0.0.1:1/test');
    expect(reason).toMatch(/^no PostgreSQL server answers on 127\.0\.0\.1:1 \(.*\); start it/);
    expect(skipWarning('x', reason ?? '')).toContain('CI sets REQUIRE_POSTGRES=1');
  });

  afterAll(async () => {
    if (serverDown !== null) return;
    const maintenance = new URL(TEST_DATABASE_URL);
    maintenance.pathname = '/postgres';
    const client = new pg.Client({ connectionString: maintenance.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.end();
  });

  it.skipIf(serverDown !== null && !REQUIRE_POSTGRES)(
    'creates the database a running server lacks, then answers',
    async () => {
      expect(await postgresUnavailableReason(url.toString())).toBeNull();
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      expect((await client.query('SELECT current_database() AS db')).rows[0]).toEqual({ db: name });
      await client.end();
    },
  );
});
