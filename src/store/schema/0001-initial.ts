import type { Migration } from '../migrate.ts';

/** Column types that differ between the dialects; everything else in the DDL is shared. */
export interface ColumnTypes {
  /** Epoch milliseconds and counts. */
  readonly int: string;
  readonly bool: string;
  /** JSON kept as written (PostgreSQL `json`, not `jsonb`, which rejects `\u0000`). */
  readonly json: string;
}

/**
 * Version 1. Instances keep their lead snapshot as JSON; evaluations keep the full verdict as JSON
 * plus the columns reports filter on. Indexes serve the port's queries: open instances, instances by
 * stage-entry time, touches by contact, due outbox rows, and the report ranges.
 */
export const initialSchema = (t: ColumnTypes): Migration => ({
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE cursors (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at ${t.int} NOT NULL
);

CREATE TABLE instances (
  id TEXT PRIMARY KEY,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  contact_id TEXT NOT NULL,
  stage TEXT NOT NULL,
  policy_name TEXT NOT NULL,
  entered_at ${t.int} NOT NULL,
  owner_id TEXT,
  owner_assigned_at ${t.int},
  first_seen_at ${t.int} NOT NULL,
  closed_at ${t.int},
  close_reason TEXT,
  lead ${t.json} NOT NULL,
  ping_channel TEXT,
  ping_ts TEXT,
  ping_state TEXT
);
CREATE INDEX instances_open ON instances (entered_at, id) WHERE closed_at IS NULL;
CREATE INDEX instances_entered ON instances (entered_at, id);

CREATE TABLE evaluations (
  instance_id TEXT PRIMARY KEY REFERENCES instances (id),
  evaluated_at ${t.int} NOT NULL,
  clock_start ${t.int} NOT NULL,
  first_contact_state TEXT NOT NULL,
  deadline ${t.int} NOT NULL,
  at_risk ${t.bool} NOT NULL,
  breached ${t.bool} NOT NULL,
  excused ${t.bool} NOT NULL,
  first_contact_at ${t.int},
  took ${t.int},
  late_by ${t.int},
  attempts_state TEXT,
  attempts_made ${t.int},
  attempts_required ${t.int},
  overkill ${t.bool} NOT NULL,
  system_delay ${t.int} NOT NULL,
  rep_delay ${t.int},
  acknowledged_at ${t.int},
  settled ${t.bool} NOT NULL,
  next_due_at ${t.int},
  body ${t.json} NOT NULL
);

CREATE TABLE touches (
  contact_id TEXT NOT NULL,
  id TEXT NOT NULL,
  kind TEXT NOT NULL,
  at ${t.int} NOT NULL,
  owner_id TEXT,
  direction TEXT,
  status TEXT,
  outcome TEXT,
  duration_ms ${t.int},
  PRIMARY KEY (contact_id, id)
);

CREATE TABLE acknowledgements (
  instance_id TEXT PRIMARY KEY REFERENCES instances (id),
  acked_by TEXT NOT NULL,
  at ${t.int} NOT NULL
);

CREATE TABLE rejections (
  instance_id TEXT PRIMARY KEY REFERENCES instances (id),
  reason TEXT NOT NULL,
  rejected_by TEXT NOT NULL,
  at ${t.int} NOT NULL
);
CREATE INDEX rejections_at ON rejections (at);

CREATE TABLE silences (
  id TEXT PRIMARY KEY,
  scope_kind TEXT NOT NULL CHECK (scope_kind IN ('owner', 'team')),
  scope_value TEXT NOT NULL,
  from_at ${t.int} NOT NULL,
  until_at ${t.int} NOT NULL,
  reason TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX silences_until ON silences (until_at);

CREATE TABLE outages (
  system TEXT NOT NULL,
  from_at ${t.int} NOT NULL,
  until_at ${t.int} NOT NULL,
  PRIMARY KEY (system, from_at)
);
CREATE INDEX outages_until ON outages (until_at);

CREATE TABLE slack_users (
  email_key TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  slack_user_id TEXT,
  checked_at ${t.int} NOT NULL
);

CREATE TABLE outbox (
  idempotency_key TEXT PRIMARY KEY,
  instance_id TEXT REFERENCES instances (id),
  kind TEXT NOT NULL,
  target ${t.json},
  payload ${t.json} NOT NULL,
  due_at ${t.int} NOT NULL,
  created_at ${t.int} NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
  attempts ${t.int} NOT NULL DEFAULT 0,
  next_attempt_at ${t.int} NOT NULL,
  last_error TEXT,
  ref_channel TEXT,
  ref_ts TEXT,
  sent_at ${t.int},
  failed_at ${t.int},
  fallback TEXT
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE state = 'pending';
CREATE INDEX outbox_due ON outbox (due_at);
CREATE INDEX outbox_instance ON outbox (instance_id);

-- Leader election between processes sharing PostgreSQL (ADR 0003). SQLite grants leases without it.
CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  acquired_at ${t.int} NOT NULL,
  expires_at ${t.int} NOT NULL
);
`,
});
