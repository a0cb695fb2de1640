import type { SlaConfig } from '../../config/types.ts';
import type { Instant, Millis } from '../../domain/time.ts';
import type { CrmSource } from '../../ports/crm-source.ts';
import type { Store } from '../../ports/store.ts';
import { correctMessages } from '../delivery/correct-messages.ts';
import type { DeliveryDeps, DeliveryReport } from '../delivery/deliver-outbox.ts';
import { deliverOutbox } from '../delivery/deliver-outbox.ts';
import { type HomeDeps, markHomeChangesOf, refreshHomes } from '../delivery/refresh-homes.ts';
import { describeError } from '../errors.ts';
import type { CycleOutcome } from '../events.ts';
import { commit } from '../judge/commit.ts';
import { type JudgeDeps, judge } from '../judge/judge.ts';
import { tellOwnerProblems } from '../judge/tell-owner-problems.ts';
import type { CrmMirror } from '../mirror/crm-mirror.ts';
import { dailyLimitPauseOf } from '../observe/hubspot-budget.ts';
import { applyHandoffs } from '../poll/apply-handoffs.ts';
import { backfillAt, logBackfill } from '../poll/backfill.ts';
import { ingestHandoffs, ingestTouches, together } from '../poll/ingest.ts';
import { ingestContacts } from '../poll/ingest-contacts.ts';
import { pollOwners } from '../poll/poll-owners.ts';
import { applyReassignments } from '../reassign/apply-reassignments.ts';
import { decideAfterCommit } from '../reassign/reassign-stage.ts';
import { type Ingested, NOTHING } from '../shared/ingested.ts';
import { reportDailyPause, reportFailure, reportSuccess } from '../shared/outage-effects.ts';
import type { WorkerState } from '../worker-state.ts';
import { applyWriteBacks, type WriteBackDeps } from '../write-back/apply-write-backs.ts';
import { keepWriteBacks, queueWriteBacks } from '../write-back/queue-write-backs.ts';

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
  /** More work is waiting (pages, outbox rows, settled instances to judge): run again soon. */
  readonly more: boolean;
  /** Settled instances still to be judged in a changed world (`COLD_PER_CYCLE` a cycle). */
  readonly judgingLeft: number;
  readonly error: string | null;
}

/** Two deliveries in one cycle as one report. */
const alsoDelivered = (first: DeliveryReport | null, then: DeliveryReport): DeliveryReport =>
  first === null
    ? then
    : {
        sent: first.sent + then.sent,
        retried: first.retried + then.retried,
        failed: first.failed + then.failed,
        skipped: first.skipped + then.skipped,
        more: first.more || then.more,
      };

const noIngest = (state: WorkerState, error: unknown): Ingested => ({
  cursors: state.poll.cursors,
  handoffs: 0,
  events: NOTHING,
  touches: [],
  more: false,
  touchesRead: false,
  error,
});

/**
 * One cycle, the stages in order; each takes its inputs and its own piece of `WorkerState`:
 *
 * 1. poll owners (`poll/poll-owners`), then page by page: poll handoffs and touches
 *    (`poll/ingest`, or `poll/ingest-contacts` for a webhook) → judge (`judge/judge`) → queue
 *    write-backs (`write-back/queue-write-backs`) → commit (`judge/commit`: one transaction, then
 *    memory follows);
 * 2. tell owner problems (`judge/tell-owner-problems`); note changed App Homes;
 * 3. deliver the outbox, then update in place the sent messages whose truth changed (`delivery/`);
 *    refresh App Homes (`delivery/refresh-homes`);
 * 4. write back to HubSpot (`write-back/apply-write-backs`), then the reassignments
 *    (`reassign/apply-reassignments`), whose owner changes are judged and committed at once; refresh
 *    the deals mirror;
 * 5. settle: the quiet instances go compact (ADR 0007).
 *
 * HubSpot failing degrades the cycle (what is known is still judged and delivered, so reminders go
 * out); a store failure fails it and leaves memory as it was.
 */
