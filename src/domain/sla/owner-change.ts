import type { SlaInstance } from '../model.ts';
import type { Instant } from '../time.ts';

/**
 * An owner change on an open instance. Changes dated before the stage was entered are already in the
 * handoff. The first owner of a lead that entered unowned is an assignment (`ownerAssignedAt`); a
 * change from one owner to another records `ownerChangedAt`, where the clock restarts if the policy
 * says so (evaluate decides). Removing the owner keeps the clock and the change time as they were:
 * there is nobody to restart for. Returns the instance itself when nothing changes.
 */
export function applyOwnerChange(instance: SlaInstance, ownerId: string | null, at: Instant): SlaInstance {
  if (ownerId === instance.ownerId || at < instance.enteredAt) return instance;
  if (ownerId === null) return { ...instance, ownerId };
  const firstOwner = instance.ownerId === null && instance.ownerAssignedAt === null;
  if (firstOwner) return { ...instance, ownerId, ownerAssignedAt: at };
  return { ...instance, ownerId, ownerChangedAt: at };
}
