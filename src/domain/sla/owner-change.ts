import type { SlaInstance } from '../model.ts';
import { type Instant, type Millis, SECOND } from '../time.ts';

/**
 * How much earlier than the last owner change a change may be dated and still be news. Our own
 * reassignment is dated by our clock when HubSpot's answer arrived (after its write, by the request's
 * latency) and HubSpot dates a person's change by its clock: a person's change made right after ours
 * can carry an earlier time. A stale read is dated at the owner's assignment, long before.
 */
export const OWNER_CHANGE_SKEW: Millis = 5 * SECOND;

/**
 * An owner change on an open instance. Changes dated before the stage was entered are already in the
 * handoff; changes dated before the instance's last owner change are older news (a read of a record
 * that does not have the newer owner yet, such as a stale read-back or a lead record whose owner
 * sla-bot did not write): they never undo the newer change (within `OWNER_CHANGE_SKEW`, it is news).
 * A `current` read (the record read by id: the owner now) is news whatever its date. The first owner of a lead that entered
 * unowned is an assignment (`ownerAssignedAt`); a change from one owner to another records
 * `ownerChangedAt`, where the clock restarts if the policy says so (evaluate decides). Removing the
 * owner keeps the clock and the change time as they were: there is nobody to restart for. Returns the
 * instance itself when nothing changes.
 */
export function applyOwnerChange(
  instance: SlaInstance,
  ownerId: string | null,
  at: Instant,
  current = false,
): SlaInstance {
  if (ownerId === instance.ownerId || at < instance.enteredAt) return instance;
  const changedAt = instance.ownerChangedAt ?? null;
  if (!current && changedAt !== null && at < changedAt - OWNER_CHANGE_SKEW) return instance;
  if (ownerId === null) return { ...instance, ownerId };
  const firstOwner = instance.ownerId === null && instance.ownerAssignedAt === null;
  if (firstOwner) return { ...instance, ownerId, ownerAssignedAt: at };
  // Never earlier than the change before it: a change within the skew counts from the later time.
  return { ...instance, ownerId, ownerChangedAt: changedAt === null ? at : Math.max(at, changedAt) };
}
