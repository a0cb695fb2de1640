import type { Migration } from '../migrate.ts';
import type { ColumnTypes } from './0001-initial.ts';

/**
 * Version 12 (issue 18). `reassignments`: every reassignment sla-bot decided (an escalation level's
 * `reassign:` or a teammate's "Take it"), with whom it moved from and to, why, and whether
 * `hubspot_owner_id` was written. At most one per instance and deadline (`reassignments_per_deadline`):
 * the store decides, so two replicas or two clicks cannot both move a lead. The HubSpot write claims its
 * row for the lease epoch first (`claimed_epoch`, ADR 0012), so a stale leader writes nothing.
 * `round_robin_positions`: per team, the rep last given a lead by round-robin (the order survives
 * restarts; it moves only with a recorded reassignment).
 */
export const reassignmentsSchema = (t: ColumnTypes): Migration => ({
  version: 12,
  name: 'reassignments',
  sql: `
CREATE TABLE reassignments (
  reassign_key TEXT PRIMARY KEY,
  instance_id TEXT NOT NULL,
  deadline_at ${t.int} NOT NULL,
  kind TEXT NOT NULL,
  level ${t.int},
  from_owner_id TEXT,
  to_owner_id TEXT NOT NULL,
  to_email TEXT NOT NULL,
  skipped ${t.json} NOT NULL,
  at ${t.int} NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  claimed_epoch ${t.int},
  settled_at ${t.int},
  last_error TEXT
);
CREATE UNIQUE INDEX reassignments_per_deadline ON reassignments (instance_id, deadline_at);
CREATE INDEX reassignments_pending ON reassignments (at) WHERE state = 'pending';
CREATE TABLE round_robin_positions (
  team TEXT PRIMARY KEY,
  last_email TEXT NOT NULL,
  updated_at ${t.int} NOT NULL
);
`,
});
