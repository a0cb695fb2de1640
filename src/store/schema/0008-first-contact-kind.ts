import type { Migration } from '../migrate.ts';

/**
 * Version 8. What the first contact was (`first_contact_kind`: `reached`, or `attempt` for a call that
 * did not connect), read with the other verdict columns at start so a settled instance's handoff ping
 * is known to show it (`OpenInstanceSummary`). Empty while uncontacted and for evaluations stored before.
 */
export const firstContactKindSchema = (): Migration => ({
  version: 8,
  name: 'first-contact-kind',
  sql: `
ALTER TABLE evaluations ADD COLUMN first_contact_kind TEXT;
`,
});
