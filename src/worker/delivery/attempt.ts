import type { SlaConfig } from '../../config/types.ts';
import type { DueNotification, Evaluation } from '../../domain/evaluation.ts';
import { ownerKeyOf, shownFingerprint } from '../../domain/message-truth.ts';
import type { Instant, Millis } from '../../domain/time.ts';
import type { Owner } from '../../ports/crm-source.ts';
import type { SendResult } from '../../ports/notifier.ts';
import type { LeaseToken, OutboxEntry } from '../../ports/store.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import { withHistory } from '../reassign/handoff-history.ts';
import { anyReassign } from '../reassign/reassign-stage.ts';
import { alertBody, asNotification } from '../shared/payload.ts';
import { instanceContext } from './context.ts';
import type { DeliveryDeps } from './delivery-deps.ts';
import { claimFor, settlesAt } from './fence.ts';
import { relevance } from './relevance.ts';

/** What trying one outbox row came to (the delivery loop records it). */
export type Attempt =
  /**
   * `sent`: the notifier was asked to send (it claims the row, marking it in doubt, before posting).
   * `shown`: what the message shows (a notification about an instance), recorded with the send.
   */
  | {
      readonly result: SendResult;
      readonly sent: boolean;
      readonly shown?: { readonly fingerprint: string; readonly aboutOwner: string };
    }
  | { readonly skip: string }
  /** Not yet: the facts it rests on are not confirmed (touches up to the deadline not read yet). */
  | { readonly defer: string; readonly until: Instant };

const DEFER: Millis = 15_000;

/** What polling knows that delivery reads (see `PollPosition`). */
export interface CrmKnown {
  readonly owners: readonly Owner[];
  /** Touches logged before it are known: a breach is told only once its deadline is behind it. */
  readonly touchesReadAt: Instant;
}

/** An earlier leader's post of this row may still be on its way: look for it only once it has landed. */
const SETTLING = 'an earlier leader or process was sending it: waiting before looking for it in Slack';

/**
 * Tries one row: skipped when no longer relevant, deferred when its facts (or an earlier leader's post)
 * are not settled yet, else handed to the notifier with the claim it makes before each post.
 */
export async function attempt(
  deps: DeliveryDeps,
  lease: LeaseToken,
  memory: InstanceMemory,
  known: CrmKnown,
  config: SlaConfig,
  entry: OutboxEntry,
  now: Instant,
): Promise<Attempt> {
  const inDoubtSince = entry.inDoubtSince;
  // Claimed for this leadership immediately before each post; refused → `SendRefused`, nothing posted.
  const claim = claimFor(deps, lease, entry);
  const settles = settlesAt(entry, lease, now);
  if (entry.kind === 'admin_alert') {
    const body = alertBody(entry.payload);
    if (body === null) return { skip: 'malformed admin alert' };
    if (settles !== null) return { defer: SETTLING, until: settles };
    return {
      result: await deps.notifier.alertAdmins({ ...body, key: entry.key, inDoubtSince, claim }),
      sent: true,
    };
  }
  const n = asNotification(entry.payload);
  if (n === null || entry.target === null) return { skip: 'malformed notification payload' };
  // The store has the last word on closing: Slack "Not a fit" (possibly handled by another
  // instance) closes there, and nothing more goes out for that lead.
  const inStore = await deps.store.instance(n.instanceId);
  if (!inStore) return { skip: 'unknown instance' };
  if (inStore.instance.closedAt !== null) memory.forget(n.instanceId, now);
  const stored = memory.hot.get(n.instanceId) ?? inStore;
  const closed = !memory.isOpen(n.instanceId) || inStore.instance.closedAt !== null;
  // A lead is taken from its owner (issue 18) by a level's `reassign:` or, with write-back on, a claim.
  const mayHaveMoved =
    (n.reason.kind === 'breach' || n.reason.kind === 'escalation') &&
    (config.hubspot.writeBack.enabled || anyReassign(config));
  const reassignments = mayHaveMoved ? await deps.store.reassignmentsOf([n.instanceId]) : null;
  const rel = relevance(
    n,
    { evaluation: stored.evaluation, closed, ...(reassignments === null ? {} : { reassignments }) },
    now,
  );
  if (!rel.send) return { skip: rel.reason };
  if (
    (n.reason.kind === 'breach' || n.reason.kind === 'escalation') &&
    known.touchesReadAt < n.reason.deadline
  )
    return { defer: 'waiting until HubSpot touches up to the deadline have been read', until: now + DEFER };
  if (stored.evaluation === null)
    return { result: { status: 'retry', error: 'not evaluated yet', retryAt: now }, sent: false };
  if (settles !== null) return { defer: SETTLING, until: settles };
  const context = await withHistory(
    deps.store,
    known.owners,
    n.reason,
    instanceContext(config, known.owners, stored.instance, stored.evaluation),
    reassignments === null ? deps.store : { reassignmentsOf: async () => reassignments },
  );
  const notification = withCurrentExcuse(n, stored.evaluation);
  // What it will show: the notifier renders it from the same facts (`messageTruth`).
  const aboutOwner = ownerKeyOf(stored.instance);
  const fingerprint = shownFingerprint(
    { reason: notification.reason, aboutOwner },
    stored.instance,
    stored.evaluation,
  );
  // The claim marks the row in doubt before the request goes out: a crash from then on leaves it in
  // doubt, and the next attempt looks for the message in Slack before sending it again (SD-9).
  return {
    result: await deps.notifier.send({
      key: entry.key,
      notification,
      target: entry.target,
      context,
      now,
      inDoubtSince,
      claim,
    }),
    sent: true,
    shown: { fingerprint, aboutOwner },
  };
}

/**
 * An outage found after the breach was recorded (HubSpot failing past the threshold only later)
 * still excuses it: the message says what the engine says now.
 */
function withCurrentExcuse(n: DueNotification, evaluation: Evaluation): DueNotification {
  const fc = evaluation.firstContact;
  if (fc.state !== 'breached' || !fc.excused) return n;
  if (n.reason.kind === 'breach' || n.reason.kind === 'escalation')
    return { ...n, reason: { ...n.reason, excused: true } };
  return n;
}
