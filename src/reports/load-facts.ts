import type { MessageFacts, ReportFacts } from '../domain/reports/index.ts';
import { DAY, type Instant } from '../domain/time.ts';
import type { OutboxEntry, Store, StoredInstance } from '../ports/store.ts';

export type ReportStore = Pick<
  Store,
  | 'instancesBetween'
  | 'openInstances'
  | 'touchesOf'
  | 'outboxBetween'
  | 'rejections'
  | 'silencesBetween'
  | 'outages'
>;

const payloadKey = (payload: unknown): string | null =>
  typeof payload === 'object' && payload !== null && 'key' in payload && typeof payload.key === 'string'
    ? payload.key
    : null;

/** An outbox row as the report sees it: the notification key is the engine's, shared by all recipients. */
export const messageFacts = (e: OutboxEntry): MessageFacts => ({
  instanceId: e.instanceId,
  kind: e.kind,
  notificationKey: payloadKey(e.payload) ?? e.key,
  state: e.state,
  dueAt: e.dueAt,
  sentAt: e.sentAt,
});

/**
 * Reads what a report over [since, until) needs: the window's instances and every later one (a lead
 * that converted after the window still converted), all open instances (not yet contacted), their
 * touches and messages, "not a fit" feedback, silences and outages. Seven queries, whatever the size.
 */
export async function loadReportFacts(
  store: ReportStore,
  window: { readonly since: Instant; readonly until: Instant },
  now: Instant,
): Promise<ReportFacts> {
  const end = Math.max(window.until, now) + 1;
  const [inRange, open, messages, rejections, silences, outages] = await Promise.all([
    store.instancesBetween(window.since, end),
    store.openInstances(),
    store.outboxBetween(window.since, end + DAY),
    store.rejections(window.since, window.until),
    store.silencesBetween(window.since, end),
    store.outages(window.since - DAY, end + DAY),
  ]);
  const instances = merge(inRange, open);
  const contacts = [...new Set(instances.map((s) => s.instance.lead.contactId))];
  const touches = contacts.length === 0 ? [] : await store.touchesOf(contacts);
  return {
    instances,
    touches,
    messages: messages.map(messageFacts),
    rejections,
    silences,
    outages,
  };
}

function merge(a: readonly StoredInstance[], b: readonly StoredInstance[]): StoredInstance[] {
  const seen = new Set(a.map((s) => s.instance.id));
  return [...a, ...b.filter((s) => !seen.has(s.instance.id))];
}
