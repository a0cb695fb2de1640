import type { Store, StoredInstance } from '../../ports/store.ts';
import type { Interner } from './interner.ts';
import { LOAD_PAGE } from './load-memory.ts';
import { judgedFormOf, memoryFormOf, type OpenInstance, sharedFormOf } from './open-instance.ts';
import type { RecordedKeys } from './recorded-keys.ts';
import type { JudgedVerdict, SettledInstances } from './settled-instances.ts';

/**
 * Settled instances brought back from the store into the worker's memory (ADR 0007): `wake` keeps
 * them whole for the rest of the cycle; `readBack` hands one to be judged while it stays settled,
 * and `keepWoken` or `stillSettled` then says what became of it. Its one reason to change: how a
 * settled instance returns from its compact form.
 */

/** The parts of `InstanceMemory` a wake or read-back changes, and its steps that keep them consistent. */
export interface WakeInto {
  readonly strings: Interner;
  readonly settled: SettledInstances;
  readonly recordedKeys: RecordedKeys;
  /** Keeps an instance whole (hot), counted in its contact's unsettled instances. */
  keepHot(o: OpenInstance): void;
  /** Lets go a settled instance the store no longer has open; its owner's App Home is out of date. */
  drop(id: string): void;
}

/**
 * Reads these settled instances back from the store and keeps them whole (hot) until the end of
 * the cycle, with the notification keys their stored evaluations recorded. An id the store no
 * longer has open (closed by another process) is let go. Returns the instances now hot.
 */
export async function wakeSettled(
  into: WakeInto,
  store: Pick<Store, 'openInstancesByIds'>,
  ids: Iterable<string>,
): Promise<OpenInstance[]> {
  const wanted = [...new Set(ids)].filter((id) => into.settled.has(id));
  if (wanted.length === 0) return [];
  const woken: OpenInstance[] = [];
  const found = new Set<string>();
  for (let start = 0; start < wanted.length; start += LOAD_PAGE) {
    const stored = await store.openInstancesByIds(wanted.slice(start, start + LOAD_PAGE));
    for (const s of stored) {
      if (!into.settled.has(s.instance.id)) continue;
      found.add(s.instance.id);
      woken.push(wakeOne(into, s));
    }
  }
  for (const id of wanted) if (!found.has(id)) into.drop(id);
  return woken;
}

/** A settled instance as read back from the store, kept hot (not a change: it was open already). */
function wakeOne(into: WakeInto, s: StoredInstance): OpenInstance {
  into.settled.remove(s.instance.id);
  recordKeys(into, s);
  const o = memoryFormOf(into.strings, s);
  into.keepHot(o);
  return o;
}

/**
 * A settled instance read back from the store to be judged (a changed world is judged in pages,
 * not woken all at once): its memory form, and the notification keys its stored evaluation
 * recorded. Stays settled unless `keepWoken` is called. Its strings are not shared yet: nearly
 * every one read back is judged and let go again (see `keepReadBack`).
 */
export function readBackSettled(into: WakeInto, s: StoredInstance): OpenInstance {
  recordKeys(into, s);
  return judgedFormOf(s);
}

/**
 * An instance read back by `readBack` that must be kept whole after all (unsettled, ping to update):
 * kept with shared strings. Returns the instance as memory now holds it.
 */
export function keepReadBack(into: WakeInto, o: OpenInstance): OpenInstance {
  if (!into.settled.has(o.instance.id)) return o;
  into.settled.remove(o.instance.id);
  const shared = sharedFormOf(into.strings, o);
  into.keepHot(shared);
  return shared;
}

/** A read-back instance judged and still settled: its new verdict counted, its keys let go again. */
export function settleReadBack(into: WakeInto, instanceId: string, verdict: JudgedVerdict): void {
  into.settled.setVerdict(instanceId, verdict);
  into.recordedKeys.forget(instanceId);
}

/** The notification keys a stored evaluation recorded, noted as already in the outbox. */
function recordKeys(into: WakeInto, s: StoredInstance): void {
  for (const n of s.evaluation?.due ?? []) into.recordedKeys.add(n.key, n.instanceId);
}
