import type { MigrationPlan } from '../migrate.ts';
import { type ColumnTypes, initialSchema } from '../schema/0001-initial.ts';
import { dealsAndOwnersSchema } from '../schema/0002-deals-owners.ts';
import { openByOwnerSchema } from '../schema/0003-open-by-owner.ts';
import { acknowledgementsByTimeSchema } from '../schema/0004-acknowledgements-by-time.ts';
import { ownerChangedAtSchema } from '../schema/0005-owner-changed-at.ts';
import { outboxInDoubtSchema } from '../schema/0006-outbox-in-doubt.ts';
import { acknowledgedByNameSchema } from '../schema/0007-acknowledged-by-name.ts';
import { firstContactKindSchema } from '../schema/0008-first-contact-kind.ts';
import { fencingSchema } from '../schema/0009-fencing.ts';
import { messageTruthSchema } from '../schema/0010-message-truth.ts';
import { importedAtSchema } from '../schema/0011-imported-at.ts';
import { reassignmentsSchema } from '../schema/0012-reassignments.ts';
import { reassignmentWaitedSchema } from '../schema/0013-reassignment-waited.ts';

const TYPES: ColumnTypes = { int: 'INTEGER', bool: 'INTEGER', json: 'TEXT' };

/** SQLite: integers are 64-bit, booleans 0/1, JSON text. Leases are always granted (one process owns the file). */
export const sqliteMigrations: MigrationPlan = {
  migrations: [
    initialSchema(TYPES),
    dealsAndOwnersSchema(TYPES),
    openByOwnerSchema(),
    acknowledgementsByTimeSchema(),
    ownerChangedAtSchema(TYPES),
    outboxInDoubtSchema(TYPES),
    acknowledgedByNameSchema(),
    firstContactKindSchema(),
    fencingSchema(TYPES),
    messageTruthSchema(TYPES),
    importedAtSchema(TYPES),
    reassignmentsSchema(TYPES),
    reassignmentWaitedSchema(TYPES),
  ],
  ledger: `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
)`,
  // BEGIN IMMEDIATE (every transaction) already holds the write lock.
  lock: async () => {},
};
