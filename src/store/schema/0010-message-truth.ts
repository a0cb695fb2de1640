import type { Migration } from '../migrate.ts';
import type { ColumnTypes } from './0001-initial.ts';

/**
 * Version 10 (issue 15). Every sent message about an SLA instance tells the truth as it is now.
 * A sent outbox row keeps what its message shows (`shown`, a fingerprint), whose lead it was
 * (`about_owner`) and every copy posted (`copies`: channel, ts, the reader's zone and the fallback
 * banner). When the instance's truth changes, the cycle that finds it asks for its sent rows to be
 * checked in the same transaction (`edit_due_at`, `edit_next_at`, and `edit_seq` counting the requests,
 * so an update clears only the ones it saw); delivery then updates in place the messages whose
 * content would differ, through the fenced claim of ADR 0012. `outbox_edits_due` finds the rows due.
 * `instances.close_detail` keeps what the close reason leaves out: the record a deleted lead was merged
 * into, or who marked it not a fit.
 */
export const messageTruthSchema = (t: ColumnTypes): Migration => ({
  version: 10,
  name: 'message-truth',
  sql: `
ALTER TABLE instances ADD COLUMN close_detail TEXT;
ALTER TABLE outbox ADD COLUMN shown TEXT;
ALTER TABLE outbox ADD COLUMN about_owner TEXT;
ALTER TABLE outbox ADD COLUMN copies ${t.json};
ALTER TABLE outbox ADD COLUMN edit_due_at ${t.int};
ALTER TABLE outbox ADD COLUMN edit_next_at ${t.int};
ALTER TABLE outbox ADD COLUMN edit_seq ${t.int} NOT NULL DEFAULT 0;
CREATE INDEX outbox_edits_due ON outbox (edit_next_at, idempotency_key) WHERE edit_due_at IS NOT NULL;
`,
});
