import type { Migration } from '../migrate.ts';
import type { ColumnTypes } from './0001-initial.ts';

/**
 * Version 11 (issue 20). `instances.imported_at`: set on the instances a first install imported (the
 * handoff entered its stage before sla-bot was installed; `poll.backfill`), to the moment of the
 * install. A deadline before it is "before sla-bot": excused, never messaged. Empty for every instance
 * seen live, and for all instances stored before this version.
 */
export const importedAtSchema = (t: ColumnTypes): Migration => ({
  version: 11,
  name: 'imported-at',
  sql: `
ALTER TABLE instances ADD COLUMN imported_at ${t.int};
`,
});
