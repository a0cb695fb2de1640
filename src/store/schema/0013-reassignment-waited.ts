import type { Migration } from '../migrate.ts';
import type { ColumnTypes } from './0001-initial.ts';

/**
 * Version 13 (issue 18). `reassignments.waited_ms`: how long the lead had waited without contact when
 * the reassignment was decided, from its clock start. The messages say it ("reassigned to Eva after 5m
 * without contact"), also after a new owner's clock restarted. 0 for rows decided before (none were
 * written: the stage did not run before this version).
 */
export const reassignmentWaitedSchema = (t: ColumnTypes): Migration => ({
  version: 13,
  name: 'reassignment-waited',
  sql: `ALTER TABLE reassignments ADD COLUMN waited_ms ${t.int} NOT NULL DEFAULT 0;`,
});
