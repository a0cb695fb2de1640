import type {
  AttemptsVerdict,
  ContactKind,
  Evaluation,
  FirstContactVerdict,
} from '../../domain/evaluation.ts';
import type { CloseReason, LeadObjectType, LeadSnapshot, SlaInstance } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import type { MessageRef } from '../../ports/notifier.ts';
import type { InstancePageKey, OpenInstanceSummary, StoredInstance } from '../../ports/store.ts';
import { StoreNotFoundError } from '../errors.ts';
import { queryByIds } from '../sql/batch.ts';
import {
  flag,
  int,
  intOrNull,
  json,
  oneOf,
  storedJson,
  storedJsonOrNull,
  text,
  textOrNull,
} from '../sql/columns.ts';
import type { SqlDriver, SqlExecutor, SqlRow, SqlValue } from '../sql/driver.ts';
import { requestEdits } from './outbox-edits.ts';

export const INSTANCE_COLUMNS = [
  'id',
  'object_type',
  'object_id',
  'contact_id',
  'stage',
  'policy_name',
  'entered_at',
  'owner_id',
  'owner_assigned_at',
  'first_seen_at',
  'imported_at',
  'closed_at',
  'close_reason',
  'lead',
  'owner_changed_at',
  'close_detail',
] as const;

export const instanceValues = (i: SlaInstance): SqlValue[] => [
  i.id,
  i.lead.objectType,
  i.lead.objectId,
  i.lead.contactId,
  i.stage,
  i.policyName,
  i.enteredAt,
  i.ownerId,
  i.ownerAssignedAt,
  i.firstSeenAt,
  i.importedAt ?? null,
  i.closedAt,
  i.closeReason,
  json(i.lead),
  i.ownerChangedAt ?? null,
  i.closeDetail ?? null,
];

const CLOSE_REASONS: readonly CloseReason[] = ['progressed', 'regressed', 'recycled', 'deleted', 'not_a_fit'];

const SELECT_STORED = `
SELECT i.id, i.stage, i.policy_name, i.entered_at, i.owner_id, i.owner_assigned_at, i.owner_changed_at,
       i.first_seen_at, i.imported_at, i.closed_at, i.close_reason, i.close_detail, i.lead, i.ping_channel, i.ping_ts, i.ping_state, e.body AS evaluation
FROM instances i LEFT JOIN evaluations e ON e.instance_id = i.id`;

export async function openInstances(db: SqlExecutor): Promise<StoredInstance[]> {
  const rows = await db.query(`${SELECT_STORED} WHERE i.closed_at IS NULL ORDER BY i.entered_at, i.id`);
  return rows.map(storedInstance);
}

const SELECT_SUMMARY = `
SELECT i.id, i.object_type, i.object_id, i.contact_id, i.stage, i.entered_at, i.owner_id, i.owner_assigned_at,
       i.owner_changed_at, i.first_seen_at, i.ping_channel, i.ping_ts, i.ping_state,
       e.settled, e.first_contact_state, e.first_contact_at, e.first_contact_kind, e.excused, e.attempts_state, e.attempts_made,
       e.attempts_required, e.overkill, e.acknowledged_at
FROM instances i LEFT JOIN evaluations e ON e.instance_id = i.id`;

/** `openInstancesPage` as summaries, from columns only (no JSON parsed). */
export async function openInstanceSummariesPage(
  db: SqlExecutor,
  after: InstancePageKey | null,
  limit: number,
): Promise<OpenInstanceSummary[]> {
  return (await openPage(db, SELECT_SUMMARY, after, limit)).map(summary);
}

/** Rows of `select` for a page of open instances in (entered_at, id) order, on the `instances_open` index. */
const openPage = (
  db: SqlExecutor,
  select: string,
  after: InstancePageKey | null,
  limit: number,
): Promise<readonly SqlRow[]> =>
  after === null
    ? db.query(`${select} WHERE i.closed_at IS NULL ORDER BY i.entered_at, i.id LIMIT $1`, [limit])
    : db.query(
        `${select} WHERE i.closed_at IS NULL AND (i.entered_at, i.id) > ($1, $2)
         ORDER BY i.entered_at, i.id LIMIT $3`,
        [after.enteredAt, after.id, limit],
      );

const OBJECT_TYPES: readonly LeadObjectType[] = ['contact', 'lead'];
const FIRST_CONTACT_STATES: readonly FirstContactVerdict['state'][] = ['pending', 'met', 'breached'];
const ATTEMPTS_STATES: readonly AttemptsVerdict['state'][] = ['open', 'met', 'short'];
const CONTACT_KINDS: readonly ContactKind[] = ['reached', 'attempt'];

function summary(row: SqlRow): OpenInstanceSummary {
  const judged = textOrNull(row, 'first_contact_state') !== null;
  const attempts = textOrNull(row, 'attempts_state') !== null;
  return {
    id: text(row, 'id'),
    lead: {
      objectType: oneOf(row, 'object_type', OBJECT_TYPES),
      objectId: text(row, 'object_id'),
      contactId: text(row, 'contact_id'),
    },
    stage: text(row, 'stage'),
    enteredAt: int(row, 'entered_at'),
    ownerId: textOrNull(row, 'owner_id'),
    ownerAssignedAt: intOrNull(row, 'owner_assigned_at'),
    ownerChangedAt: intOrNull(row, 'owner_changed_at'),
    firstSeenAt: int(row, 'first_seen_at'),
    verdict: judged
      ? {
          settled: flag(row, 'settled'),
          firstContact: {
            state: oneOf(row, 'first_contact_state', FIRST_CONTACT_STATES),
            contactedAt: intOrNull(row, 'first_contact_at'),
            contact:
              textOrNull(row, 'first_contact_kind') === null
                ? null
                : oneOf(row, 'first_contact_kind', CONTACT_KINDS),
            excused: flag(row, 'excused'),
          },
          attempts: attempts
            ? {
                made: int(row, 'attempts_made'),
                required: int(row, 'attempts_required'),
                state: oneOf(row, 'attempts_state', ATTEMPTS_STATES),
                overkill: flag(row, 'overkill'),
              }
            : null,
          acknowledged: intOrNull(row, 'acknowledged_at') !== null,
        }
      : null,
    hasPing: textOrNull(row, 'ping_channel') !== null && textOrNull(row, 'ping_ts') !== null,
    pingState: textOrNull(row, 'ping_state'),
  };
}

