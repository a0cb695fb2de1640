import { z } from 'zod';
import type { Instant, Millis } from '../domain/time.ts';
import type { WatchedInstance, WatchedInstances } from '../ports/crm-source.ts';
import { BATCH_READ_LIMIT } from './batch-read.ts';

export interface ReconcileTuning {
  /** Every open lead is read back at least once per this period — while the per-poll budget allows. */
  readonly every: Millis;
  /** Leads that entered their stage this recently (the first-contact window) are read first… */
  readonly recentFor: Millis;
  /** …once per this interval. */
  readonly recentEvery: Millis;
  /**
   * Batch reads one poll may take, recent leads and the round together: the read-back's whole request
   * budget, whatever the number of open leads or the handoff rate. A batch is 100 leads, 50 when the
   * contacts are read with property history (a property-defined stage such as `hs_lead_status`).
   */
  readonly maxBatchesPerPoll: number;
}

/** Where the round-robin stands; persisted as the `reconcile` cursor. */
export interface SweepCursor {
  /** When credit was last added. */
  readonly at: Instant;
  /** Last lead key read; the next poll continues after it. */
  readonly after: string | null;
  /** Reads owed, in lead·milliseconds (integer, so rounds add up exactly), carried between polls. */
  readonly credit: number;
  /** When recent leads were last read. */
  readonly recentAt: Instant | null;
  /** Last recent lead read, when there were more than one poll's budget (they take turns). */
  readonly recentAfter?: string | null;
}

const Stored = z.object({
  v: z.literal(1),
  at: z.number(),
  after: z.string().nullable(),
  credit: z.number().nonnegative(),
  recentAt: z.number().nullable(),
  recentAfter: z.string().nullable().optional(),
});

export const encodeSweepCursor = (c: SweepCursor): string => JSON.stringify({ v: 1, ...c });

/** `null` for a missing or foreign cursor: the sweep then starts afresh (nothing is lost, only delayed). */
export function decodeSweepCursor(text: string | undefined): SweepCursor | null {
  if (text === undefined) return null;
  try {
    const parsed = Stored.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const { recentAfter, ...cursor } = parsed.data;
    return recentAfter === undefined ? cursor : { ...cursor, recentAfter };
  } catch {
    return null;
  }
}

export interface SweepInstance {
  /** `contact:123` / `lead:456`. */
  readonly key: string;
  readonly enteredAt: Instant;
}

/** What `planSweep` asks of the open leads (see `WatchedInstances`). */
export type SweepSource = Pick<WatchedInstances, 'size' | 'next' | 'recent'>;

/** The lead key of a watched lead. */
export const leadKey = (w: Pick<WatchedInstance, 'lead'>): string =>
  `${w.lead.objectType}:${w.lead.objectId}`;

/**
 * `WatchedInstances` over a list (sorted once; the worker keeps its own, in order as leads come and go).
 * Several instances of one lead: the latest by stage entry is the lead's.
 */
export function watchedLeadsOf(list: readonly WatchedInstance[]): WatchedInstances {
  const latest = new Map<string, WatchedInstance>();
  for (const w of list) {
    const seen = latest.get(leadKey(w));
    if (!seen || w.enteredAt > seen.enteredAt) latest.set(leadKey(w), w);
  }
  return {
    ...sweepSourceOf([...latest].map(([key, w]) => ({ key, enteredAt: w.enteredAt }))),
    get: (key) => latest.get(key),
  };
}

/** `SweepSource` over a list of leads (one entry per key). */
export function sweepSourceOf(leads: readonly SweepInstance[]): SweepSource {
  const keys = [...new Set(leads.map((l) => l.key))].sort();
  return {
    size: keys.length,
    next: (after, count) => {
      let start = 0;
      if (after !== null) while (start < keys.length && (keys[start] as string) <= after) start += 1;
      const out: string[] = [];
      for (let step = 0; step < keys.length && out.length < count; step += 1)
        out.push(keys[(start + step) % keys.length] as string);
      return out;
    },
    recent: (since) => [...new Set(leads.filter((l) => l.enteredAt >= since).map((l) => l.key))],
  };
}

export interface SweepPlan {
  /** Keys to read this poll (sorted, unique). */
  readonly due: readonly string[];
  readonly cursor: SweepCursor;
}

