import type { MigrationPlan } from '../migrate.ts';
import { initialSchema } from '../schema/0001-initial.ts';

/** SQLite: integers are 64-bit, booleans 0/1, JSON text. Leases are always granted (one process owns the file). */
export const sqliteMigrations: MigrationPlan = {
  migrations: [initialSchema({ int: 'INTEGER', bool: 'INTEGER', json: 'TEXT' })],
  ledger: `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
)`,
  // BEGIN IMMEDIATE (every transaction) already holds the write lock.
  lock: async () => {},
};