/** A page of open instances in (entered_at, id) order, on the `instances_open` index. */
export async function openInstancesPage(
  db: SqlExecutor,
  after: InstancePageKey | null,
  limit: number,
): Promise<StoredInstance[]> {
  return (await openPage(db, SELECT_STORED, after, limit)).map(storedInstance);
}

/** Open instances of these owners (`instances_open_owner` index), oldest handoff first. */
export async function openInstancesOfOwners(
  db: SqlExecutor,
  ownerIds: readonly string[],
): Promise<StoredInstance[]> {
  const rows = await queryByIds(ownerIds, (placeholders, ids) =>
    db.query(`${SELECT_STORED} WHERE i.closed_at IS NULL AND i.owner_id IN (${placeholders})`, ids),
  );
  return rows
    .map(storedInstance)
    .sort((a, b) => a.instance.enteredAt - b.instance.enteredAt || compare(a.instance.id, b.instance.id));
}

/** The open instances among these ids, in no particular order (closed and unknown ids are left out). */
export async function openInstancesByIds(db: SqlExecutor, ids: readonly string[]): Promise<StoredInstance[]> {
  const rows = await queryByIds(ids, (placeholders, chunk) =>
    db.query(`${SELECT_STORED} WHERE i.closed_at IS NULL AND i.id IN (${placeholders})`, chunk),
  );
  return rows.map(storedInstance);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export async function openInstancesBefore(
  db: SqlExecutor,
  enteredBefore: Instant,
): Promise<StoredInstance[]> {
  const rows = await db.query(
    `${SELECT_STORED} WHERE i.closed_at IS NULL AND i.entered_at < $1 ORDER BY i.entered_at, i.id`,
    [enteredBefore],
  );
  return rows.map(storedInstance);
}

export async function instance(db: SqlExecutor, id: string): Promise<StoredInstance | null> {
  const [row] = await db.query(`${SELECT_STORED} WHERE i.id = $1`, [id]);
  return row ? storedInstance(row) : null;
}

export async function instancesBetween(
  db: SqlExecutor,
  from: Instant,
  until: Instant,
): Promise<StoredInstance[]> {
  const rows = await db.query(
    `${SELECT_STORED} WHERE i.entered_at >= $1 AND i.entered_at < $2 ORDER BY i.entered_at, i.id`,
    [from, until],
  );
  return rows.map(storedInstance);
}

export async function setPing(
  db: SqlExecutor,
  instanceId: string,
  ref: MessageRef,
  state: string,
): Promise<void> {
  const changed = await db.run(
    'UPDATE instances SET ping_channel = $1, ping_ts = $2, ping_state = $3 WHERE id = $4',
    [ref.channel, ref.ts, state, instanceId],
  );
  if (changed === 0) {
    throw new StoreNotFoundError(`setPing: no SLA instance ${instanceId} in the store`);
  }
}

/**
 * Closes an open instance; false when it is unknown or already closed (the first close wins). Its sent
 * messages are asked to be checked in the same transaction (they say it is closed, and why).
 */
export async function closeInstance(
  db: SqlDriver,
  instanceId: string,
  at: Instant,
  reason: CloseReason,
  detail: string | null,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await tx.run(
      'UPDATE instances SET closed_at = $1, close_reason = $2, close_detail = $3 WHERE id = $4 AND closed_at IS NULL',
      [at, reason, detail, instanceId],
    );
    if (changed > 0) await requestEdits(tx, [instanceId], at);
    return changed > 0;
  });
}

function storedInstance(row: SqlRow): StoredInstance {
  const closeReason = textOrNull(row, 'close_reason');
  const pingChannel = textOrNull(row, 'ping_channel');
  const pingTs = textOrNull(row, 'ping_ts');
  const ownerChangedAt = intOrNull(row, 'owner_changed_at');
  const importedAt = intOrNull(row, 'imported_at');
  const closeDetail = textOrNull(row, 'close_detail');
  return {
    instance: {
      id: text(row, 'id'),
      lead: storedJson<LeadSnapshot>(row, 'lead'),
      stage: text(row, 'stage'),
      policyName: text(row, 'policy_name'),
      enteredAt: int(row, 'entered_at'),
      ownerId: textOrNull(row, 'owner_id'),
      ownerAssignedAt: intOrNull(row, 'owner_assigned_at'),
      firstSeenAt: int(row, 'first_seen_at'),
      closedAt: intOrNull(row, 'closed_at'),
      closeReason: closeReason === null ? null : oneOf(row, 'close_reason', CLOSE_REASONS),
      ...(ownerChangedAt === null ? {} : { ownerChangedAt }),
      ...(importedAt === null ? {} : { importedAt }),
      ...(closeDetail === null ? {} : { closeDetail }),
    },
    evaluation: storedJsonOrNull<Evaluation>(row, 'evaluation'),
    pingRef: pingChannel !== null && pingTs !== null ? { channel: pingChannel, ts: pingTs } : null,
    pingState: textOrNull(row, 'ping_state'),
  };
}
