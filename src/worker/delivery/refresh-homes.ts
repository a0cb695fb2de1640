import type { Clock } from '../../clock/clock.ts';
import type { Millis } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { Owner } from '../../ports/crm-source.ts';
import type { InstanceView } from '../../ports/interactions.ts';
import { HOME_ROWS, type HomeRefresh, type Notifier } from '../../ports/notifier.ts';
import type { Store } from '../../ports/store.ts';
import { describeError } from '../errors.ts';
import type { WorkerEvents } from '../events.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import type { OpenInstance } from '../memory/open-instance.ts';
import { homeFingerprint } from '../shared/fingerprint.ts';
import { ownerById } from '../shared/teams.ts';
import type { HomeState } from './home-state.ts';

export interface HomeOptions {
  /** App Home tabs republished per cycle at most (the rest wait for the next cycle). */
  readonly perCycle: number;
  /** One rep's Home is republished at most this often. */
  readonly minInterval: Millis;
}

export const DEFAULT_HOME_OPTIONS: HomeOptions = { perCycle: 10, minInterval: 60_000 };

export interface HomeDeps {
  readonly notifier: Notifier;
  /** A rep's open leads are read from it (the worker keeps only the unsettled ones whole). */
  readonly store: Pick<Store, 'openInstancesOfOwners'>;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly events: WorkerEvents;
  readonly canSend: () => boolean;
  readonly home?: HomeOptions;
}

/**
 * Marks the owners whose open leads changed between two snapshots of the open set: a lead opened,
 * closed, changed hands, or its verdict as the Home tab shows it changed.
 */
export function markHomeChanges(
  homes: HomeState,
  before: ReadonlyMap<string, OpenInstance>,
  after: ReadonlyMap<string, OpenInstance>,
): void {
  const mark = (o: OpenInstance | undefined) => {
    if (o?.instance.ownerId) homes.dirty.add(o.instance.ownerId);
  };
  for (const [id, was] of before) if (!after.has(id)) mark(was);
  for (const [id, now] of after) {
    const was = before.get(id);
    if (was === now) continue;
    if (!was || was.instance.ownerId !== now.instance.ownerId) {
      mark(was);
      mark(now);
    } else if (was.evaluation !== now.evaluation && shown(was) !== shown(now)) mark(now);
  }
}

/**
 * `markHomeChanges` for just the instances that changed (`InstanceMemory.takeChanges`): each with what
 * it was before (`undefined`: opened), compared with what is open now.
 */
export function markHomeChangesOf(
  homes: HomeState,
  hot: ReadonlyMap<string, OpenInstance>,
  changes: ReadonlyMap<string, OpenInstance | undefined>,
): void {
  const mark = (o: OpenInstance | undefined) => {
    if (o?.instance.ownerId) homes.dirty.add(o.instance.ownerId);
  };
  for (const [id, was] of changes) {
    const now = hot.get(id);
    if (was === now) continue;
    if (!was || !now || was.instance.ownerId !== now.instance.ownerId) {
      mark(was);
      mark(now);
    } else if (was.evaluation !== now.evaluation && shown(was) !== shown(now)) mark(now);
  }
}

const shown = (o: OpenInstance): string => (o.evaluation ? homeFingerprint(o.evaluation) : 'new');

const emailKey = (email: string): string => email.trim().toLowerCase();

/** A rep's Home: the leads to list, and how many more are only counted (see `Notifier.refreshHome`). */
interface HomeInstances {
  readonly leads: readonly InstanceView[];
  readonly more: number;
}

/**
 * A rep's open leads for the Home tab (every HubSpot owner with the rep's e-mail). Settled leads are
 * the least urgent of all (contacted, nothing more due), so when the rep's unsettled leads — kept
 * whole in memory — fill the rows the tab lists, the settled ones are only counted; otherwise all
 * are read from the store, with what the worker keeps whole in their place.
 */
