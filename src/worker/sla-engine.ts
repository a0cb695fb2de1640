import { applyLeadEvents, evaluate } from '../domain/sla/index.ts';
import type { Engine } from './engine.ts';

/** The real SLA engine (src/domain/sla/) behind the worker's `Engine` interface. */
export const slaEngine: Engine = {
  evaluate,
  applyLeadEvents: ({ config, open, handoffs, changes, now, installedAt }) =>
    applyLeadEvents({
      open,
      handoffs,
      changes,
      now,
      installedAt: installedAt ?? null,
      stages: config.stages,
      policies: config.policies,
    }),
};
