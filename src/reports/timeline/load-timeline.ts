import type { SlaConfig } from '../../config/types.ts';
import type { DueNotification } from '../../domain/evaluation.ts';
import type { PersonFacts } from '../../domain/reports/index.ts';
import { teamOfEmail } from '../../domain/reports/people.ts';
import { DAY, type Instant } from '../../domain/time.ts';
import { type Timeline, type TimelineMessage, timelineOf } from '../../domain/timeline/index.ts';
import type { OutboxEntry, Store, StoredInstance } from '../../ports/store.ts';
import type { LeadRef } from './lead-ref.ts';

export type TimelineStore = Pick<
  Store,
  | 'instance'
  | 'instancesBetween'
  | 'touchesOf'
  | 'acknowledgements'
  | 'silencesBetween'
  | 'outages'
  | 'outboxBetween'
  | 'rejections'
  | 'reassignmentsOf'
>;

/**
 * The stored instances a reference names, newest handoff first: the instance itself, or every
 * instance of a record (by contact or Leads-object id) or of an e-mail (matched against the stored
 * lead snapshots). Records and e-mails are found by reading the instances table through.
 */
export async function findInstances(
  store: TimelineStore,
  ref: LeadRef,
  now: Instant,
): Promise<StoredInstance[]> {
  if (ref.kind === 'instance') {
    const found = await store.instance(ref.id);
    return found === null ? [] : [found];
  }
  const all = await store.instancesBetween(Number.MIN_SAFE_INTEGER, now + DAY);
  const matches = (s: StoredInstance) => {
    const lead = s.instance.lead;
    return ref.kind === 'record'
      ? lead.contactId === ref.id || lead.objectId === ref.id
      : lead.email?.trim().toLowerCase() === ref.email;
  };
  return all
    .filter(matches)
    .sort((a, b) => b.instance.enteredAt - a.instance.enteredAt || (a.instance.id < b.instance.id ? 1 : -1));
}

/** An outbox row as the timeline reads it. */
export function timelineMessage(e: OutboxEntry): TimelineMessage {
  const payload = e.payload as Partial<DueNotification> | null;
  const reason = payload !== null && typeof payload === 'object' && payload.reason ? payload.reason : null;
  return {
    key: e.key,
    kind: e.kind,
    target: e.target,
    reason,
    dueAt: e.dueAt,
    createdAt: e.createdAt,
    state: e.state,
    attempts: e.attempts,
    lastError: e.lastError,
    sentAt: e.sentAt,
    fallback: e.fallback,
    aboutOwner: e.aboutOwner,
    shown: e.shown,
    editPending: e.edit !== null,
  };
}

/** Gathers one instance's facts from the store and tells its story (`timelineOf`). */
export async function loadTimeline(
  deps: {
    readonly store: TimelineStore;
    readonly config: SlaConfig;
    readonly owners: readonly PersonFacts[] | null;
  },
  stored: StoredInstance,
  now: Instant,
): Promise<Timeline> {
  const { store, config } = deps;
  const i = stored.instance;
  const end = Math.max(i.closedAt ?? now, i.enteredAt) + 1;
  const [touches, acknowledgements, silences, outages, outbox, rejections, reassignments] = await Promise.all(
    [
      store.touchesOf([i.lead.contactId]),
      store.acknowledgements([i.id]),
      store.silencesBetween(i.enteredAt, end),
      store.outages(i.enteredAt - DAY, end + DAY),
      // Messages fall due while the instance is open; an update in place keeps its due time.
      store.outboxBetween(i.enteredAt - DAY, Math.max(end, now) + DAY),
      store.rejections(i.enteredAt, end + DAY),
      store.reassignmentsOf([i.id]),
    ],
  );
  const email = deps.owners?.find((o) => o.id === i.ownerId)?.email ?? null;
  const rejection = rejections.find((r) => r.instanceId === i.id) ?? null;
  return timelineOf(
    {
      instance: i,
      evaluation: stored.evaluation,
      touches,
      acknowledgements,
      silences,
      outages,
      messages: outbox.filter((m) => m.instanceId === i.id).map(timelineMessage),
      team: teamOfEmail(config.teams, email),
      rejection: rejection && { reason: rejection.reason, by: rejection.by, at: rejection.at },
      reassignments,
    },
    config,
    now,
  );
}