async function leadsOf(
  deps: HomeDeps,
  memory: InstanceMemory,
  ownerList: readonly Owner[],
  hotOf: (ownerId: string) => readonly OpenInstance[],
  email: string,
): Promise<HomeInstances> {
  const owners = new Map(
    ownerList.flatMap((owner) => (owner.email && emailKey(owner.email) === email ? [[owner.id, owner]] : [])),
  );
  const view = (
    o: Pick<OpenInstance, 'instance' | 'evaluation' | 'pingRef'>,
    owner: Owner,
  ): InstanceView => ({
    instance: o.instance,
    evaluation: o.evaluation,
    owner,
    pingRef: o.pingRef,
  });
  const hot = [...owners].flatMap(([id, owner]) => hotOf(id).map((o) => view(o, owner)));
  const settled = memory.settled.countOfOwners(owners.keys());
  const urgent = hot.filter((l) => l.evaluation === null || !l.evaluation.settled).length;
  if (settled === 0 || urgent >= HOME_ROWS) return { leads: hot, more: settled };
  const leads: InstanceView[] = [];
  for (const stored of await deps.store.openInstancesOfOwners([...owners.keys()])) {
    const o = memory.hot.get(stored.instance.id) ?? stored;
    const owner = o.instance.ownerId === null ? undefined : owners.get(o.instance.ownerId);
    if (owner === undefined || !memory.isOpen(o.instance.id)) continue;
    leads.push(view(o, owner));
  }
  return { leads, more: 0 };
}

/** The hot open instances by owner, grouped on first use. */
function hotByOwner(memory: InstanceMemory): (ownerId: string) => readonly OpenInstance[] {
  let groups: Map<string, OpenInstance[]> | null = null;
  return (ownerId) => {
    if (groups === null) {
      groups = new Map();
      for (const o of memory.hot.values()) {
        if (o.instance.ownerId === null) continue;
        const list = groups.get(o.instance.ownerId);
        if (list) list.push(o);
        else groups.set(o.instance.ownerId, [o]);
      }
    }
    return groups.get(ownerId) ?? [];
  };
}

/**
 * Republishes the App Home of reps whose open leads changed, at most `perCycle` per cycle and once
 * per `minInterval` per rep. Best-effort: a failure is logged and the Home waits for the next
 * change (or for the rep to open it, which republishes it too).
 */
export async function refreshHomes(
  deps: HomeDeps,
  homes: HomeState,
  memory: InstanceMemory,
  owners: readonly Owner[],
): Promise<number> {
  const refresh = deps.notifier.refreshHome?.bind(deps.notifier);
  if (refresh === undefined) {
    homes.dirty.clear();
    return 0;
  }
  const options = deps.home ?? DEFAULT_HOME_OPTIONS;
  let published = 0;
  const done = new Set<string>();
  const hotOf = hotByOwner(memory);
  for (const ownerId of [...homes.dirty]) {
    if (published >= options.perCycle || !deps.canSend()) break;
    const owner = ownerById(owners, ownerId);
    if (!owner?.email || !owner.active) {
      homes.dirty.delete(ownerId);
      continue;
    }
    const email = emailKey(owner.email);
    const now = deps.clock.now();
    if (
      !done.has(email) &&
      now - (homes.shownAt.get(email) ?? Number.NEGATIVE_INFINITY) < options.minInterval
    )
      continue; // shown a moment ago: stays marked for a later cycle
    homes.dirty.delete(ownerId);
    if (done.has(email)) continue;
    done.add(email);
    homes.shownAt.set(email, now);
    const result = await attempt(async () => {
      const home = await leadsOf(deps, memory, owners, hotOf, email);
      return refresh(email, home.leads, now, home.more);
    });
    if (result.status === 'published') {
      published += 1;
      deps.events.emit('home:refreshed', { email });
    } else if (result.status === 'failed')
      deps.logger.warn({ owner: ownerId, error: result.error }, 'app home could not be republished');
  }
  return published;
}

async function attempt(call: () => Promise<HomeRefresh>): Promise<HomeRefresh> {
  try {
    return await call();
  } catch (err) {
    return { status: 'failed', error: describeError(err) };
  }
}
