import type { Instant } from '../../domain/time.ts';
import type { Logger } from '../../log/logger.ts';
import type { Store } from '../../ports/store.ts';
import type { ExternalSystem, WorkerEvents } from '../events.ts';
import { type DailyLimitPause, dailyLimitAlert } from '../observe/hubspot-budget.ts';
import type { OutageStep, OutageTracker } from '../outage-tracker.ts';

export interface OutageDeps {
  readonly store: Store;
  readonly outages: OutageTracker;
  readonly events: WorkerEvents;
  readonly logger: Logger;
}

/** Stores what an outage step asks for: the admin alert, and the outage once it is over. */
export async function applyOutageStep(
  deps: OutageDeps,
  system: ExternalSystem,
  step: OutageStep,
  now: Instant,
) {
  switch (step.kind) {
    case 'none':
      return;
    case 'started':
      deps.logger.error(
        { system, since: step.since },
        step.immediate
          ? 'external system unavailable for a known time; admins told at once'
          : 'external system failing past the outage threshold',
      );
      deps.events.emit('outage:start', { system, since: step.since });
      await deps.store.enqueue([step.alert], now);
      return;
    case 'ended':
      deps.logger.warn(
        { system, from: step.outage.from, until: step.outage.until },
        'external system back after an outage',
      );
      await deps.store.recordOutage(step.outage);
      deps.events.emit('outage:end', { system, from: step.outage.from, until: step.outage.until });
      await deps.store.enqueue([step.alert], now);
      return;
  }
}

export const reportFailure = (deps: OutageDeps, system: ExternalSystem, now: Instant, error: string) =>
  applyOutageStep(deps, system, deps.outages.failure(system, now, error), now);

export const reportSuccess = (deps: OutageDeps, system: ExternalSystem, now: Instant) =>
  applyOutageStep(deps, system, deps.outages.success(system, now), now);

/** HubSpot's daily limit: admins are told in this cycle when calls resume, not after the threshold. */
export const reportDailyPause = (deps: OutageDeps, pause: DailyLimitPause, error: string, now: Instant) =>
  applyOutageStep(
    deps,
    'hubspot',
    deps.outages.knownFailure('hubspot', now, error, dailyLimitAlert(pause, now)),
    now,
  );
