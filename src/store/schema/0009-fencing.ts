import type { Migration } from '../migrate.ts';
import type { ColumnTypes } from './0001-initial.ts';

/**
 * Version 9. Fencing tokens and per-instance order (ADR 0012). `leases.epoch` counts takeovers: a new
 * holder, or the same one after its lease ran out (a renewal keeps it); rows taken before this version
 * start at 1. An outbox row is claimed for the epoch of the leadership sending it just before each post
 * (`claimed_epoch`, `claimed_at`), in one conditional write a stale leader cannot make.
 * `outbox_pending_instance` finds an instance's pending rows, so delivery holds a row back while an
 * earlier one of the same instance (its handoff ping first) is still pending, in one query;
 * `outbox_pending_due` lets that query walk the pending rows in due order and stop at the batch size
 * (after a long Slack outage with 100,000 rows pending: a batch in under a millisecond on SQLite, not a
 * sort of all of them).
 */
export const fencingSchema = (t: ColumnTypes): Migration => ({
  version: 9,
  name: 'fencing',
  sql: `
ALTER TABLE leases ADD COLUMN epoch ${t.int} NOT NULL DEFAULT 1;
ALTER TABLE outbox ADD COLUMN claimed_epoch ${t.int};
ALTER TABLE outbox ADD COLUMN claimed_at ${t.int};
CREATE INDEX outbox_pending_instance ON outbox (instance_id, created_at) WHERE state = 'pending';
CREATE INDEX outbox_pending_due ON outbox (due_at, idempotency_key) WHERE state = 'pending';
`,
});
