import type { Logger } from '../log/logger.ts';
import type { Store } from '../ports/store.ts';
import { parseDatabaseUrl } from './database-url.ts';
import { openPostgresDriver } from './postgres/postgres-driver.ts';
import { postgresMigrations } from './postgres/postgres-schema.ts';
import { SqlStore } from './sql-store.ts';
import { openSqliteDriver } from './sqlite/sqlite-driver.ts';
import { sqliteMigrations } from './sqlite/sqlite-schema.ts';

export interface OpenStoreDeps {
  readonly logger: Logger;
}

/**
 * Opens the store DATABASE_URL names and brings its schema up to date: `postgres://`/`postgresql://`
 * → PostgreSQL (several sla-bot processes may share it); `file:PATH`, `sqlite:PATH`, a plain path or
 * `:memory:` → embedded SQLite (parent directory created). Throws `SchemaTooNewError` for a database
 * migrated by a newer sla-bot, `StoreUnavailableError` when PostgreSQL cannot be reached.
 */
export async function openStore(databaseUrl: string, deps: OpenStoreDeps): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl);
  const logger = deps.logger.child({ component: 'store', dialect: target.kind });
  const store =
    target.kind === 'postgres'
      ? new SqlStore({
          driver: openPostgresDriver({ connectionString: target.connectionString, logger }),
          migrations: postgresMigrations,
          logger,
          leases: 'exclusive',
        })
      : new SqlStore({
          driver: openSqliteDriver({ path: target.path }),
          migrations: sqliteMigrations,
          logger,
          leases: 'single_process',
        });
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  logger.debug(target.kind === 'sqlite' ? { path: target.path } : {}, 'store opened');
  return store;
}
