import type { Migration } from '../migrate.ts';
import type { ColumnTypes } from './0001-initial.ts';

/**
 * Version 2. HubSpot deals of contacts that reached a deal-tracked stage (SQL → won, average deal
 * value), the contact → deal links and when each contact's deals were last read (the worker's
 * round-robin), and the owner directory (names and teams in reports without a HubSpot token).
 * Flags are integers 0/1 in both dialects. Amounts stay decimal strings as HubSpot wrote them.
 */
export const dealsAndOwnersSchema = (t: ColumnTypes): Migration => ({
  version: 2,
  name: 'deals-owners',
  sql: `
CREATE TABLE deals (
  id TEXT PRIMARY KEY,
  pipeline TEXT,
  stage TEXT,
  closed ${t.int} NOT NULL,
  closed_won ${t.int} NOT NULL,
  closed_at ${t.int},
  amount TEXT,
  currency TEXT,
  created_at ${t.int},
  read_at ${t.int} NOT NULL
);

CREATE TABLE contact_deals (
  contact_id TEXT NOT NULL,
  deal_id TEXT NOT NULL,
  PRIMARY KEY (contact_id, deal_id)
);

CREATE TABLE deal_refreshes (
  contact_id TEXT PRIMARY KEY,
  refreshed_at ${t.int} NOT NULL
);

CREATE INDEX instances_stage_entered ON instances (stage, entered_at);

CREATE TABLE owners (
  id TEXT PRIMARY KEY,
  email TEXT,
  first_name TEXT,
  last_name TEXT,
  user_id TEXT,
  active ${t.int} NOT NULL,
  seen_at ${t.int} NOT NULL
);
`,
});
