import type { SlaConfig } from '../../config/types.ts';
import type { Instant, Millis } from '../../domain/time.ts';
import type { CrmSource } from '../../ports/crm-source.ts';
import type { Store } from '../../ports/store.ts';
import type { DeliveryDeps, DeliveryReport } from '../delivery/deliver-outbox.ts';
import { deliverOutbox } from '../delivery/deliver-outbox.ts';
import { type HomeDeps, markHomeChangesOf, refreshHomes } from '../delivery/refresh-homes.ts';
import { updatePings } from '../delivery/update-pings.ts';
import { describeError } from '../errors.ts';
import type { CycleOutcome } from '../events.ts';
import type { WorkerState } from '../worker-state.ts';
import { applyWriteBacks, type WriteBackDeps } from '../write-back/apply-write-backs.ts';
import type { CrmMirror } from './crm-mirror.ts';
import { type Ingested, ingest } from './ingest.ts';
import { ingestContacts } from './ingest-contacts.ts';
import { type JudgeDeps, judgeAndCommit } from './judge-and-commit.ts';
import { reportFailure, reportSuccess } from './outage-effects.ts';
import {
  ownerProblemAlerts,
  ownerProblemKey,
  ownerProblemOf,
  UNKNOWN_OWNER_GRACE,
} from './owner-problems.ts';

export interface CycleDeps extends DeliveryDeps, JudgeDeps, HomeDeps, WriteBackDeps {
  readonly store: Store;
  readonly crm: CrmSource;
  /** How long an owner id HubSpot does not list may own a lead before admins are told. */
  readonly unknownOwnerGrace?: Millis;
  /** The config in force; read once at the start of each cycle (a reload swaps it between cycles). */
  readonly config: () => SlaConfig;
  /** Pages of HubSpot results taken in one cycle before judging (catch-up after downtime). */
  readonly maxPages: number;
  /** Outbox rows delivered per cycle. */
  readonly deliverLimit: number;
  /** Owners and deals copied into the store for reports (best effort). */
  readonly mirror?: CrmMirror;
}

export interface CycleReport {
  readonly outcome: CycleOutcome;
  readonly handoffs: number;
  readonly recorded: number;
  readonly delivery: DeliveryReport | null;
  /** When to wake for the next deadline, reminder or escalation. */
  readonly nextDueAt: Instant | null;
  /** More work is waiting (pages or outbox rows): run again soon. */
  readonly more: boolean;
  readonly error: string | null;
}

const noIngest = (state: WorkerState, error: unknown): Ingested => ({
  cursors: state.cursors,
  handoffs: 0,
  events: { opened: [], updated: [], closed: [] },
  touches: [],
  more: false,
  touchesRead: false,
  error,
});

/**
 * One cycle: poll → store → judge → record due notifications (same transaction) → deliver → update
 * pings. HubSpot failing degrades the cycle (what is known is still judged and delivered, so
 * reminders go out); a store failure fails it and leaves memory as it was.
 */
