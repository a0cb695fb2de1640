import type { DealFacts, MessageFacts, ReportFacts } from '../domain/reports/index.ts';
import { DAY, type Instant } from '../domain/time.ts';
import { targetKey } from '../ports/notifier.ts';
import type { OutboxSummary, Store } from '../ports/store.ts';

export type ReportStore = Pick<
  Store,
  | 'instancesBetween'
  | 'openInstancesBefore'
  | 'touchesOf'
  | 'outboxSummariesBetween'
  | 'rejections'
  | 'silencesBetween'
  | 'outages'
  | 'dealsOf'
  | 'dealCandidates'
>;

/**
 * An outbox row as the report sees it. Its key is `${notification key}:${target}` (one row per
 * recipient, see `Delivery.key`), so the notification key is the row key without the target.
 */
export const messageFacts = (e: OutboxSummary): MessageFacts => {
  const suffix = e.target === null ? null : `:${targetKey(e.target)}`;
  return {
    instanceId: e.instanceId,
    kind: e.kind,
    notificationKey: suffix !== null && e.key.endsWith(suffix) ? e.key.slice(0, -suffix.length) : e.key,
    state: e.state,
    dueAt: e.dueAt,
    sentAt: e.sentAt,
  };
};

/**
 * Reads what a report over [since, until) needs: the window's instances and every later one (a lead
 * that converted after the window still converted), older open instances (not yet contacted), their
 * touches and messages, "not a fit" feedback, silences and outages. Seven queries, whatever the size.
 */
export async function loadReportFacts(
  store: ReportStore,
  window: { readonly since: Instant; readonly until: Instant },
  now: Instant,
  /** Stages whose contacts' deals count (SQL and later); empty or absent: no deal data read. */
  dealStageKeys: readonly string[] = [],
): Promise<ReportFacts> {
  const end = Math.max(window.until, now) + 1;
  const [inRange, older, messages, rejections, silences, outages] = await Promise.all([
    store.instancesBetween(window.since, end),
    store.openInstancesBefore(window.since),
    store.outboxSummariesBetween(window.since, end + DAY),
    store.rejections(window.since, window.until),
    store.silencesBetween(window.since, end),
    store.outages(window.since - DAY, end + DAY),
  ]);
  const instances = [...older, ...inRange];
  const contacts = [...new Set(instances.map((s) => s.instance.lead.contactId))];
  const touches = contacts.length === 0 ? [] : await store.touchesOf(contacts);
  const deals = await loadDeals(
    store,
    dealStageKeys,
    instances.filter((s) => dealStageKeys.includes(s.instance.stage)).map((s) => s.instance.lead.contactId),
  );
  return {
    ...(deals === null ? {} : { deals }),
    instances,
    touches,
    messages: messages.map(messageFacts),
    rejections,
    silences,
    outages,
  };
}

/**
 * Deals of the SQL-and-later contacts, or `null` when the worker has never read a deal into this
 * store (reports then say "no deal data" rather than show 0 % won).
 */
async function loadDeals(
  store: ReportStore,
  stages: readonly string[],
  contacts: readonly string[],
): Promise<DealFacts | null> {
  if (stages.length === 0) return null;
  const candidates = await store.dealCandidates(stages, 0);
  const read = candidates.filter((c) => c.refreshedAt !== null).map((c) => c.contactId);
  if (read.length === 0) return null;
  const wanted = [...new Set(contacts)];
  return { deals: wanted.length === 0 ? [] : await store.dealsOf(wanted), readContacts: read };
}
