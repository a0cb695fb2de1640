import type { Clock } from '../../clock/clock.ts';
import type { CrmMirror, MirrorDeps } from '../mirror/crm-mirror.ts';
import type { PollPosition } from './poll-position.ts';

export interface OwnersDeps extends MirrorDeps {
  readonly clock: Clock;
  /** Owners are copied into the store for reports (best effort). */
  readonly mirror?: CrmMirror;
}

/**
 * Reads the owner list into the poll position (and the report mirror). Owners only name people and
 * teams: on a failure the last known list stays, and the error is returned to be counted.
 */
export async function pollOwners(deps: OwnersDeps, position: PollPosition): Promise<unknown> {
  try {
    position.owners = await deps.crm.owners();
    await deps.mirror?.saveOwners(deps, position.owners, deps.clock.now());
    return null;
  } catch (err) {
    return err;
  }
}
