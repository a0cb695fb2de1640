import type { Instant } from '../time.ts';
import type { InstanceRecord } from './instance-record.ts';
import type { Granularity } from './periods.ts';

/** What a report covers: handoffs that entered in [since, until), narrowed by team, rep and stage. */
export interface ReportQuery {
  readonly since: Instant;
  readonly until: Instant;
  readonly period: Granularity;
  /** Team name, or `no-team` for owners in no configured team. */
  readonly team: string | null;
  /** HubSpot owner id or the owner's e-mail (case-insensitive), or `unassigned`. */
  readonly rep: string | null;
  /** Stage key. */
  readonly stage: string | null;
}

/** The team/rep/stage filter (not the time window). */
export function matchesFilters(r: InstanceRecord, q: Pick<ReportQuery, 'team' | 'rep' | 'stage'>): boolean {
  if (q.stage !== null && r.stage !== q.stage) return false;
  if (q.team !== null && (r.owner.team ?? 'no-team') !== q.team) return false;
  if (q.rep !== null) {
    const rep = q.rep.toLowerCase();
    if (r.owner.key.toLowerCase() !== rep && r.owner.email?.toLowerCase() !== rep) return false;
  }
  return true;
}

export const inWindow = (r: InstanceRecord, q: Pick<ReportQuery, 'since' | 'until'>): boolean =>
  r.enteredAt >= q.since && r.enteredAt < q.until;
