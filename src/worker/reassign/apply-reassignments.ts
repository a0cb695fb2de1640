import type { Clock } from '../../clock/clock.ts';
import type { SlaConfig } from '../../config/types.ts';
import type { DueNotification } from '../../domain/evaluation.ts';
import type { LeadChange, SlaInstance } from '../../domain/model.ts';
import type { Target } from '../../domain/policy.ts';
import type { Reassignment } from '../../domain/reassign/reassignment.ts';
import type { Instant } from '../../domain/time.ts';
import { adminMessage } from '../../i18n/admin-message.ts';
import type { Logger } from '../../log/logger.ts';
import type { Owner } from '../../ports/crm-source.ts';
import type { LeadWriter } from '../../ports/lead-writer.ts';
import { targetKey } from '../../ports/notifier.ts';
import type { LeaseToken, NewOutboxEntry, Store } from '../../ports/store.ts';
import { adminAlert } from '../admin-alert.ts';
import { describeError } from '../errors.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import { ownerById, teamOf } from '../shared/teams.ts';
import { escalatedPeople } from './already-escalated.ts';
import { plainOwnerName } from './handoff-history.ts';

export interface ApplyDeps {
  readonly store: Store;
  /** `null`: nothing is written (dry run); pending reassignments wait. */
  readonly leadWriter?: LeadWriter | null;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly canSend: () => boolean;
  /** The lease as held now; every write claims its row with its epoch (ADR 0012). */
  readonly lease: () => LeaseToken | null;
}

export interface ApplyReport {
  written: number;
  superseded: number;
  failed: number;
  /**
   * The owner changes HubSpot now has, dated when they were written: the same lead events the poll
   * would bring, applied by the cycle at once (`run-cycle`), so the clock restarts per
   * `restart_on_owner_change` without waiting for the poll (whose later sighting is then a no-op).
   */
  moved: LeadChange[];
}

/** At most this many HubSpot writes per cycle (each is a read and a PATCH). */
const LIMIT = 20;

/**
 * The reassignment stage's write half (issue 18): each pending reassignment is claimed for the lease
 * epoch (a stale leader writes nothing), then `LeadWriter.reassignOwner` moves the record the instance
 * tracks (the contact, or a Leads-object record) unless a person changed its owner first
 * (`superseded`). After a write the rep it was taken from and the manager are told through the outbox
 * (unless they have the deadline's escalation, see `notices`), then the row is settled — in that
 * order, so a crash in between writes again (HubSpot already has it: `written`) and queues the same
 * messages (same keys), never two.
 * A passing HubSpot fault leaves the row pending for the next cycle; a permanent one fails it and tells
 * the admins, naming the SLA file's `reassign:` lines (a missing write scope most of all).
 */
export async function applyReassignments(
  deps: ApplyDeps,
  memory: InstanceMemory,
  owners: readonly Owner[],
  config: SlaConfig,
): Promise<ApplyReport> {
  const report: ApplyReport = { written: 0, superseded: 0, failed: 0, moved: [] };
  const writer = deps.leadWriter ?? null;
  if (writer === null) return report;
  const pending = await deps.store.pendingReassignments(LIMIT);
  for (const r of pending) {
    const lease = deps.lease();
    if (!deps.canSend() || lease === null) break;
    const now = deps.clock.now();
    const instance =
      memory.hot.get(r.instanceId)?.instance ?? (await deps.store.instance(r.instanceId))?.instance;
    const claim = await deps.store.claimReassignment(r.key, lease);
    if (claim === 'fenced') {
      deps.logger.warn({ key: r.key, epoch: lease.epoch }, 'reassignment refused: another replica took over');
      break;
    }
    if (claim === 'taken') continue;
    if (instance === undefined || instance.closedAt !== null) {
      await deps.store.settleReassignment(r.key, 'superseded', 'the lead left the funnel first', now);
      report.superseded += 1;
      continue;
    }
    try {
      const result = await writer.reassignOwner(instance.lead, r.fromOwnerId, r.toOwnerId);
      if (result === 'superseded') {
        await deps.store.settleReassignment(
          r.key,
          'superseded',
          'the owner was changed in HubSpot first',
          now,
        );
        deps.logger.info(
          { key: r.key, instance: r.instanceId },
          'reassignment left alone: a person changed the owner',
        );
        report.superseded += 1;
        continue;
      }
      // Whoever already has this deadline's escalation reads the reassignment in it, updated in place.
      const escalated =
        r.kind === 'escalation'
          ? escalatedPeople(await deps.store.outboxOf(instance.id), r.deadline, config, owners, r.fromOwnerId)
          : new Set<string>();
      await deps.store.enqueue(notices(r, instance, owners, config, escalated, now), now);
      await deps.store.settleReassignment(r.key, 'written', null, now);
      deps.logger.info(
        { key: r.key, from: r.fromOwnerId, to: r.toOwnerId },
        'reassignment written to hubspot',
      );
      report.written += 1;
      report.moved.push(ownerChanged(instance, r.toOwnerId, now));
    } catch (err) {
      if (isRetryable(err)) {
        deps.logger.warn({ key: r.key, err: describeError(err) }, 'reassignment write failed, will retry');
        break; // HubSpot is failing: the rest waits for the next cycle, still pending.
      }
      await deps.store.settleReassignment(r.key, 'failed', describeError(err), now);
      await deps.store.enqueue([failedAlert(config, err, now)], now);
      deps.logger.error({ key: r.key, err: describeError(err) }, 'reassignment refused by hubspot');
      report.failed += 1;
    }
  }
  return report;
}

