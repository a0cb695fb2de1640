import type { SlaConfig } from '../config/types.ts';
import type { Handoff, LeadChange } from '../domain/model.ts';
import type { Instant, Millis } from '../domain/time.ts';
import type { Logger } from '../log/logger.ts';
import type { Rejected } from '../ports/crm-source.ts';

import type { HubSpotApi } from './hubspot-api.ts';
import type { ScanOptions, ScanOutcome } from './keyset-scan.ts';
import type { PortalLinks } from './lead-snapshot.ts';
import type { ReconcileTuning } from './reconcile-schedule.ts';

/** What every poll step needs; built once per poll by the source. */
export interface PollContext {
  readonly api: HubSpotApi;
  readonly config: SlaConfig;
  readonly logger: Logger;
  readonly links: PortalLinks;
  readonly scan: ScanOptions;
}

/** What one scan contributes to a poll. */
export interface StepResult {
  readonly handoffs: readonly Handoff[];
  readonly changes: readonly LeadChange[];
  readonly rejected: readonly Rejected[];
  /** Cursor key → new cursor text. */
  readonly cursors: Readonly<Record<string, string>>;
  readonly more: boolean;
}

/**
 * The step one keyset scan makes: what it found (rejections default to the scan's own), its cursor
 * saved under `cursorKey`, and whether more is waiting.
 */
export function scanStep(
  outcome: ScanOutcome,
  cursorKey: string,
  found: {
    readonly handoffs?: readonly Handoff[];
    readonly changes?: readonly LeadChange[];
    readonly rejected?: readonly Rejected[];
  },
): StepResult {
  return {
    handoffs: found.handoffs ?? [],
    changes: found.changes ?? [],
    rejected: found.rejected ?? outcome.rejected,
    cursors: { [cursorKey]: outcome.cursorText() },
    more: outcome.more,
  };
}

export interface PollTuning {
  /** First poll without a cursor looks back this far. */
  readonly initialLookback: Millis;
  /** Search pages per scan and poll (200 records each). */
  readonly maxPagesPerScan: number;
  /** Sort values beyond `now` plus this are rejected as bad data. */
  readonly futureTolerance: Millis;
  /** Reading open leads back (deletions, removed owners, property-stage departures): see `planSweep`. */
  readonly reconcile: ReconcileTuning;
  /**
   * First-install import: search pages (200 records) of each stage per chunk, one chunk a cycle. With
   * their batch reads (a lead's earlier touches, property history) a chunk of 200 contacts costs some
   * 10 requests, so a cycle stays a few seconds long within Starter's budget share.
   */
  readonly backfillPagesPerScan: number;
}

const MINUTE = 60_000;

export const DEFAULT_POLL_TUNING: PollTuning = {
  initialLookback: 0,
  maxPagesPerScan: 10,
  futureTolerance: 24 * 60 * MINUTE,
  backfillPagesPerScan: 1,
  reconcile: { every: 15 * MINUTE, recentFor: 15 * MINUTE, recentEvery: MINUTE, maxBatchesPerPoll: 1 },
};

export const scanOptions = (config: SlaConfig, tuning: PollTuning, now: Instant): ScanOptions => ({
  now,
  overlap: config.poll.overlap,
  initialLookback: Math.max(tuning.initialLookback, config.poll.overlap),
  maxPages: tuning.maxPagesPerScan,
  futureTolerance: tuning.futureTolerance,
});

export const dateEntered = (stageValue: string): string => `hs_v2_date_entered_${stageValue}`;
