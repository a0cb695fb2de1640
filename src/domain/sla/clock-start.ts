import type { SlaInstance } from '../model.ts';
import type { Policy } from '../policy.ts';
import type { Instant } from '../time.ts';

/** Where an instance's SLA clock starts, and from when touches count. */
export interface ClockStart {
  /** The anchor before business hours apply: entry, owner assignment or owner change. */
  readonly anchor: Instant;
  /** The anchor moved to the calendar's next opening: business time counts from here. */
  readonly start: Instant;
  /** The clock was (re)started by an owner event after entry; notification keys then carry the anchor. */
  readonly ownerAnchored: boolean;
  /** Touches dated before this do not count (unless the rule includes touches before the handoff). */
  readonly countFrom: Instant;
}

/**
 * The clock starts when the stage was entered, or at owner assignment when the policy says so and it
 * came later. When the owner changes (one owner to another) and the policy restarts on owner change,
 * it restarts at the change and only touches from then on count: the new owner gets a fresh window.
 * A lead without an owner keeps its clock running from entry (the manager's problem).
 */
export function clockStartOf(instance: SlaInstance, policy: Policy): ClockStart {
  let anchor = instance.enteredAt;
  if (policy.clockStart === 'owner_assigned' && instance.ownerAssignedAt !== null) {
    anchor = Math.max(anchor, instance.ownerAssignedAt);
  }
  let countFrom = instance.enteredAt;
  const changedAt = instance.ownerChangedAt ?? null;
  if (policy.restartOnOwnerChange && changedAt !== null && changedAt > anchor) {
    anchor = changedAt;
    countFrom = changedAt;
  }
  return {
    anchor,
    start: policy.calendar.nextOpening(anchor),
    ownerAnchored: anchor !== instance.enteredAt,
    countFrom,
  };
}
