import type { SlaConfig } from '../../config/types.ts';
import type { SlaInstance } from '../../domain/model.ts';
import type { Instant, Millis } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { Owner } from '../../ports/crm-source.ts';
import type { Store } from '../../ports/store.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import {
  ownerProblemAlerts,
  ownerProblemKey,
  ownerProblemOf,
  UNKNOWN_OWNER_GRACE,
} from '../shared/owner-problems.ts';

export interface OwnerProblemDeps {
  readonly store: Pick<Store, 'openInstancesByIds' | 'enqueue'>;
  readonly logger: Logger;
  /** How long an owner id HubSpot does not list may own a lead before admins are told. */
  readonly unknownOwnerGrace?: Millis;
}

/** Tells the admins, once per instance, about open leads whose owner is deactivated or unknown. */
export async function tellOwnerProblems(
  deps: OwnerProblemDeps,
  memory: InstanceMemory,
  ownerList: readonly Owner[],
  config: SlaConfig,
  ownersFresh: boolean,
  now: Instant,
): Promise<void> {
  const options = { ownersFresh, now, unknownGrace: deps.unknownOwnerGrace ?? UNKNOWN_OWNER_GRACE };
  const owners = new Map(ownerList.map((o) => [o.id, o]));
  // Only a lead whose owner HubSpot does not list as active can have a problem: the open set is
  // walked only when an owner of its leads (counted by `InstanceMemory`) is such an owner.
  const mayHaveProblem = (ownerId: string | null): boolean =>
    ownerId !== null && owners.get(ownerId)?.active !== true;
  const hot: SlaInstance[] = [];
  if (someOf(memory.hotOwnerIds(), mayHaveProblem))
    memory.hot.forEach((o) => {
      if (mayHaveProblem(o.instance.ownerId)) hot.push(o.instance);
    });
  // Settled leads are read back only when their owner has a problem not told yet.
  const suspects: string[] = [];
  if (someOf(memory.settled.ownerIds(), mayHaveProblem))
    for (const s of memory.settled.values()) {
      const problem = ownerProblemOf(s, owners, options);
      if (problem !== null && !memory.recordedKeys.has(ownerProblemKey(problem, s.id))) suspects.push(s.id);
    }
  if (hot.length === 0 && suspects.length === 0) return;
  const settled = suspects.length > 0 ? await deps.store.openInstancesByIds(suspects) : [];
  const alerts = ownerProblemAlerts({
    config,
    instances: [...hot, ...settled.map((s) => s.instance)],
    owners: ownerList,
    ...options,
  }).filter((a) => !memory.recordedKeys.has(a.key));
  if (alerts.length === 0) return;
  deps.logger.warn({ alerts: alerts.map((a) => a.key) }, 'open leads owned by inactive or unknown owners');
  await deps.store.enqueue(alerts, now);
  for (const a of alerts) memory.recordedKeys.add(a.key);
}

function someOf<T>(items: Iterable<T>, test: (item: T) => boolean): boolean {
  for (const item of items) if (test(item)) return true;
  return false;
}