/**
 * Which open leads to read back this poll, within a fixed budget of `maxBatchesPerPoll` batch reads
 * (by default one) of `batchSize` leads each — so the read-back costs the same whatever is open.
 * `batchSize` is what one HubSpot batch read may carry: 100 ids, or 50 when the read asks for property
 * history (`batchReadSize` in batch-read.ts); a budget counted in leads of 100 would cost two requests
 * a batch with history.
 *
 * Recent leads — still inside their first-contact window, where a missed deletion or departure would
 * wrongly blame a rep — come first, every `recentEvery` (taking turns when more than the budget). The
 * rest of the budget goes to a round-robin over all open leads in key order: it earns credit at
 * `ceil(n / batchSize) × batchSize` leads per `every` and spends it in whole batches (a request read
 * anyway for recent leads takes what credit there is in its free places), so every lead comes round
 * within `every` while that fits the budget, and in `n / batchSize` polls beyond it (100,000 open at
 * a 30 s poll: about 8 hours at 100 a batch, 17 hours at 50). The trade-off is deliberate: the
 * searches report owner changes, removals and merges as they happen, webhooks report deletions at
 * once; the round only catches what both missed.
 */
export function planSweep(
  open: SweepSource | readonly SweepInstance[],
  previous: SweepCursor | null,
  now: Instant,
  tuning: ReconcileTuning,
  batchSize: number = BATCH_READ_LIMIT,
): SweepPlan {
  const leads = isList(open) ? sweepSourceOf(open) : open;
  const n = leads.size;
  const perBatch = Math.max(1, Math.min(BATCH_READ_LIMIT, Math.floor(batchSize)));
  const batch = Math.min(perBatch, n);
  const capacity = Math.max(1, tuning.maxBatchesPerPoll) * perBatch;
  const perRound = batch === 0 ? 0 : Math.ceil(n / batch) * batch;
  const every = Math.max(1, Math.round(tuning.every));
  const from = previous ?? { at: now, after: null, credit: 0, recentAt: null };

  const recentDue = from.recentAt === null || now - from.recentAt >= tuning.recentEvery;
  const recentKeys = recentDue ? leads.recent(now - tuning.recentFor) : [];
  const recent = nextKeys(recentKeys, from.recentAfter ?? null, Math.min(capacity, recentKeys.length));

  const elapsed = Math.max(0, now - from.at);
  // One lead·period of credit is `every` units: a round of `perRound` leads takes `perRound × every`.
  let credit = Math.min(perRound * every, from.credit + perRound * elapsed);
  const owed = Math.floor(credit / every);
  const room = capacity - recent.length;
  const spend =
    batch === 0
      ? 0
      : recent.length > 0
        ? Math.min(room, owed)
        : Math.min(room, Math.floor(owed / batch) * batch);
  credit -= spend * every;
  const slice = leads.next(from.after, Math.min(spend, n));

  return {
    due: [...new Set([...recent, ...slice])].sort(),
    cursor: {
      at: now,
      after: slice.at(-1) ?? from.after,
      credit: n === 0 ? 0 : credit,
      recentAt: recentDue ? now : from.recentAt,
      recentAfter: !recentDue
        ? (from.recentAfter ?? null)
        : recentKeys.length > capacity
          ? (recent.at(-1) ?? null)
          : null,
    },
  };
}

const isList = (open: SweepSource | readonly SweepInstance[]): open is readonly SweepInstance[] =>
  Array.isArray(open);

/**
 * The first `count` keys in key order after `after` (wrapping round), so recent leads take turns
 * where the last poll stopped: only the keys taken are ordered.
 */
function nextKeys(keys: Iterable<string>, after: string | null, count: number): string[] {
  if (count <= 0) return [];
  const above: string[] = [];
  const below: string[] = [];
  for (const k of keys) (after === null || k > after ? above : below).push(k);
  const first = smallest(above, count);
  return first.length >= count ? first : [...first, ...smallest(below, count - first.length)];
}

/** The `count` smallest strings, ascending (a bounded max-heap: O(n log count)). */
function smallest(items: readonly string[], count: number): string[] {
  if (items.length <= count) return [...items].sort();
  const heap: string[] = [];
  const at = (i: number): string => heap[i] ?? '';
  const swap = (i: number, j: number) => {
    const t = at(i);
    heap[i] = at(j);
    heap[j] = t;
  };
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0 && at((i - 1) >> 1) < at(i); i = (i - 1) >> 1)
        swap(i, (i - 1) >> 1);
    } else if (item < at(0)) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        let top = i;
        if (l < heap.length && at(l) > at(top)) top = l;
        if (l + 1 < heap.length && at(l + 1) > at(top)) top = l + 1;
        if (top === i) break;
        swap(i, top);
        i = top;
      }
    }
  }
  return heap.sort();
}
