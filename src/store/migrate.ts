import type { Logger } from '../log/logger.ts';
import { SchemaTooNewError } from './errors.ts';
import { intOrNull } from './sql/columns.ts';
import type { SqlDriver, SqlExecutor } from './sql/driver.ts';

/** One forward-only schema step. Versions start at 1 and have no gaps. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export interface MigrationPlan {
  readonly migrations: readonly Migration[];
  /** DDL of the `schema_migrations` ledger (`CREATE TABLE IF NOT EXISTS …`). */
  readonly ledger: string;
  /** Serialises concurrent start-ups (PostgreSQL advisory lock; SQLite's BEGIN IMMEDIATE already does). */
  readonly lock: (tx: SqlExecutor) => Promise<void>;
}

/**
 * Applies the missing migrations in one transaction, recording each in `schema_migrations`.
 * Refuses a database that a newer sla-bot migrated past what this code knows.
 */
export async function migrate(driver: SqlDriver, plan: MigrationPlan, logger: Logger): Promise<void> {
  const latest = plan.migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const applied = await driver.transaction(async (tx) => {
    await plan.lock(tx);
    await tx.script(plan.ledger);
    const [row] = await tx.query('SELECT MAX(version) AS version FROM schema_migrations');
    const current = row === undefined ? 0 : (intOrNull(row, 'version') ?? 0);
    if (current > latest) throw new SchemaTooNewError(current, latest);
    const pending = plan.migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version);
    for (const migration of pending) {
      await tx.script(migration.sql);
      await tx.run('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    return { from: current, pending };
  });
  // The store's logger already names the dialect (`openStore`): said again here, it would be a
  // second `dialect` key on the same line.
  if (applied.pending.length > 0) {
    logger.info(
      {
        from: applied.from,
        to: latest,
        migrations: applied.pending.map((m) => `${m.version}-${m.name}`),
      },
      'store schema migrated',
    );
  }
}
