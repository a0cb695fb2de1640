import type { Outage } from '../domain/model.ts';
import type { Instant, Millis } from '../domain/time.ts';
import { adminMessage } from '../i18n/admin-message.ts';
import type { NewOutboxEntry } from '../ports/store.ts';
import { adminAlert } from './admin-alert.ts';
import type { ExternalSystem } from './events.ts';

interface Failing {
  readonly since: Instant;
  lastError: string;
  alerted: boolean;
  /** The key of the alert about a failure of known length already given (`knownFailure`). */
  toldKey: string | null;
}

export type OutageStep =
  | { readonly kind: 'none' }
  /**
   * Failing past the threshold for the first time, or for a time known at once (`immediate`): tell
   * admins once.
   */
  | {
      readonly kind: 'started';
      readonly since: Instant;
      readonly alert: NewOutboxEntry;
      readonly immediate?: boolean;
    }
  /** Back after an outage past the threshold: record it (breaches inside it are excused). */
  | { readonly kind: 'ended'; readonly outage: Outage; readonly alert: NewOutboxEntry };

const NONE: OutageStep = { kind: 'none' };

/**
 * Tracks how long HubSpot and Slack have been failing. Short hiccups are ignored; past `threshold`
 * admins get one alert, and once the system is back the whole period is recorded as an outage so
 * reps are not blamed for deadlines inside it. Pure state machine: the caller stores the results.
 */
export class OutageTracker {
  readonly #threshold: Millis;
  readonly #failing = new Map<ExternalSystem, Failing>();

  constructor(threshold: Millis) {
    this.#threshold = threshold;
  }

  failure(system: ExternalSystem, now: Instant, error: string): OutageStep {
    const f = this.#failingSince(system, now, error);
    if (f.alerted || now - f.since < this.#threshold) return NONE;
    f.alerted = true;
    const message = adminMessage('alert.outage.start', { system, since: f.since, error });
    return {
      kind: 'started',
      since: f.since,
      alert: adminAlert(`admin:outage:${system}:${f.since}`, message, now),
    };
  }

  /**
   * A failure known at once to last (HubSpot's daily limit: until the portal's midnight): no point
   * waiting for the threshold. Admins get `alert` now, once per alert key, it is an outage from now
   * (breaches in it are excused) and no generic alert follows; the end is told as usual.
   */
  knownFailure(system: ExternalSystem, now: Instant, error: string, alert: NewOutboxEntry): OutageStep {
    const f = this.#failingSince(system, now, error);
    if (f.toldKey === alert.key) return NONE;
    f.toldKey = alert.key;
    f.alerted = true;
    return { kind: 'started', since: f.since, alert, immediate: true };
  }

  #failingSince(system: ExternalSystem, now: Instant, error: string): Failing {
    let f = this.#failing.get(system);
    if (!f) {
      f = { since: now, lastError: error, alerted: false, toldKey: null };
      this.#failing.set(system, f);
    }
    f.lastError = error;
    return f;
  }

  success(system: ExternalSystem, now: Instant): OutageStep {
    const f = this.#failing.get(system);
    if (!f) return NONE;
    this.#failing.delete(system);
    if (!f.alerted) return NONE;
    const outage: Outage = { system, from: f.since, until: now };
    const message = adminMessage('alert.outage.end', { system, from: f.since, until: now });
    return {
      kind: 'ended',
      outage,
      alert: adminAlert(`admin:outage-end:${system}:${f.since}`, message, now),
    };
  }

  /** Outages still under way (past the threshold, or known at once), open-ended up to `now` (inclusive). */
  ongoing(now: Instant): Outage[] {
    return [...this.#failing.entries()]
      .filter(([, f]) => f.alerted || now - f.since >= this.#threshold)
      .map(([system, f]) => ({ system, from: f.since, until: now + 1 }));
  }

  isFailing(system: ExternalSystem): boolean {
    return this.#failing.has(system);
  }
}