export async function runCycle(
  deps: CycleDeps,
  state: WorkerState,
  /** A webhook cycle: read just these contacts by id instead of polling (outages left to polls). */
  contacts?: readonly string[],
): Promise<CycleReport> {
  const config = deps.config();
  const { poll, memory, judging, homes, writeBack } = state;
  let hubspotError: unknown = null;
  let handoffs = 0;
  let recorded = 0;
  let nextDueAt: Instant | null = null;
  let more = false;
  /** Settled instances still to be judged in a changed world (`judge/judge`). */
  let judgingLeft = 0;
  /** What went out before the touch polls (new leads' pings, every page's), if anything. */
  let pinged: DeliveryReport | null = null;
  try {
    // Owners only name people and teams: judge with the last known list, but count the failure.
    const ownersError = await pollOwners(deps, poll);
    memory.takeChanges(); // compare only what this cycle changes
    let pages = 0;
    const importedBefore = poll.backfill;
    /** Every instance judged this cycle, for the reassignment stage. */
    const judgedIds = new Set<string>();
    /** Judges what was ingested, queues its write-backs and commits it all in one transaction. */
    const judgeAndCommit = async (got: Ingested, now: Instant, cold = true): Promise<void> => {
      const verdicts = await judge(deps, memory, judging, poll.owners, config, got, now, cold);
      const queued = await queueWriteBacks(deps, writeBack, config, verdicts.judged, now);
      const j = await commit(deps, memory, judging, poll, config, got, verdicts, queued.cursors, now);
      keepWriteBacks(writeBack, queued);
      for (const id of verdicts.judged.judged.keys()) judgedIds.add(id);
      handoffs += got.handoffs;
      recorded += j.recorded;
      nextDueAt = j.nextDueAt;
      judgingLeft = j.judgingLeft;
      if (j.withoutPolicy.length > 0)
        deps.logger.warn(
          { instances: j.withoutPolicy.slice(0, 10), count: j.withoutPolicy.length },
          'open instances without a policy',
        );
    };
    do {
      const now = deps.clock.now();
      // A first install's import: the record in force (started now on a first install); a chunk of
      // it is read with the cycle's first page only, so cycles stay short while it runs.
      const imports = backfillAt(poll.backfill, config, deps.crm, now);
      let got: Ingested;
      /** When what `got` holds was asked for: the touch poll's moment. */
      let at = now;
      if (hubspotError !== null) got = noIngest(state, hubspotError);
      else if (contacts)
        got = await ingestContacts(deps, memory, poll.cursors, config, contacts, now, imports?.installedAt);
      else {
        const found = await ingestHandoffs(deps, memory, poll.cursors, config, now, imports, pages === 0);
        if (found.error !== null) got = found;
        else if (found.events.opened.length > 0) {
          // New leads are pinged before the touch poll (issue 17): their earlier touches came with
          // them, and a breach waits for touches read up to its deadline (`delivery/attempt`).
          await judgeAndCommit(found, now, false);
          pinged = alsoDelivered(pinged, await deliverOutbox(deps, memory, poll, config, deps.deliverLimit));
          at = deps.clock.now();
          got = await ingestTouches(deps, memory, found, at);
          if (found.importError !== null) got = { ...got, error: got.error ?? found.importError };
        } else got = together(found, await ingestTouches(deps, memory, found, now));
      }
      if (got.error !== null) hubspotError = got.error;
      await judgeAndCommit(got, at);
      more = got.more;
      pages += 1;
    } while (more && pages < deps.maxPages && hubspotError === null && deps.canSend());
    if (poll.backfill !== null && poll.backfill !== 'first-install' && poll.backfill !== importedBefore) {
      logBackfill(deps.logger, importedBefore, poll.backfill);
      deps.events.emit('backfill:progress', poll.backfill);
    }
    // An import under way goes on in the next cycle, once this one has delivered.
    const importing = poll.backfill !== null && poll.backfill !== 'first-install' && !poll.backfill.done;
    const now = deps.clock.now();
    await tellOwnerProblems(deps, memory, poll.owners, config, ownersError === null, now);
    // Breached leads whose level reassigns: decided and recorded once (issue 18, ADR 0016).
    await decideAfterCommit(deps, memory, poll.owners, config, judgedIds, now);
    for (const ownerId of memory.takeLostOwners()) homes.dirty.add(ownerId);
    markHomeChangesOf(homes, memory.hot, memory.takeChanges());
    hubspotError ??= ownersError;
    // HubSpot's daily limit is known at once to last until midnight: admins hear of it now.
    const paused = dailyLimitPauseOf(hubspotError);
    if (paused !== null) {
      await reportDailyPause(deps, paused, describeError(hubspotError), now);
      // Wake for the probe: when HubSpot serves again, polling resumes that cycle.
      nextDueAt = nextDueAt === null ? paused.nextProbeAt : Math.min(nextDueAt, paused.nextProbeAt);
    } else if (contacts) {
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
    const delivery = alsoDelivered(
      pinged,
      await deliverOutbox(deps, memory, poll, config, deps.deliverLimit),
    );
    // Then the messages already out whose truth changed, updated in place (issue 15).
    const corrections = await correctMessages(deps, memory, poll, config, deps.deliverLimit);
    for (const ownerId of memory.takeLostOwners()) homes.dirty.add(ownerId);
    // Both are best-effort extras: they wait while the system they talk to is failing.
    if (!deps.outages.isFailing('slack')) await refreshHomes(deps, homes, memory, poll.owners);
    if (hubspotError === null && !contacts) await applyWriteBacks(deps, writeBack, memory);
    // Then the reassignments decided (this cycle or before a restart): fenced, read-then-PATCH.
    const moved =
      hubspotError === null && !contacts ? await applyReassignments(deps, memory, poll.owners, config) : null;
    if (moved !== null && moved.moved.length > 0) {
      // HubSpot has the new owners now: applied at once, as the lead events the poll would bring, so
      // the new owner's clock restarts (`restart_on_owner_change`) and the old deadline's messages stop.
      const at = deps.clock.now();
      const found = await applyHandoffs(deps, memory, config, { handoffs: [], changes: moved.moved }, at);
      await judgeAndCommit({ ...noIngest(state, null), events: found.events }, at, false);
      for (const ownerId of memory.takeLostOwners()) homes.dirty.add(ownerId);
      markHomeChangesOf(homes, memory.hot, memory.takeChanges());
    }
    if (hubspotError === null && !contacts) await deps.mirror?.refreshDeals(deps, config, deps.clock.now());
    // What is settled and shown as such need not stay whole in memory (ADR 0007).
    memory.settle();
    deps.events.emit('open:held', { whole: memory.hot.size, compact: memory.settled.size });
    return {
      outcome: hubspotError === null ? 'ok' : 'degraded',
      handoffs,
      recorded,
      delivery,
      nextDueAt,
      // A reassignment written queued its messages: deliver them soon.
      more:
        more ||
        delivery.more ||
        corrections.more ||
        importing ||
        judgingLeft > 0 ||
        (moved?.written ?? 0) > 0,
      judgingLeft,
      error: hubspotError === null ? null : describeError(hubspotError),
    };
  } catch (err) {
    deps.logger.error({ err: describeError(err) }, 'cycle failed');
    return { ...failedCycle(describeError(err)), handoffs, recorded, nextDueAt, judgingLeft };
  }
}

/** A cycle that failed before anything was committed (or whose commit failed). */
export const failedCycle = (error: string): CycleReport => ({
  outcome: 'failed',
  handoffs: 0,
  recorded: 0,
  delivery: null,
  nextDueAt: null,
  more: false,
  judgingLeft: 0,
  error,
});
