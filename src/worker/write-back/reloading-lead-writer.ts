import type { SlaConfig } from '../../config/types.ts';
import type { LeadWriter } from '../../ports/lead-writer.ts';

/**
 * A `LeadWriter` that follows hot reloads: each call builds the writer from the config in force
 * (building one is cheap: closures over a shared client), so turning write-back on or off in the SLA
 * file takes effect without a restart.
 */
export function reloadingLeadWriter(
  config: () => SlaConfig,
  make: (config: SlaConfig) => LeadWriter,
): LeadWriter {
  return {
    writeOutcome: (instance, evaluation) => make(config()).writeOutcome(instance, evaluation),
    createBreachTask: (instance, evaluation) => make(config()).createBreachTask(instance, evaluation),
    retractBreachTask: (instance, evaluation) => make(config()).retractBreachTask(instance, evaluation),
    markNotAFit: (instance, reason, leadStatus) => make(config()).markNotAFit(instance, reason, leadStatus),
    reassignOwner: (record, from, to) => make(config()).reassignOwner(record, from, to),
  };
}
