import type { Migration } from '../migrate.ts';
import type { ColumnTypes } from './0001-initial.ts';

/**
 * Version 5. When an open lead last changed hands (`ownerChangedAt`): the clock restarts from it
 * under `restartOnOwnerChange`, and the worker reads settled instances back from the store, so the
 * store must keep it. Empty for instances stored before (their owner changes were not recorded).
 */
export const ownerChangedAtSchema = (t: ColumnTypes): Migration => ({
  version: 5,
  name: 'owner-changed-at',
  sql: `
ALTER TABLE instances ADD COLUMN owner_changed_at ${t.int};
`,
});
