import type { EscalationLevel } from '../../../src/domain/policy.ts';

/** The escalation of the reassignment scenarios: at the breach the manager is told and the lead moves. */
export const REASSIGN_AT_ONCE: readonly EscalationLevel[] = [
  {
    level: 0,
    after: 0,
    notify: [{ kind: 'manager' }],
    repeat: null,
    reassign: { to: { kind: 'round_robin' }, max: 1 },
  },
];
