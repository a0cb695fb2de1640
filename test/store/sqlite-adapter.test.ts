import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { SchemaTooNewError, StoreBusyError } from '../../src/store/errors.ts';
import { migrate } from '../../src/store/migrate.ts';
import { openStore } from '../../src/store/open-store.ts';
import { SqlStore } from '../../src/store/sql-store.ts';
import { openSqliteDriver } from '../../src/store/sqlite/sqlite-driver.ts';
import { sqliteMigrations } from '../../src/store/sqlite/sqlite-schema.ts';
import { captureLogger } from '../fakes/logger.ts';
import { linesWithDuplicateKeys } from '../support/log-keys.ts';
import { openingCycle } from './builders.ts';

const logger = createLogger('silent');

describe('SQLite adapter', () => {
  let dir = '';
  let file = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sla-bot-sqlite-'));
    file = join(dir, 'nested', 'dirs', 'sla-bot.sqlite');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the directory, writes in WAL mode, and keeps the data across restarts', async () => {
    const first = await openStore(`sqlite:${file}`, { logger });
    await first.commitCycle(openingCycle(3));
    await first.close();

    const raw = new DatabaseSync(file);
    expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    raw.close();
    const second = await openStore(file, { logger });
    expect(await second.openInstances()).toHaveLength(3);
    await second.close();
  });

  it('names the dialect once on each line it logs', async () => {
    const { logger: captured, raw, lines } = captureLogger('trace');
    await (await openStore(file, { logger: captured })).close();

    expect(lines().map((l) => [l.msg, l.dialect])).toEqual([
      ['store schema migrated', 'sqlite'],
      ['store opened', 'sqlite'],
    ]);
    expect(linesWithDuplicateKeys(raw())).toEqual([]);
  });

  it('an in-memory store works for tests', async () => {
    const store = await openStore(':memory:', { logger });
    await store.commitCycle(openingCycle(2));
    expect(await store.openInstances()).toHaveLength(2);
    await store.close();
  });

  it('a write blocked by another process past busy_timeout fails as retryable and loses nothing', async () => {
    const store = new SqlStore({
      driver: openSqliteDriver({ path: file, busyTimeoutMs: 20 }),
      migrations: sqliteMigrations,
      logger,
      leases: 'single_process',
    });
    await store.migrate();
    const other = new DatabaseSync(file);
    other.exec('BEGIN IMMEDIATE');

    const blocked = store.commitCycle(openingCycle(2));
    await expect(blocked).rejects.toBeInstanceOf(StoreBusyError);
    await expect(blocked).rejects.toMatchObject({ retryable: true, code: 'store_busy' });

    other.exec('COMMIT');
    other.close();
    await store.commitCycle(openingCycle(2));
    expect(await store.openInstances()).toHaveLength(2);
    await store.close();
  });

  it('a statement arriving while a transaction is open waits for it, and is not rolled back with it', async () => {
    const driver = openSqliteDriver({ path: file });
    await driver.script('CREATE TABLE t (x INTEGER)');
    let entered = () => {};
    let release = () => {};
    const inside = new Promise<void>((resolve) => {
      entered = resolve;
    });
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const cycleWrite = driver.transaction(async (tx) => {
      await tx.run('INSERT INTO t VALUES (1)');
      entered();
      await gate;
      throw new Error('the cycle failed half-way');
    });
    await inside;

    const buttonClick = driver.run('INSERT INTO t VALUES (2)');
    release();

    await expect(cycleWrite).rejects.toThrow('the cycle failed half-way');
    expect(await buttonClick).toBe(1);
    expect(await driver.query('SELECT x FROM t')).toEqual([{ x: 2 }]);
    await driver.close();
  });

  it('refuses a database migrated by a newer sla-bot, and leaves it untouched', async () => {
    await (await openStore(file, { logger })).close();
    const raw = new DatabaseSync(file);
    raw.exec("INSERT INTO schema_migrations (version, name) VALUES (99, 'from-the-future')");
    raw.close();

    const opening = openStore(file, { logger });

    await expect(opening).rejects.toBeInstanceOf(SchemaTooNewError);
    const latest = Math.max(...sqliteMigrations.migrations.map((m) => m.version));
    await expect(opening).rejects.toThrow(
      `schema is at version 99, but this sla-bot only knows versions up to ${latest}:`,
    );
  });

  it('a migration that fails half-way applies nothing', async () => {
    const driver = openSqliteDriver({ path: file });
    const plan = {
      ...sqliteMigrations,
      migrations: [
        ...sqliteMigrations.migrations,
        {
          version: 2,
          name: 'broken',
          sql: 'CREATE TABLE extra (x INTEGER); CREATE TABLE cursors (oops TEXT);',
        },
      ],
    };

    await expect(migrate(driver, plan, logger)).rejects.toThrow(/already exists/);

    expect(await driver.query("SELECT name FROM sqlite_master WHERE type = 'table'")).toEqual([]);
    await driver.close();
  });
});
