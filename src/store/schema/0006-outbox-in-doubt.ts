import type { Migration } from '../migrate.ts';
import type { ColumnTypes } from './0001-initial.ts';

/**
 * Version 6. When the earliest attempt of a pending outbox row that may have reached Slack unconfirmed
 * began (`in_doubt_since`): set just before each send, cleared when an attempt ends in a definite
 * answer. A row found with it set (an ambiguous failure, or a crash mid-send) is looked for in Slack by
 * its key before it is sent again (docs/platform-contract.md, SD-9).
 */
export const outboxInDoubtSchema = (t: ColumnTypes): Migration => ({
  version: 6,
  name: 'outbox-in-doubt',
  sql: `
ALTER TABLE outbox ADD COLUMN in_doubt_since ${t.int};
`,
});
