import type { Instant } from '../time.ts';
import type { ReportFacts, ReportSetup } from './facts.ts';
import type { Figure } from './figure.ts';
import { type InstanceRecord, instanceRecords } from './instance-record.ts';
import { type InstanceSummary, worstBreaches } from './instance-summary.ts';
import { speedRow } from './speed.ts';
import { type UncontactedRow, uncontacted } from './uncontacted.ts';

/** A manager's weekly digest: their team's compliance, worst breaches, uncontacted leads, trend. */
export interface TeamDigest {
  readonly team: string;
  readonly manager: string;
  readonly since: Instant;
  readonly until: Instant;
  readonly handoffs: Figure;
  readonly compliance: Figure;
  /** The same figure over the period before (same length). */
  readonly previousCompliance: Figure;
  /** Percentage points against the previous period; `null` when either is undefined. */
  readonly trend: number | null;
  readonly met: Figure;
  /** Of `met`, breaches announced and then retracted (see `SpeedRow.corrected`). */
  readonly corrected: Figure;
  readonly breached: Figure;
  readonly excused: Figure;
  readonly medianToContact: Figure;
  readonly worst: readonly InstanceSummary[];
  readonly uncontacted: UncontactedRow;
}

export const DIGEST_WORST = 3;

/** One digest per configured team, for handoffs in [since, until) compared with the period before. */
export function buildDigests(
  facts: ReportFacts,
  setup: ReportSetup,
  window: { readonly since: Instant; readonly until: Instant },
  now: Instant,
): TeamDigest[] {
  const records = instanceRecords(facts, setup, now);
  const length = window.until - window.since;
  const between = (from: Instant, until: Instant) => (r: InstanceRecord) =>
    r.enteredAt >= from && r.enteredAt < until;
  return setup.teams.map((team) => {
    const mine = records.filter((r) => r.owner.team === team.name);
    const current = mine.filter(between(window.since, window.until));
    const before = mine.filter(between(window.since - length, window.since));
    const row = speedRow({ key: team.name, label: team.name }, current);
    const previous = speedRow({ key: team.name, label: team.name }, before);
    const thisTime = row.compliance.value;
    const lastTime = previous.compliance.value;
    return {
      team: team.name,
      manager: team.manager,
      since: window.since,
      until: window.until,
      handoffs: row.handoffs,
      compliance: row.compliance,
      previousCompliance: previous.compliance,
      trend: thisTime === null || lastTime === null ? null : Math.round((thisTime - lastTime) * 10) / 10,
      met: row.met,
      corrected: row.corrected,
      breached: row.breached,
      excused: row.excused,
      medianToContact: row.timeToContact.median,
      worst: worstBreaches(current, DIGEST_WORST),
      uncontacted: uncontacted(mine, now).total,
    };
  });
}
