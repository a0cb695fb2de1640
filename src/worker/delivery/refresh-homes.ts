import type { Clock } from '../../clock/clock.ts';
import type { Millis } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { Owner } from '../../ports/crm-source.ts';
import type { LeadView } from '../../ports/interactions.ts';
import type { HomeRefresh, Notifier } from '../../ports/notifier.ts';
import { homeFingerprint } from '../cycle/fingerprint.ts';
import { ownerById } from '../cycle/teams.ts';
import { describeError } from '../errors.ts';
import type { WorkerEvents } from '../events.ts';
import type { OpenInstance, WorkerState } from '../worker-state.ts';

export interface HomeOptions {
  /** App Home tabs republished per cycle at most (the rest wait for the next cycle). */
  readonly perCycle: number;
  /** One rep's Home is republished at most this often. */
  readonly minInterval: Millis;
}

export const DEFAULT_HOME_OPTIONS: HomeOptions = { perCycle: 10, minInterval: 60_000 };

export interface HomeDeps {
  readonly notifier: Notifier;
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
  state: WorkerState,
  before: ReadonlyMap<string, OpenInstance>,
  after: ReadonlyMap<string, OpenInstance>,
): void {
  const mark = (o: OpenInstance | undefined) => {
    if (o?.instance.ownerId) state.homeDirty.add(o.instance.ownerId);
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
 * `markHomeChanges` for just the instances that changed (`WorkerState.takeChanges`): each with what
 * it was before (`undefined`: opened), compared with what is open now.
 */
export function markHomeChangesOf(
  state: WorkerState,
  changes: ReadonlyMap<string, OpenInstance | undefined>,
): void {
  const mark = (o: OpenInstance | undefined) => {
    if (o?.instance.ownerId) state.homeDirty.add(o.instance.ownerId);
  };
  for (const [id, was] of changes) {
    const now = state.open.get(id);
    if (was === now) continue;
    if (!was || !now || was.instance.ownerId !== now.instance.ownerId) {
      mark(was);
      mark(now);
    } else if (was.evaluation !== now.evaluation && shown(was) !== shown(now)) mark(now);
  }
}

const shown = (o: OpenInstance): string => (o.evaluation ? homeFingerprint(o.evaluation) : 'new');

const emailKey = (email: string): string => email.trim().toLowerCase();

/** Every rep's open leads as the Home tab lists them, by e-mail key (one pass over the open set). */
function leadsByEmail(state: WorkerState): Map<string, LeadView[]> {
  const emails = new Map<string, { owner: Owner; email: string }>();
  for (const owner of state.owners)
    if (owner.email) emails.set(owner.id, { owner, email: emailKey(owner.email) });
  const views = new Map<string, LeadView[]>();
  for (const o of state.open.values()) {
    const found = o.instance.ownerId === null ? undefined : emails.get(o.instance.ownerId);
    if (!found) continue;
    const view = { instance: o.instance, evaluation: o.evaluation, owner: found.owner, pingRef: o.pingRef };
    const list = views.get(found.email);
    if (list) list.push(view);
    else views.set(found.email, [view]);
  }
  return views;
}

/**
 * Republishes the App Home of reps whose open leads changed, at most `perCycle` per cycle and once
 * per `minInterval` per rep. Best-effort: a failure is logged and the Home waits for the next
 * change (or for the rep to open it, which republishes it too).
 */
export async function refreshHomes(deps: HomeDeps, state: WorkerState): Promise<number> {
  const refresh = deps.notifier.refreshHome?.bind(deps.notifier);
  if (refresh === undefined) {
    state.homeDirty.clear();
    return 0;
  }
  const options = deps.home ?? DEFAULT_HOME_OPTIONS;
  let published = 0;
  const done = new Set<string>();
  let leads: Map<string, LeadView[]> | null = null;
  for (const ownerId of [...state.homeDirty]) {
    if (published >= options.perCycle || !deps.canSend()) break;
    const owner = ownerById(state.owners, ownerId);
    if (!owner?.email || !owner.active) {
      state.homeDirty.delete(ownerId);
      continue;
    }
    const email = emailKey(owner.email);
    const now = deps.clock.now();
    if (
      !done.has(email) &&
      now - (state.homeShownAt.get(email) ?? Number.NEGATIVE_INFINITY) < options.minInterval
    )
      continue; // shown a moment ago: stays marked for a later cycle
    state.homeDirty.delete(ownerId);
    if (done.has(email)) continue;
    done.add(email);
    state.homeShownAt.set(email, now);
    leads ??= leadsByEmail(state);
    const views = leads.get(email) ?? [];
    const result = await attempt(() => refresh(email, views, now));
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
