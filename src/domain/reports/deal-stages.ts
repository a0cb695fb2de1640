import type { Instant, Millis } from '../time.ts';

/** A stage as far as deal tracking needs one (the config's `StageDefinition` fits). */
export interface DealStageInput {
  readonly key: string;
  readonly order: number;
  readonly source?: { readonly kind: string; readonly value?: string };
}

const isSql = (s: DealStageInput): boolean =>
  s.key.toLowerCase() === 'sql' ||
  (s.source?.kind === 'lifecycle_stage' && s.source.value === 'salesqualifiedlead');

/**
 * The stages whose leads' deals count (SQL → won): the SQL stage (key `sql` or lifecycle stage
 * `salesqualifiedlead`) and every later one; without one, the last stage of the funnel.
 */
export function dealStages(stages: readonly DealStageInput[]): string[] {
  const sorted = [...stages].sort((a, b) => a.order - b.order);
  const sql = sorted.find(isSql) ?? sorted[sorted.length - 1];
  return sql === undefined ? [] : sorted.filter((s) => s.order >= sql.order).map((s) => s.key);
}

export interface DealRefreshPolicy {
  /** Contacts that entered a deal stage within this are refreshed every `recentEvery`. */
  readonly recent: Millis;
  readonly recentEvery: Millis;
  /** Older ones (within the look-back) every `every`. */
  readonly every: Millis;
  /** Contacts per refresh (one associations request; deals follow in batches of 100). */
  readonly limit: number;
}

export interface RefreshCandidate {
  readonly contactId: string;
  readonly enteredAt: Instant;
  readonly refreshedAt: Instant | null;
}

/**
 * The contacts whose deals are due, most overdue first (never read before comes first, then by how
 * long past due), at most `limit`: a bounded round-robin where recent SQLs come round more often.
 */
export function dueForRefresh(
  candidates: readonly RefreshCandidate[],
  now: Instant,
  policy: DealRefreshPolicy,
): string[] {
  const due: { id: string; overdue: number }[] = [];
  for (const c of candidates) {
    if (c.refreshedAt === null) {
      due.push({ id: c.contactId, overdue: Number.POSITIVE_INFINITY });
      continue;
    }
    const interval = now - c.enteredAt < policy.recent ? policy.recentEvery : policy.every;
    const overdue = now - c.refreshedAt - interval;
    if (overdue >= 0) due.push({ id: c.contactId, overdue });
  }
  return due
    .sort((a, b) => b.overdue - a.overdue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, Math.max(0, policy.limit))
    .map((d) => d.id);
}
