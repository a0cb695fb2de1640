import type { Instant } from '../time.ts';
import { type Breakdown, breakdown } from './breakdown.ts';
import { type Conversion, conversions } from './conversion.ts';
import { dealStages } from './deal-stages.ts';
import { type Deals, dealFigures } from './deals.ts';
import { type StageDelivery, stageDeliveries } from './delivery.ts';
import { type DepthRow, depthRow } from './depth.ts';
import type { ReportFacts, ReportSetup } from './facts.ts';
import { notAFitReasons, type ReasonRow } from './feedback.ts';
import { type InstanceRecord, instanceRecords } from './instance-record.ts';
import { type InstanceSummary, instanceSummary, worstBreaches } from './instance-summary.ts';
import { type Messages, messageCounts } from './messages.ts';
import { type ReportNote, reportNotes } from './notes.ts';
import { periodLookup, periodOf, periodsBetween } from './periods.ts';
import { inWindow, matchesFilters, type ReportQuery } from './query.ts';
import { type SpeedRow, speedRow } from './speed.ts';
import { type Uncontacted, uncontacted } from './uncontacted.ts';

/** The SLA meeting's numbers. Every `Figure` carries the ids of the instances behind it; `leads` describes each. */
export interface Report {
  readonly generatedAt: Instant;
  readonly zone: string;
  readonly query: ReportQuery;
  readonly speed: Breakdown<SpeedRow>;
  readonly depth: Breakdown<DepthRow>;
  /** Open now and never contacted, whenever they entered (team/rep/stage filters apply). */
  readonly uncontacted: Uncontacted;
  readonly delivery: {
    readonly stages: readonly StageDelivery[];
    readonly conversion: readonly Conversion[];
    readonly deals: Deals;
    readonly notAFit: readonly ReasonRow[];
  };
  readonly messages: Messages;
  readonly worstBreaches: readonly InstanceSummary[];
  /** Every lead a figure refers to. */
  readonly leads: readonly InstanceSummary[];
  /** What the figures cannot show (missing data), as codes and values, for every output format. */
  readonly notes: readonly ReportNote[];
}

export const WORST_BREACHES = 10;

/** The report: pure, from stored facts, the configuration side and `now`. */
export function buildReport(
  facts: ReportFacts,
  setup: ReportSetup,
  query: ReportQuery,
  now: Instant,
): Report {
  const all = instanceRecords(facts, setup, now);
  const filtered = all.filter((r) => matchesFilters(r, query));
  const window = filtered.filter((r) => inWindow(r, query));
  const periods = periodsBetween(query.since, query.until, query.period, setup.zone);
  const periodIn = periodLookup(periods);
  const dims = {
    stageLabels: new Map([...setup.stages].sort((a, b) => a.order - b.order).map((s) => [s.key, s.label])),
    periods,
    periodOf: (r: InstanceRecord) =>
      periodIn(r.enteredAt)?.key ?? periodOf(r.enteredAt, query.period, setup.zone).key,
  };
  const open = uncontacted(filtered, now);
  const filteredIds = new Set(filtered.map((r) => r.id));
  const known = new Set(all.map((r) => r.id));
  const rejections = facts.rejections.filter(
    (r) =>
      r.at >= query.since &&
      r.at < query.until &&
      (known.has(r.instanceId) ? filteredIds.has(r.instanceId) : !hasFilters(query)),
  );
  const sqlStage = dealStages(setup.stages)[0];
  const deals = dealFigures(
    window.filter((r) => r.stage === sqlStage),
    facts.deals,
  );
  const openIds = new Set(open.total.total.ids);
  const referenced = filtered.filter((r) => openIds.has(r.id) || inWindow(r, query));
  return {
    generatedAt: now,
    zone: setup.zone,
    query,
    speed: breakdown(window, dims, speedRow),
    depth: breakdown(window, dims, depthRow),
    uncontacted: open,
    delivery: {
      stages: stageDeliveries(window, setup.stages, setup.monthlyCommitment, { ...query, zone: setup.zone }),
      conversion: conversions(window, all, setup.stages),
      deals,
      notAFit: notAFitReasons(rejections),
    },
    messages: messageCounts(window, facts.messages),
    worstBreaches: worstBreaches(window, WORST_BREACHES),
    leads: referenced.map(instanceSummary),
    notes: reportNotes(setup, deals),
  };
}

const hasFilters = (q: ReportQuery): boolean =>
  q.team !== null || q.rep !== null || q.stage !== null || (q.scope !== undefined && q.scope.kind !== 'all');
