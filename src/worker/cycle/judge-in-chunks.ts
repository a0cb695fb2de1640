import type { Evaluation } from '../../domain/evaluation.ts';
import type { Touch } from '../../domain/model.ts';
import type { NewOutboxEntry } from '../../ports/store.ts';
import { withoutDue } from '../worker-state.ts';
import type { EvaluateOpenResult, Judgeable, Judged, NotificationKey } from './evaluate-open.ts';

/**
 * Instances judged at once. Their touches read from the store and their full evaluations (with
 * the `due` lists) are alive together; a changed world at 100,000 open instances is judged in 50
 * such steps instead of all at once.
 */
export const JUDGE_CHUNK = 2_000;

export interface ChunkedJudgingInput {
  readonly instances: readonly Judgeable[];
  /** The contact's touches when the worker keeps them (complete); `null`: read from the store. */
  readonly keptTouches: (contactId: string) => readonly Touch[] | null;
  readonly readTouches: (contactIds: readonly string[]) => Promise<readonly Touch[]>;
  /** This cycle's new or changed touches, by contact. */
  readonly incoming: ReadonlyMap<string, readonly Touch[]>;
  /** Judges some instances (`evaluateOpen` with everything but the instances and touches bound). */
  readonly judge: (
    instances: readonly Judgeable[],
    touchesOf: (contactId: string) => readonly Touch[],
  ) => EvaluateOpenResult;
  readonly chunkSize?: number;
}

export interface ChunkedJudgement {
  /** Every instance judged, its evaluation without `due`. */
  readonly judged: ReadonlyMap<string, Judged>;
  /** The evaluations that changed, in full: the store keeps them with their `due` lists. */
  readonly changed: readonly Evaluation[];
  readonly outbox: readonly NewOutboxEntry[];
  readonly newKeys: readonly NotificationKey[];
  readonly withoutPolicy: readonly string[];
  /**
   * Touches read from the store (with the cycle's) of contacts whose judged instance is unsettled:
   * the worker keeps them from now on.
   */
  readonly touchesToKeep: ReadonlyMap<string, readonly Touch[]>;
}

/**
 * Judges the instances chunk by chunk: the touches of contacts the worker does not keep are read
 * from the store for one chunk at a time and merged with the cycle's; of each chunk only what
 * the cycle writes and remembers is kept.
 */
export async function judgeInChunks(input: ChunkedJudgingInput): Promise<ChunkedJudgement> {
  const size = input.chunkSize ?? JUDGE_CHUNK;
  const judged = new Map<string, Judged>();
  const changed: Evaluation[] = [];
  const outbox: NewOutboxEntry[] = [];
  const newKeys: NotificationKey[] = [];
  const withoutPolicy: string[] = [];
  const touchesToKeep = new Map<string, readonly Touch[]>();
  for (let start = 0; start < input.instances.length; start += size) {
    const chunk = input.instances.slice(start, start + size);
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
    const result = input.judge(chunk, touchesOf);
    for (const o of chunk) {
      const j = result.judged.get(o.instance.id);
      if (j === undefined) continue;
      if (j.changed) changed.push(j.evaluation);
      judged.set(o.instance.id, { ...j, evaluation: withoutDue(j.evaluation) });
      const contactId = o.instance.lead.contactId;
      if (!j.evaluation.settled && missing.has(contactId)) touchesToKeep.set(contactId, touchesOf(contactId));
    }
    outbox.push(...result.outbox);
    newKeys.push(...result.newKeys);
    withoutPolicy.push(...result.withoutPolicy);
  }
  return { judged, changed, outbox, newKeys, withoutPolicy, touchesToKeep };
}

/** A contact's touches with this cycle's new and changed ones (a changed touch replaces its old self). */
function withIncoming(base: readonly Touch[], incoming: readonly Touch[] | undefined): readonly Touch[] {
  if (incoming === undefined || incoming.length === 0) return base;
  const byId = new Map(base.map((t) => [t.id, t]));
  for (const t of incoming) byId.set(t.id, t);
  return [...byId.values()];
}
