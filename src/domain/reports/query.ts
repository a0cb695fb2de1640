import type { Instant } from '../time.ts';
import type { InstanceRecord } from './instance-record.ts';
import type { Granularity } from './periods.ts';

/**
 * Whose leads a reader may see, on top of the filters: `all`, or the leads owned by one of `emails`
 * or by a member of one of `teams` (the dashboard's rep and manager views, issue 16).
 */
export type ReportScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'people'; readonly teams: readonly string[]; readonly emails: readonly string[] };

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
  /** Absent: `all`. */
  readonly scope?: ReportScope;
}

/** Whether the reader's scope covers a lead (e-mails compared case-insensitively). */
export function inScope(r: Pick<InstanceRecord, 'owner'>, scope: ReportScope | undefined): boolean {
  if (scope === undefined || scope.kind === 'all') return true;
  if (r.owner.team !== null && scope.teams.includes(r.owner.team)) return true;
  const email = r.owner.email?.toLowerCase();
  return email !== undefined && scope.emails.some((e) => e.toLowerCase() === email);
}

/** The scope and the team/rep/stage filter (not the time window). */
export function matchesFilters(
  r: InstanceRecord,
  q: Pick<ReportQuery, 'team' | 'rep' | 'stage' | 'scope'>,
): boolean {
  if (!inScope(r, q.scope)) return false;
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
