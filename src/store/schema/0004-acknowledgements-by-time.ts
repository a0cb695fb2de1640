import type { Migration } from '../migrate.ts';

/**
 * Version 4. The worker asks each cycle which "On it" clicks are new (`acknowledgementsSince`)
 * instead of reading the acknowledgements of every unsettled instance.
 */
export const acknowledgementsByTimeSchema = (): Migration => ({
  version: 4,
  name: 'acknowledgements-by-time',
  sql: `
CREATE INDEX acknowledgements_at ON acknowledgements (at);
`,
});
