import { z } from 'zod';
import type { Instant } from '../../domain/time.ts';

/**
 * HubSpot write-backs still to do, kept in the store as the cursor `worker:write-back` (written in
 * the same transaction as the verdicts that caused them), so a failure or a restart never loses one
 * and a breach task is created once. Normally empty: items leave as soon as HubSpot accepted them.
 */
export const WRITE_BACK_CURSOR = 'worker:write-back';

export const WriteBackItem = z.object({
  /**
   * `outcome:<instance id>` (one per instance: the latest verdict wins), `breach_task:<breach key>`, or
   * `retract_task:<instance id>` (the breach was retracted: complete the task made for it).
   */
  key: z.string().min(1),
  kind: z.enum(['outcome', 'breach_task', 'retract_task']),
  instanceId: z.string().min(1),
  attempts: z.number().int().nonnegative(),
  nextAt: z.number().int(),
  lastError: z.string().nullable(),
});
export type WriteBackItem = z.infer<typeof WriteBackItem>;

const StoredQueue = z.object({ v: z.literal(1), items: z.array(WriteBackItem) });

export type WriteBackQueue = ReadonlyMap<string, WriteBackItem>;

export const EMPTY_QUEUE: WriteBackQueue = new Map();

export type ParsedQueue =
  | { readonly ok: true; readonly queue: WriteBackQueue }
  | { readonly ok: false; readonly queue: WriteBackQueue; readonly problem: string };

/** Reads the stored queue; an unreadable value yields an empty queue and says why. */
export function parseQueue(raw: string | undefined): ParsedQueue {
  if (raw === undefined || raw === '') return { ok: true, queue: EMPTY_QUEUE };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    return { ok: false, queue: EMPTY_QUEUE, problem: err instanceof Error ? err.message : String(err) };
  }
  const parsed = StoredQueue.safeParse(json);
  if (!parsed.success)
    return { ok: false, queue: EMPTY_QUEUE, problem: parsed.error.issues[0]?.message ?? 'invalid' };
  return { ok: true, queue: new Map(parsed.data.items.map((i) => [i.key, i])) };
}

export const serializeQueue = (queue: WriteBackQueue): string =>
  JSON.stringify({ v: 1, items: [...queue.values()] } satisfies z.infer<typeof StoredQueue>);

export const outcomeKey = (instanceId: string): string => `outcome:${instanceId}`;
export const breachTaskKey = (breachKey: string): string => `breach_task:${breachKey}`;
export const retractTaskKey = (instanceId: string): string => `retract_task:${instanceId}`;

/**
 * Adds items: a newer outcome replaces a pending one of the same instance (and starts afresh); a
 * breach task or task retraction already queued stays as it is.
 */
export function withItems(queue: WriteBackQueue, items: readonly WriteBackItem[]): WriteBackQueue {
  if (items.length === 0) return queue;
  const next = new Map(queue);
  for (const item of items) if (item.kind === 'outcome' || !next.has(item.key)) next.set(item.key, item);
  return next;
}

export function without(queue: WriteBackQueue, key: string): WriteBackQueue {
  const next = new Map(queue);
  next.delete(key);
  return next;
}

export function withRetry(
  queue: WriteBackQueue,
  key: string,
  nextAt: Instant,
  error: string,
): WriteBackQueue {
  const item = queue.get(key);
  if (!item) return queue;
  return new Map(queue).set(key, { ...item, attempts: item.attempts + 1, nextAt, lastError: error });
}

const ORDER: Record<WriteBackItem['kind'], number> = { outcome: 0, breach_task: 1, retract_task: 2 };

/** Items due at `now`, the longest waiting first; a lead's outcome before its task, a task before its retraction. */
export const dueItems = (queue: WriteBackQueue, now: Instant, limit: number): WriteBackItem[] =>
  [...queue.values()]
    .filter((i) => i.nextAt <= now)
    .sort((a, b) => a.nextAt - b.nextAt || ORDER[a.kind] - ORDER[b.kind] || a.key.localeCompare(b.key))
    .slice(0, limit);
