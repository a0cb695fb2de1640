import type { Touch } from '../../domain/model.ts';
import {
  type InstancePageKey,
  type OpenInstanceSummary,
  pageKeyOf,
  type Store,
  type VerdictFacts,
} from '../../ports/store.ts';
import { ownedSince } from '../shared/owner-problems.ts';
import type { Interner } from './interner.ts';
import type { KeptTouches } from './kept-touches.ts';
import { memoryFormOf, type OpenInstance, quiet, quietSummary, unsettled } from './open-instance.ts';
import type { OpenInstanceIndex } from './open-instance-index.ts';
import { type SettledInstances, verdictOf } from './settled-instances.ts';

/**
 * The start-up load of the worker's memory of open SLA instances (`InstanceMemory.load`): the
 * store's open instances read a page at a time, the settled ones straight into the compact index,
 * the others whole with their contacts' touches. Its one reason to change: how the open instances
 * are read from the store when the worker starts or becomes leader.
 */

/**
 * Open instances read from the store at once when the worker loads or reads settled ones back;
 * small for the reason `JUDGE_CHUNK` is.
 */
export const LOAD_PAGE = 250;

/** What the load reads from the store. */
export type LoadFrom = Pick<Store, 'openInstanceSummariesPage' | 'openInstancesByIds' | 'touchesOf'>;

/** The parts of an empty `InstanceMemory` the load fills, and its steps that keep them consistent. */
export interface LoadInto {
  readonly strings: Interner;
  readonly touches: KeptTouches;
  readonly settled: SettledInstances;
  /** Every open instance, hot or settled; filed in order once, between `startLoad` and `endLoad`. */
  readonly open: OpenInstanceIndex;
  /** Keeps an instance whole (hot), counted in its contact's unsettled instances. */
  keepHot(o: OpenInstance): void;
  /** Moves a quiet hot instance to the settled index. */
  settleOne(o: OpenInstance): void;
}

/** Fills `into` with the store's open instances. */
export async function loadMemory(into: LoadInto, store: LoadFrom, pageSize: number): Promise<void> {
  // Summaries first, a page at a time (no lead snapshot or evaluation body parsed): settled ones
  // go straight to the compact index, the others are read whole with their contacts' touches.
  let after: InstancePageKey | null = null;
  into.open.startLoad();
  for (;;) {
    const page = await store.openInstanceSummariesPage(after, pageSize);
    const whole: string[] = [];
    for (const summary of page) {
      if (quietSummary(summary)) settleSummary(into, summary);
      else whole.push(summary.id);
    }
    const wanted = new Set<string>();
    for (const stored of whole.length > 0 ? await store.openInstancesByIds(whole) : []) {
      const o = memoryFormOf(into.strings, stored);
      into.keepHot(o);
      into.open.opened(o.instance);
      if (quiet(o)) into.settleOne(o);
      else if (unsettled(o) && into.touches.of(o.instance.lead.contactId) === null)
        wanted.add(o.instance.lead.contactId);
    }
    if (wanted.size > 0) {
      const read = new Map<string, Touch[]>([...wanted].map((contactId) => [contactId, []]));
      for (const t of await store.touchesOf([...wanted])) read.get(t.contactId)?.push(t);
      for (const [contactId, touches] of read) into.touches.hold(contactId, touches);
    }
    const last = page[page.length - 1];
    if (last === undefined || page.length < pageSize) break;
    after = pageKeyOf(last);
  }
  into.open.endLoad();
}

/** A settled instance known from its summary alone (the worker's start). */
function settleSummary(into: LoadInto, s: OpenInstanceSummary & { readonly verdict: VerdictFacts }): void {
  const strings = into.strings;
  const contactId = strings.intern(s.lead.contactId);
  const entry = {
    id: s.id,
    lead: {
      objectType: s.lead.objectType,
      objectId: s.lead.objectType === 'contact' ? contactId : strings.intern(s.lead.objectId),
      contactId,
    },
    stage: strings.intern(s.stage),
    enteredAt: s.enteredAt,
    ownerId: strings.maybe(s.ownerId),
    verdict: verdictOf(s.verdict),
    ownedSince: ownedSince(s),
  };
  into.settled.add(entry);
  into.open.opened(entry);
}
