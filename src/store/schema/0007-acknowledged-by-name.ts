import type { Migration } from '../migrate.ts';

/**
 * Version 7. The name of whoever pressed "On it" as people know them (`acked_by_name`): the HubSpot
 * owner's name when the owner pressed it, else their Slack name, so the handoff ping says who without
 * looking them up again. Empty for acknowledgements recorded before (the ping then shows `acked_by`).
 */
export const acknowledgedByNameSchema = (): Migration => ({
  version: 7,
  name: 'acknowledged-by-name',
  sql: `
ALTER TABLE acknowledgements ADD COLUMN acked_by_name TEXT;
`,
});
