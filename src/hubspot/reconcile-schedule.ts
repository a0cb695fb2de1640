import { z } from 'zod';
import type { Instant, Millis } from '../domain/time.ts';
import { BATCH_READ_LIMIT } from './batch-read.ts';

export interface ReconcileTuning {
  /** Every open lead is read back from HubSpot at least once per this period (plus one poll). */
  readonly every: Millis;
  /** Leads that entered their stage this recently (the first-contact window) are read more often… */
  readonly recentFor: Millis;
  /** …once per this interval. */
  readonly recentEvery: Millis;
  /** Batch reads (100 leads each) the period's share may take in one poll; the rest waits for the next. */
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
}

const Stored = z.object({
  v: z.literal(1),
  at: z.number(),
  after: z.string().nullable(),
  credit: z.number().nonnegative(),
  recentAt: z.number().nullable(),
});

export const encodeSweepCursor = (c: SweepCursor): string => JSON.stringify({ v: 1, ...c });

/** `null` for a missing or foreign cursor: the sweep then starts afresh (nothing is lost, only delayed). */
export function decodeSweepCursor(text: string | undefined): SweepCursor | null {
  if (text === undefined) return null;
  try {
    const parsed = Stored.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface SweepLead {
  /** `contact:123` / `lead:456`. */
  readonly key: string;
  readonly enteredAt: Instant;
}

export interface SweepPlan {
  /** Keys to read this poll (sorted, unique). */
  readonly due: readonly string[];
  readonly cursor: SweepCursor;
}

/**
 * Which open leads to read back this poll. A round-robin over the leads in key order earns credit at
 * `ceil(n / 100) × 100` leads per period and spends it in whole batches of 100 (fewer only when fewer are
 * open), so every lead comes round within the period while each request is full. Recent leads — still
 * inside their first-contact window, where a missed deletion or departure would wrongly blame a rep —
 * are read every `recentEvery` on top. Requests per poll are bounded by `maxBatchesPerPoll` plus the
 * recent leads (which grow with handoffs, not with what is open).
 */
export function planSweep(
  leads: readonly SweepLead[],
  previous: SweepCursor | null,
  now: Instant,
  tuning: ReconcileTuning,
): SweepPlan {
  const keys = new Set(leads.map((l) => l.key));
  const n = keys.size;
  const batch = Math.min(BATCH_READ_LIMIT, n);
  const perRound = batch === 0 ? 0 : Math.ceil(n / batch) * batch;
  const every = Math.max(1, Math.round(tuning.every));
  const from = previous ?? { at: now, after: null, credit: 0, recentAt: null };
  const elapsed = Math.max(0, now - from.at);
  // One lead·period of credit is `every` units: a round of `perRound` leads takes `perRound × every`.
  let credit = Math.min(perRound * every, from.credit + perRound * elapsed);
  const spend =
    batch === 0
      ? 0
      : Math.min(Math.floor(credit / (batch * every)) * batch, Math.max(1, tuning.maxBatchesPerPoll) * batch);
  credit -= spend * every;
  const slice = nextKeys(keys, from.after, Math.min(spend, n));

  const recentDue = from.recentAt === null || now - from.recentAt >= tuning.recentEvery;
  const recent = recentDue
    ? leads.filter((l) => l.enteredAt >= now - tuning.recentFor).map((l) => l.key)
    : [];

  return {
    due: [...new Set([...slice, ...recent])].sort(),
    cursor: {
      at: now,
      after: slice.at(-1) ?? from.after,
      credit: n === 0 ? 0 : credit,
      recentAt: recentDue ? now : from.recentAt,
    },
  };
}

/**
 * The first `count` keys in key order after `after` (wrapping round), so a round resumes where the
 * last poll stopped — without sorting every open lead each poll (100,000 of them): only the keys
 * taken are ordered.
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
