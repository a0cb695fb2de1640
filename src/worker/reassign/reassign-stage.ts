import type { SlaConfig } from '../../config/types.ts';
import type { Instant } from '../../domain/time.ts';
import type { Owner } from '../../ports/crm-source.ts';
import type { Store } from '../../ports/store.ts';
import type { InstanceMemory } from '../memory/instance-memory.ts';
import { type DecideDeps, type Decided, decideReassignments, type Judged } from './decide-reassignments.ts';

/** Whether any policy of the file reassigns: without one the stage costs nothing. */
export const anyReassign = (config: SlaConfig): boolean =>
  config.policies.some((p) => p.escalate.some((level) => level.reassign !== undefined));

/**
 * The reassignment stage's decision, once per cycle after the pages are committed (issue 18): the
 * instances judged this cycle, as memory holds them now, with the owners polled and the people sla-bot
 * knows a Slack id for (the store's look-ups of the SLA file's people; read only when a breach is there).
 */
export async function decideAfterCommit(
  deps: Omit<DecideDeps, 'config' | 'store'> & {
    readonly store: DecideDeps['store'] & Pick<Store, 'slackUser'>;
  },
  memory: InstanceMemory,
  owners: readonly Owner[],
  config: SlaConfig,
  judgedIds: ReadonlySet<string>,
  now: Instant,
): Promise<Decided | null> {
  if (!anyReassign(config)) return null;
  const judged: Judged[] = [];
  for (const id of judgedIds) {
    const open = memory.hot.get(id);
    if (open?.evaluation && open.evaluation.firstContact.state === 'breached')
      judged.push({ instance: open.instance, evaluation: open.evaluation });
  }
  if (judged.length === 0) return null;
  const people = new Set(
    config.teams.flatMap((t) => [t.manager, ...t.members]).map((email) => email.toLowerCase()),
  );
  const reachable = new Set<string>();
  for (const email of people) {
    const known = await deps.store.slackUser(email);
    if (known?.slackUserId) reachable.add(email);
  }
  return decideReassignments({ ...deps, config }, { judged, owners, reachable, now });
}
