import type { SlaInstance } from '../model.ts';
import type { Instant } from '../time.ts';

/**
 * An owner change on an open instance. Changes dated before the stage was entered are already in the
 * handoff; changes dated before the instance's last owner change are older news (a read of a record
 * that does not have the newer owner yet, such as a stale read-back or a lead record whose owner
 * sla-bot did not write): they never undo the newer change. The first owner of a lead that entered
 * unowned is an assignment (`ownerAssignedAt`); a change from one owner to another records
 * `ownerChangedAt`, where the clock restarts if the policy says so (evaluate decides). Removing the
 * owner keeps the clock and the change time as they were: there is nobody to restart for. Returns the
 * instance itself when nothing changes.
 */
export function applyOwnerChange(instance: SlaInstance, ownerId: string | null, at: Instant): SlaInstance {
  if (ownerId === instance.ownerId || at < instance.enteredAt) return instance;
  const changedAt = instance.ownerChangedAt ?? null;
  if (changedAt !== null && at < changedAt) return instance;
  if (ownerId === null) return { ...instance, ownerId };
  const firstOwner = instance.ownerId === null && instance.ownerAssignedAt === null;
  if (firstOwner) return { ...instance, ownerId, ownerAssignedAt: at };
  return { ...instance, ownerId, ownerChangedAt: at };
}
