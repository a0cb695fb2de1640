import type { Migration } from '../migrate.ts';

/**
 * Version 3. The open instances of some owners (the /sla command lists one rep's or one team's
 * leads) are found by owner instead of by reading every open instance.
 */
export const openByOwnerSchema = (): Migration => ({
  version: 3,
  name: 'open-by-owner',
  sql: `
CREATE INDEX instances_open_owner ON instances (owner_id) WHERE closed_at IS NULL;
`,
});