export async function runCycle(
  deps: CycleDeps,
  state: WorkerState,
  /** A webhook cycle: read just these contacts by id instead of polling (outages left to polls). */
  contacts?: readonly string[],
): Promise<CycleReport> {
  const config = deps.config();
  let hubspotError: unknown = null;
  let handoffs = 0;
  let recorded = 0;
  let nextDueAt: Instant | null = null;
  let more = false;
  try {
    let ownersError: unknown = null;
    try {
      state.owners = await deps.crm.owners();
      await deps.mirror?.saveOwners(deps, state.owners, deps.clock.now());
    } catch (err) {
      // Owners only name people and teams: judge with the last known list, but count the failure.
      ownersError = err;
    }
    const justClosed = [];
    state.takeChanges(); // compare only what this cycle changes
    let pages = 0;
    do {
      const now = deps.clock.now();
      const got =
        hubspotError !== null
          ? noIngest(state, hubspotError)
          : contacts
            ? await ingestContacts(deps, state, config, contacts, now)
            : await ingest(deps, state, config, now);
      if (got.error !== null) hubspotError = got.error;
      const j = await judgeAndCommit(deps, state, config, got, now);
      handoffs += got.handoffs;
      recorded += j.recorded;
      nextDueAt = j.nextDueAt;
      justClosed.push(...j.justClosed);
      if (j.withoutPolicy.length > 0)
        deps.logger.warn(
          { instances: j.withoutPolicy.slice(0, 10), count: j.withoutPolicy.length },
          'open instances without a policy',
        );
      more = got.more;
      pages += 1;
    } while (more && pages < deps.maxPages && hubspotError === null && deps.canSend());
    const now = deps.clock.now();
    await tellOwnerProblems(deps, state, config, ownersError === null, now);
    markHomeChangesOf(state, state.takeChanges());
    hubspotError ??= ownersError;
    if (contacts) {
      if (hubspotError !== null)
        deps.logger.warn(
          { err: describeError(hubspotError) },
          'hubspot webhook read failed; polling will catch up',
        );
    } else if (hubspotError === null) await reportSuccess(deps, 'hubspot', now);
    else {
      deps.logger.warn(
        { err: describeError(hubspotError) },
        'hubspot poll failed; judging with what is known',
      );
      await reportFailure(deps, 'hubspot', now, describeError(hubspotError));
    }
    const delivery = await deliverOutbox(deps, state, config, deps.deliverLimit);
    await updatePings(deps, state, config, justClosed);
    // Both are best-effort extras: they wait while the system they talk to is failing.
    if (!deps.outages.isFailing('slack')) await refreshHomes(deps, state);
    if (hubspotError === null && !contacts) await applyWriteBacks(deps, state);
    if (hubspotError === null && !contacts) await deps.mirror?.refreshDeals(deps, config, deps.clock.now());
    // What is settled and shown as such need not stay whole in memory (ADR 0007).
    state.settle();
    deps.events.emit('open:held', { whole: state.hot.size, compact: state.settled.size });
    return {
      outcome: hubspotError === null ? 'ok' : 'degraded',
      handoffs,
      recorded,
      delivery,
      nextDueAt,
      more: more || delivery.more,
      error: hubspotError === null ? null : describeError(hubspotError),
    };
  } catch (err) {
    deps.logger.error({ err: describeError(err) }, 'cycle failed');
    return {
      outcome: 'failed',
      handoffs,
      recorded,
      delivery: null,
      nextDueAt,
      more: false,
      error: describeError(err),
    };
  }
}

/** Tells the admins, once per instance, about open leads whose owner is deactivated or unknown. */
async function tellOwnerProblems(
  deps: CycleDeps,
  state: WorkerState,
  config: SlaConfig,
  ownersFresh: boolean,
  now: Instant,
): Promise<void> {
  const options = { ownersFresh, now, unknownGrace: deps.unknownOwnerGrace ?? UNKNOWN_OWNER_GRACE };
  // Settled leads are read back only when their owner has a problem not told yet.
  const owners = new Map(state.owners.map((o) => [o.id, o]));
  const suspects: string[] = [];
  for (const s of state.settled.values()) {
    const problem = ownerProblemOf(s, owners, options);
    if (problem !== null && !state.recordedKeys.has(ownerProblemKey(problem, s.id))) suspects.push(s.id);
  }
  const settled = suspects.length > 0 ? await deps.store.openInstancesByIds(suspects) : [];
  const alerts = ownerProblemAlerts({
    config,
    instances: [...Array.from(state.hot.values(), (o) => o.instance), ...settled.map((s) => s.instance)],
    owners: state.owners,
    ...options,
  }).filter((a) => !state.recordedKeys.has(a.key));
  if (alerts.length === 0) return;
  deps.logger.warn({ alerts: alerts.map((a) => a.key) }, 'open leads owned by inactive or unknown owners');
  await deps.store.enqueue(alerts, now);
  for (const a of alerts) state.recordedKeys.add(a.key);
}