/** The owner change a written reassignment is, as the poll would report it. */
const ownerChanged = (instance: SlaInstance, ownerId: string, at: Instant): LeadChange => ({
  kind: 'owner_changed',
  objectType: instance.lead.objectType,
  objectId: instance.lead.objectId,
  ownerId,
  at,
});

const isRetryable = (err: unknown): boolean =>
  typeof err === 'object' &&
  err !== null &&
  (('retryable' in err && err.retryable === true) || 'nextProbeAt' in err || 'resumeAt' in err);

const codeOf = (err: unknown): string =>
  typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : 'error';

const scopesOf = (err: unknown): readonly string[] | null =>
  typeof err === 'object' && err !== null && 'scopes' in err && Array.isArray(err.scopes)
    ? err.scopes.filter((s): s is string => typeof s === 'string')
    : null;

/** The admins' alert, once per kind of refusal; a missing scope names the scope and the YAML lines. */
function failedAlert(config: SlaConfig, err: unknown, now: Instant): NewOutboxEntry {
  const lines = (config.reassignments ?? [])
    .map((ref) => `${ref.at.file}:${ref.at.line} (${ref.path})`)
    .join(', ');
  const scopes = scopesOf(err);
  if (codeOf(err) === 'HUBSPOT_SCOPE' && scopes !== null)
    return adminAlert(
      'admin:reassign-scope',
      adminMessage('alert.reassignScope', { scope: scopes.join(' / '), lines }),
      now,
    );
  const code = codeOf(err);
  return adminAlert(
    `admin:reassign-failed:${code}`,
    adminMessage('alert.reassignFailed', { code, error: describeError(err), lines }),
    now,
  );
}

/**
 * What the rep it was taken from and the manager are told (the new owner's ping carries the history):
 * a notice each, except to someone in `escalated` — who already has an escalation of the deadline, which
 * is updated in place to say the lead was reassigned, to whom (`withTakenBy`). The manager is the one
 * the notifier will reach: of the new owner's team, the instance's owner by then.
 */
function notices(
  r: Reassignment,
  instance: SlaInstance,
  owners: readonly Owner[],
  config: SlaConfig,
  escalated: ReadonlySet<string>,
  now: Instant,
): NewOutboxEntry[] {
  const from = ownerById(owners, r.fromOwnerId);
  const to = ownerById(owners, r.toOwnerId);
  const names = {
    fromName: plainOwnerName(from, r.fromOwnerId),
    toName: plainOwnerName(to, r.toOwnerId),
    waited: r.waited,
    deadline: r.deadline,
    claimed: r.kind === 'claim',
  };
  type Told = readonly [Extract<DueNotification['reason'], { kind: 'reassigned' }>, Target];
  const email = from?.email ?? null;
  const manager = teamOf(config, to)?.manager.toLowerCase() ?? null;
  const told: Told[] = [];
  if (email !== null && !escalated.has(email.toLowerCase()))
    told.push([
      { kind: 'reassigned', told: 'previous_owner', ...names },
      { kind: 'user', email },
    ]);
  if (manager === null || !escalated.has(manager))
    told.push([{ kind: 'reassigned', told: 'manager', ...names }, { kind: 'manager' }]);
  return told.map(([reason, target]) => {
    const notification: DueNotification = {
      key: `${r.key}:told:${reason.told}`,
      kind: 'reassigned',
      instanceId: instance.id,
      dueAt: now,
      targets: [target],
      reason,
    };
    return {
      key: `${notification.key}:${targetKey(target)}`,
      instanceId: instance.id,
      kind: 'reassigned',
      target,
      payload: notification,
      dueAt: now,
    };
  });
}
