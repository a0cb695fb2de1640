import type { SlaConfig } from '../config/types.ts';
import type { LeadChange, Touch } from '../domain/model.ts';
import type { Instant } from '../domain/time.ts';
import type {
  BackfillChunk,
  BackfillWindow,
  CrmSource,
  Cursors,
  DealRead,
  HandoffPoll,
  OpenContacts,
  Owner,
  TouchPoll,
  WatchedInstances,
} from '../ports/crm-source.ts';
import { backfillChunk } from './backfill/backfill-handoffs.ts';
import { contactChanges } from './contact-scan.ts';
import { dealsOf } from './deals.ts';
import { DispositionNames } from './dispositions.ts';
import { leadPipelineHandoffs } from './history-handoffs.ts';
import { createHubSpotClient, type HubSpotClient, type HubSpotClientDeps } from './hubspot-client.ts';
import { leadOwnerChanges } from './lead-owner-changes.ts';
import { logRejected } from './log-rejected.ts';
import { OwnerCache } from './owners.ts';
import {
  DEFAULT_POLL_TUNING,
  type PollContext,
  type PollTuning,
  type StepResult,
  scanOptions,
} from './poll-context.ts';
import { RECONCILE_CURSOR, reconcileOrDefer } from './reconcile.ts';
import type { ReconcileTuning } from './reconcile-schedule.ts';
import { pollTouches, touchesOf } from './touches.ts';
import { verifyPortal } from './verify.ts';
import { contactHandoffs } from './webhooks/contact-handoffs.ts';

export interface HubSpotSourceDeps extends HubSpotClientDeps {
  readonly config: SlaConfig;
  /** Share one client (and so one request budget) with the lead writer. */
  readonly client?: HubSpotClient;
  readonly tuning?: Partial<Omit<PollTuning, 'reconcile'>> & {
    readonly reconcile?: Partial<ReconcileTuning>;
  };
}

export interface HubSpotSource extends CrmSource {
  /** HTTP attempts made so far (metrics; request-budget tests). */
  readonly requestCount: number;
  readonly client: HubSpotClient;
  dealsOf(contactIds: readonly string[]): Promise<DealRead>;
}

/** The `CrmSource` port on HubSpot, through the official SDK (v14). */
export function createHubSpotSource(deps: HubSpotSourceDeps): HubSpotSource {
  const client = deps.client ?? createHubSpotClient(deps);
  const tuning: PollTuning = {
    ...DEFAULT_POLL_TUNING,
    ...deps.tuning,
    reconcile: { ...DEFAULT_POLL_TUNING.reconcile, ...deps.tuning?.reconcile },
  };
  const logger = deps.logger.child({ component: 'hubspot' });
  const owners = new OwnerCache(client.api, deps.clock, logger);
  const dispositions = new DispositionNames(client.api, deps.clock, logger);
  let config = deps.config;

  const context = (now: Instant): PollContext => ({
    api: client.api,
    config,
    logger,
    links: { appBaseUrl: config.hubspot.appBaseUrl, portalId: client.portal.portalId },
    scan: scanOptions(config, tuning, now),
  });

  return {
    client,
    get requestCount() {
      return client.api.requestCount;
    },

    async verify(next: SlaConfig): Promise<void> {
      await verifyPortal(client, next, owners, dispositions, logger);
      config = next;
    },

    async pollHandoffs(cursors: Cursors, now: Instant, open?: WatchedInstances): Promise<HandoffPoll> {
      const ctx = context(now);
      // One contacts search (stage entries and lead changes ORed), then Leads-object stages on their own.
      const steps: StepResult[] = [await contactChanges(ctx, cursors)];
      for (const stage of config.stages) {
        if (stage.source.kind !== 'lead_pipeline') continue;
        const key = `handoffs:${stage.key}`;
        steps.push(await leadPipelineHandoffs(ctx, stage, stage.source, key, cursors[key]));
      }
      if (config.stages.some((s) => s.source.kind === 'lead_pipeline'))
        steps.push(await leadOwnerChanges(ctx, cursors));
      if (open !== undefined)
        steps.push(await reconcileOrDefer(ctx, open, cursors[RECONCILE_CURSOR], now, tuning.reconcile));
      const poll: HandoffPoll = {
        handoffs: steps.flatMap((s) => s.handoffs),
        changes: distinct(steps.flatMap((s) => s.changes)),
        rejected: steps.flatMap((s) => s.rejected),
        cursors: Object.assign({}, ...steps.map((s) => s.cursors)),
        more: steps.some((s) => s.more),
      };
      logRejected(logger, poll.rejected);
      logger.debug(
        {
          handoffs: poll.handoffs.length,
          changes: poll.changes.length,
          rejected: poll.rejected.length,
          more: poll.more,
        },
        'hubspot handoffs polled',
      );
      return poll;
    },

    async pollTouches(cursors: Cursors, openContactIds: OpenContacts, now: Instant): Promise<TouchPoll> {
      const poll = await pollTouches(context(now), dispositions, cursors, openContactIds);
      logRejected(logger, poll.rejected);
      return poll;
    },

    touchesOf(contactIds: readonly string[]): Promise<readonly Touch[]> {
      return touchesOf(context(deps.clock.now()), dispositions, contactIds);
    },

    owners(): Promise<readonly Owner[]> {
      return owners.owners();
    },

    async dealsOf(contactIds: readonly string[]): Promise<DealRead> {
      const read = await dealsOf(client.api, contactIds);
      logRejected(logger, read.rejected);
      return read;
    },

    async backfill(position: string | null, window: BackfillWindow, now: Instant): Promise<BackfillChunk> {
      const chunk = await backfillChunk(context(now), position, window, tuning.backfillPagesPerScan);
      logRejected(logger, chunk.rejected);
      return chunk;
    },

    async handoffsOf(contactIds: readonly string[], now: Instant): Promise<HandoffPoll> {
      const read = await contactHandoffs(context(now), contactIds, now);
      logRejected(logger, read.rejected);
      return read;
    },
  };
}

/**
 * The same change found twice in one poll (a search and the read-back) is reported once: as the
 * read-back saw it when it did (`current`: the owner now, applied whatever its date).
 */
const distinct = (changes: readonly LeadChange[]): LeadChange[] => {
  const kept = new Map<string, LeadChange>();
  for (const c of changes) {
    const detail =
      c.kind === 'owner_changed' ? c.ownerId : c.kind === 'left_funnel' ? c.toStage : c.mergedInto;
    const key = `${c.kind}|${c.objectType}|${c.objectId}|${c.at}|${detail}`;
    if (!kept.has(key) || (c.kind === 'owner_changed' && c.current === true)) kept.set(key, c);
  }
  return [...kept.values()];
};
