import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreBusyError, StoreQueryError } from '../../src/store/errors.ts';
import { openSqliteDriver } from '../../src/store/sqlite/sqlite-driver.ts';
import { CHUNKS_IN_FLIGHT, ROWS_PER_CHUNK } from '../../src/store/sqlite/sqlite-protocol.ts';

/** Lets the event loop go round `turns` times (each a macrotask); resolves only if it is not blocked. */
async function turnsOfTheEventLoop(turns: number): Promise<void> {
  for (let turn = 0; turn < turns; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** Issue 16: `node:sqlite` runs in a thread of its own, so waiting for a lock never blocks the event loop. */
describe('SQLite driver thread', () => {
  let dir = '';
  let file = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-bot-sqlite-thread-'));
    file = join(dir, 'sla-bot.sqlite');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a write waiting for another connection’s lock leaves the event loop running, and goes through once the lock is released', async () => {
    const driver = openSqliteDriver({ path: file, busyTimeoutMs: 2_000 });
    await driver.script('CREATE TABLE t (x INTEGER)');
    const other = new DatabaseSync(file);
    other.exec('BEGIN EXCLUSIVE');

    let settled = false;
    const insert = driver.run('INSERT INTO t VALUES (1)').finally(() => {
      settled = true;
    });
    // On the event loop, the insert would wait out busy_timeout right here and fail.
    await turnsOfTheEventLoop(20);
    expect(settled).toBe(false);
    other.exec('COMMIT');
    other.close();

    expect(await insert).toBe(1);
    expect(await driver.query('SELECT x FROM t')).toEqual([{ x: 1 }]);
    await driver.close();
  });

  it('a transaction waits for the lock at BEGIN, then commits all of it; a call from elsewhere runs after it', async () => {
    const driver = openSqliteDriver({ path: file, busyTimeoutMs: 2_000 });
    await driver.script('CREATE TABLE t (x INTEGER)');
    const other = new DatabaseSync(file);
    other.exec('BEGIN EXCLUSIVE');

    const cycle = driver.transaction(async (tx) => {
      await tx.run('INSERT INTO t VALUES (1)');
      await tx.run('INSERT INTO t VALUES (2)');
      return tx.query('SELECT COUNT(*) AS n FROM t');
    });
    const click = driver.run('INSERT INTO t VALUES (3)');
    await turnsOfTheEventLoop(20);
    other.exec('COMMIT');
    other.close();

    expect(await cycle).toEqual([{ n: 2 }]);
    expect(await click).toBe(1);
    expect(await driver.query('SELECT x FROM t ORDER BY rowid')).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
    await driver.close();
  });

  it('a transaction still locked out after busy_timeout fails as retryable and leaves nothing behind', async () => {
    const driver = openSqliteDriver({ path: file, busyTimeoutMs: 50 });
    await driver.script('CREATE TABLE t (x INTEGER)');
    const other = new DatabaseSync(file);
    other.exec('BEGIN EXCLUSIVE');
    let ran = false;

    const cycle = driver.transaction(async (tx) => {
      ran = true;
      await tx.run('INSERT INTO t VALUES (1)');
    });

    await expect(cycle).rejects.toBeInstanceOf(StoreBusyError);
    expect(ran).toBe(false);
    other.exec('COMMIT');
    other.close();
    expect(await driver.query('SELECT x FROM t')).toEqual([]);
    await driver.close();
  });

  it('a result of several chunks arrives whole, in order, with its column names and types', async () => {
    const driver = openSqliteDriver({ path: ':memory:' });
    const count = ROWS_PER_CHUNK * (CHUNKS_IN_FLIGHT + 2) + 7;

    const rows = await driver.query(
      `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < $1)
       SELECT x, 'row ' || x AS label, NULL AS empty, x / 2.0 AS half, x'00ff' AS bytes FROM n`,
      [count],
    );

    expect(rows).toHaveLength(count);
    expect(rows[0]).toEqual({
      x: 1,
      label: 'row 1',
      empty: null,
      half: 0.5,
      bytes: new Uint8Array([0, 255]),
    });
    expect(rows.map((r) => r.x)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(await driver.query('SELECT $1 AS yes, $2 AS no', [true, false])).toEqual([{ yes: 1, no: 0 }]);
    await driver.close();
  });

  it('a query failing after some chunks were sent fails whole, and the next one works', async () => {
    const driver = openSqliteDriver({ path: ':memory:' });
    const failAt = ROWS_PER_CHUNK * (CHUNKS_IN_FLIGHT + 1) + 3;

    const failing = driver.query(
      `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < $1)
       SELECT x, CASE WHEN x = $2 THEN json('not json') ELSE x END AS y FROM n`,
      [failAt + 100, failAt],
    );

    await expect(failing).rejects.toBeInstanceOf(StoreQueryError);
    await expect(failing).rejects.toThrow(/SQLite query failed: malformed JSON/);
    expect(await driver.query('SELECT 42 AS answer')).toEqual([{ answer: 42 }]);
    await driver.close();
  });

  it('a database that cannot be opened fails every call with the reason; close still works', async () => {
    const driver = openSqliteDriver({ path: dir }); // a directory

    await expect(driver.query('SELECT 1')).rejects.toThrow(`SQLite open of ${dir} failed`);
    await expect(driver.run('SELECT 1')).rejects.toBeInstanceOf(StoreQueryError);
    await driver.close();
  });

  it('SQLite errors keep their code; after close, calls fail and a second close is harmless', async () => {
    const driver = openSqliteDriver({ path: ':memory:' });

    const missing = driver.query('SELECT * FROM nowhere');
    await expect(missing).rejects.toMatchObject({
      code: 'store_query_failed',
      dbCode: '1',
      retryable: false,
    });
    await expect(missing).rejects.toThrow('SQLite query failed: no such table: nowhere');
    await driver.close();
    await expect(driver.query('SELECT 1')).rejects.toThrow('SQLite query failed: database is not open');
    await driver.close();
  });

  it('an open store does not keep the process alive (as `DatabaseSync` never did)', async () => {
    const driverUrl = new URL('../../src/store/sqlite/sqlite-driver.ts', import.meta.url).href;
    const script = `
import { openSqliteDriver } from ${JSON.stringify(driverUrl)};
const driver = openSqliteDriver({ path: ':memory:' });
process.stdout.write(JSON.stringify(await driver.query('SELECT 1 AS one')));`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script]);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });

    const [code] = await once(child, 'exit');

    expect({ code, stdout }).toEqual({ code: 0, stdout: '[{"one":1}]' });
  });
});
