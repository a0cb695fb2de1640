import type { Evaluation } from '../../domain/evaluation.ts';
import type { Touch } from '../../domain/model.ts';
import type { NewOutboxEntry } from '../../ports/store.ts';
import { withoutDue } from '../memory/open-instance.ts';
import { type JudgedVerdict, verdictOf } from '../memory/settled-instances.ts';
import type { EvaluateOpenResult, Judgeable, Judged, NotificationKey } from './evaluate-open.ts';

/**
 * Instances judged at once. Their touches read from the store and their full evaluations (with
 * the `due` lists) are alive together; a changed world at 100,000 open instances is judged in 1,000
 * such steps instead of all at once. Small on purpose: what a step reads dies young (in V8's new
 * space) instead of being promoted and growing the old generation (measured with `LOAD_PAGE`:
 * 250 instead of 2,000 took the worker's peak RSS at 100,000 open from ~730 MB to ~580 MB). 100
 * rather than 250 took the CPU of a cycle judging 2,000 settled instances at 100,000 open from
 * ~500 ms to ~420 ms (less promoted, fewer full GCs; 50 saved little more for twice the queries).
 */
export const JUDGE_CHUNK = 100;

export interface ChunkedJudgingInput<T extends Judgeable> {
  readonly instances: readonly T[];
  /**
   * Settled instances not kept in memory that must be judged too (the world changed): read back
   * from the store one chunk at a time, so they are never all in memory at once.
   */
  readonly cold?: {
    readonly ids: readonly string[];
    readonly read: (ids: readonly string[]) => Promise<readonly T[]>;
    /** Whether a read-back instance, so judged, must be kept in memory (whole) from now on. */
    readonly keep: (o: T, judged: Judged) => boolean;
  };
  /** The contact's touches when the worker keeps them (complete); `null`: read from the store. */
  readonly keptTouches: (contactId: string) => readonly Touch[] | null;
  readonly readTouches: (contactIds: readonly string[]) => Promise<readonly Touch[]>;
  /** This cycle's new or changed touches, by contact. */
  readonly incoming: ReadonlyMap<string, readonly Touch[]>;
  /** Judges some instances (`evaluateOpen` with everything but the instances and touches bound). */
  readonly judge: (
    instances: readonly T[],
    touchesOf: (contactId: string) => readonly Touch[],
  ) => Promise<EvaluateOpenResult>;
  readonly chunkSize?: number;
}

/** A verdict that changed, for the HubSpot write-back (both without their `due` lists). */
export interface VerdictChange {
  readonly before: Evaluation | null;
  readonly after: Evaluation;
}

export interface ChunkedJudgement<T extends Judgeable> {
  /** Every instance judged (read-back ones only when kept), its evaluation without `due`. */
  readonly judged: ReadonlyMap<string, Judged>;
  /** The evaluations that changed, in full: the store keeps them with their `due` lists. */
  readonly changed: readonly Evaluation[];
  readonly verdictChanges: readonly VerdictChange[];
  readonly outbox: readonly NewOutboxEntry[];
  readonly newKeys: readonly NotificationKey[];
  readonly withoutPolicy: readonly string[];
  /**
   * Touches read from the store (with the cycle's) of contacts whose judged instance is unsettled:
   * the worker keeps them from now on.
   */
  readonly touchesToKeep: ReadonlyMap<string, readonly Touch[]>;
  /** Read-back instances to keep in memory (as read, before judging; `judged` has their new evaluation). */
  readonly kept: readonly T[];
  /** Read-back instances judged and left settled, with their verdict (all that is kept of them). */
  readonly stillSettled: ReadonlyMap<string, JudgedVerdict>;
}

/**
 * Judges the instances chunk by chunk: the touches of contacts the worker does not keep are read
 * from the store for one chunk at a time and merged with the cycle's; of each chunk only what
 * the cycle writes and remembers is kept. Cold instances (see `cold`) follow, read back a chunk
 * at a time.
 */
export async function judgeInChunks<T extends Judgeable>(
  input: ChunkedJudgingInput<T>,
): Promise<ChunkedJudgement<T>> {
  const size = input.chunkSize ?? JUDGE_CHUNK;
  const judged = new Map<string, Judged>();
  const changed: Evaluation[] = [];
  const verdictChanges: VerdictChange[] = [];
  const outbox: NewOutboxEntry[] = [];
  const newKeys: NotificationKey[] = [];
  const withoutPolicy: string[] = [];
  const touchesToKeep = new Map<string, readonly Touch[]>();
  const kept: T[] = [];
  const stillSettled = new Map<string, JudgedVerdict>();

  const judgeChunk = async (chunk: readonly T[], cold: boolean): Promise<void> => {
    const missing = new Set<string>();
    for (const o of chunk) {
      const contactId = o.instance.lead.contactId;
      if (input.keptTouches(contactId) === null) missing.add(contactId);
    }
    const stored = new Map<string, Touch[]>();
    if (missing.size > 0)
      for (const t of await input.readTouches([...missing])) {
        const list = stored.get(t.contactId);
        if (list) list.push(t);
        else stored.set(t.contactId, [t]);
      }
    const merged = new Map<string, readonly Touch[]>();
    const touchesOf = (contactId: string): readonly Touch[] => {
      let touches = merged.get(contactId);
      if (touches === undefined) {
        const base = input.keptTouches(contactId) ?? stored.get(contactId) ?? [];
        touches = withIncoming(base, input.incoming.get(contactId));
        merged.set(contactId, touches);
      }
      return touches;
    };
    const result = await input.judge(chunk, touchesOf);
    for (const o of chunk) {
      const j = result.judged.get(o.instance.id);
      if (j === undefined) continue;
      const evaluation = withoutDue(j.evaluation);
      if (j.changed) {
        changed.push(j.evaluation);
        verdictChanges.push({ before: o.evaluation && withoutDue(o.evaluation), after: evaluation });
      }
      const keep = !cold || input.cold?.keep(o, j) === true;
      if (!keep) {
        stillSettled.set(o.instance.id, verdictOf(evaluation));
        continue;
      }
      if (cold) kept.push(o);
      judged.set(o.instance.id, { ...j, evaluation });
      const contactId = o.instance.lead.contactId;
      if (!j.evaluation.settled && missing.has(contactId)) touchesToKeep.set(contactId, touchesOf(contactId));
    }
    outbox.push(...result.outbox);
    newKeys.push(...result.newKeys);
    withoutPolicy.push(...result.withoutPolicy);
  };

  for (let start = 0; start < input.instances.length; start += size)
    await judgeChunk(input.instances.slice(start, start + size), false);
  const cold = input.cold;
  if (cold !== undefined)
    for (let start = 0; start < cold.ids.length; start += size)
      await judgeChunk(await cold.read(cold.ids.slice(start, start + size)), true);
  return {
    judged,
    changed,
    verdictChanges,
    outbox,
    newKeys,
    withoutPolicy,
    touchesToKeep,
    kept,
    stillSettled,
  };
}

/** A contact's touches with this cycle's new and changed ones (a changed touch replaces its old self). */
function withIncoming(base: readonly Touch[], incoming: readonly Touch[] | undefined): readonly Touch[] {
  if (incoming === undefined || incoming.length === 0) return base;
  const byId = new Map(base.map((t) => [t.id, t]));
  for (const t of incoming) byId.set(t.id, t);
  return [...byId.values()];
}
