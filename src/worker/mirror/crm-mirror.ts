import type { SlaConfig } from '../../config/types.ts';
import { type DealRefreshPolicy, dealStages, dueForRefresh } from '../../domain/reports/deal-stages.ts';
import { DAY, HOUR, type Instant, MINUTE, type Millis } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { CrmSource, Owner } from '../../ports/crm-source.ts';
import type { Store } from '../../ports/store.ts';
import { describeError } from '../errors.ts';

export interface CrmMirrorOptions extends DealRefreshPolicy {
  /** Deals are kept for contacts that entered a deal stage within this. */
  readonly lookback: Millis;
  /** How often candidates are read and a refresh made (at most one per cycle). */
  readonly runEvery: Millis;
}

export const DEFAULT_CRM_MIRROR: CrmMirrorOptions = {
  lookback: 180 * DAY,
  recent: 7 * DAY,
  recentEvery: HOUR,
  every: 6 * HOUR,
  limit: 100,
  runEvery: 5 * MINUTE,
};

export interface MirrorDeps {
  readonly store: Store;
  readonly crm: CrmSource;
  readonly logger: Logger;
}

export interface DealRefreshReport {
  readonly contacts: number;
  readonly deals: number;
}

const fingerprint = (owners: readonly Owner[]): string =>
  JSON.stringify([...owners].sort((a, b) => (a.id < b.id ? -1 : 1)));

const isPermanent = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && 'retryable' in err && err.retryable === false;

/**
 * What the worker copies from the CRM for reports, beside the SLA work: owners (names and teams
 * without a HubSpot token) and the deals of SQL-and-later contacts. Both are best-effort extras:
 * a failure is logged and retried later, never fails the cycle. Deal reads are bounded: at most one
 * refresh every `runEvery`, of at most `limit` contacts (one associations request, deals by 100).
 */
export class CrmMirror {
  readonly #options: CrmMirrorOptions;
  #savedOwners: string | null = null;
  #nextDealRun: Instant = Number.NEGATIVE_INFINITY;

  constructor(options: Partial<CrmMirrorOptions> = {}) {
    this.#options = { ...DEFAULT_CRM_MIRROR, ...options };
  }

  /** Stores the owner list when it changed since the last save. */
  async saveOwners(deps: MirrorDeps, owners: readonly Owner[], now: Instant): Promise<void> {
    if (owners.length === 0) return;
    const print = fingerprint(owners);
    if (print === this.#savedOwners) return;
    try {
      await deps.store.saveOwners(owners, now);
      this.#savedOwners = print;
    } catch (err) {
      deps.logger.warn({ err: describeError(err) }, 'owners not stored; retried next cycle');
    }
  }

  /** Refreshes the deals of the contacts most overdue, when a refresh is due; `null` when none ran. */
  async refreshDeals(deps: MirrorDeps, config: SlaConfig, now: Instant): Promise<DealRefreshReport | null> {
    const dealsOf = deps.crm.dealsOf?.bind(deps.crm);
    if (dealsOf === undefined || now < this.#nextDealRun) return null;
    const o = this.#options;
    this.#nextDealRun = now + o.runEvery;
    try {
      const stages = dealStages(config.stages);
      const candidates = await deps.store.dealCandidates(stages, now - o.lookback);
      const due = dueForRefresh(candidates, now, o);
      if (due.length === 0) return { contacts: 0, deals: 0 };
      const read = await dealsOf(due);
      await deps.store.saveDeals({ contactIds: read.contactIds, deals: read.deals, at: now });
      deps.logger.debug(
        { contacts: read.contactIds.length, deals: read.deals.length, waiting: candidates.length },
        'deals refreshed',
      );
      return { contacts: read.contactIds.length, deals: read.deals.length };
    } catch (err) {
      // A missing scope will not fix itself within minutes: wait a full refresh interval.
      if (isPermanent(err)) this.#nextDealRun = now + o.every;
      deps.logger.warn(
        { err: describeError(err), retryAt: this.#nextDealRun },
        'deals not refreshed; reports keep the deals last read',
      );
      return null;
    }
  }
}
