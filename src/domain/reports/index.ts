/** Report aggregation (pure): stored facts + configuration + `now` → figures that trace back to leads. */

export {
  type Backtest,
  type BacktestFacts,
  type BacktestRow,
  type BacktestSide,
  type Outcome,
  runBacktest,
  type Tally,
  type VerdictChange,
} from './backtest/backtest.ts';
export { type Replay, replay } from './backtest/replay.ts';
export {
  type ReassignReplay,
  type ReassignWorld,
  replayReassignments,
} from './backtest/replay-reassignments.ts';
export type { Breakdown, Keyed } from './breakdown.ts';
export type { Conversion } from './conversion.ts';
export { dealStages } from './deal-stages.ts';
export {
  type CurrencyAverage,
  type DealFigures,
  type Deals,
  dealFigures,
  NO_DEAL_DATA,
  type TeamDeals,
} from './deals.ts';
export type { DeliveryMonth, StageDelivery } from './delivery.ts';
export type { DepthRow } from './depth.ts';
export { buildDigests, type TeamDigest } from './digest.ts';
export type {
  DealFacts,
  DealRecordFacts,
  InstanceFacts,
  MessageFacts,
  MessageKind,
  PersonFacts,
  RejectionFacts,
  ReportFacts,
  ReportSetup,
  StageFacts,
  TeamFacts,
} from './facts.ts';
export type { ReasonRow } from './feedback.ts';
export type { Distribution, Figure } from './figure.ts';
export { figureAt, figurePath } from './figure-path.ts';
export type { InstanceRecord, Verdict } from './instance-record.ts';
export type { InstanceSummary } from './instance-summary.ts';
export { type MessageRow, type Messages, NOTIFICATION_KINDS } from './messages.ts';
export { type ReportNote, type ReportNoteCode, reportNotes } from './notes.ts';
export { type Granularity, type Period, periodOf, periodsBetween } from './periods.ts';
export { inScope, type ReportQuery, type ReportScope } from './query.ts';
export { buildReport, type Report } from './report.ts';
export { SPEED_BANDS, type SpeedBand, type SpeedRow } from './speed.ts';
export { AGE_BUCKETS, type AgeBucket, type Uncontacted, type UncontactedRow } from './uncontacted.ts';
