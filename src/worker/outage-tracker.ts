import type { Outage } from '../domain/model.ts';
import type { Instant, Millis } from '../domain/time.ts';
import type { NewOutboxEntry } from '../ports/store.ts';
import { adminAlert } from './admin-alert.ts';
import type { ExternalSystem } from './events.ts';

interface Failing {
  readonly since: Instant;
  lastError: string;
  alerted: boolean;
}

export type OutageStep =
  | { readonly kind: 'none' }
  /** Failing past the threshold for the first time: tell admins once. */
  | { readonly kind: 'started'; readonly since: Instant; readonly alert: NewOutboxEntry }
  /** Back after an outage past the threshold: record it (breaches inside it are excused). */
  | { readonly kind: 'ended'; readonly outage: Outage; readonly alert: NewOutboxEntry };

const NONE: OutageStep = { kind: 'none' };
const LABEL: Record<ExternalSystem, string> = { hubspot: 'HubSpot', slack: 'Slack' };

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
    let f = this.#failing.get(system);
    if (!f) {
      f = { since: now, lastError: error, alerted: false };
      this.#failing.set(system, f);
    }
    f.lastError = error;
    if (f.alerted || now - f.since < this.#threshold) return NONE;
    f.alerted = true;
    const text = `:rotating_light: ${LABEL[system]} has been failing since ${new Date(f.since).toISOString()} (${error}). SLA deadlines in this period are marked as excused; reps are not blamed.`;
    return {
      kind: 'started',
      since: f.since,
      alert: adminAlert(`admin:outage:${system}:${f.since}`, text, now),
    };
  }

  success(system: ExternalSystem, now: Instant): OutageStep {
    const f = this.#failing.get(system);
    if (!f) return NONE;
    this.#failing.delete(system);
    if (!f.alerted) return NONE;
    const outage: Outage = { system, from: f.since, until: now };
    const text = `:white_check_mark: ${LABEL[system]} is back (outage ${new Date(f.since).toISOString()} – ${new Date(now).toISOString()}). Missed work is being caught up.`;
    return { kind: 'ended', outage, alert: adminAlert(`admin:outage-end:${system}:${f.since}`, text, now) };
  }

  /** Outages still under way and past the threshold, open-ended up to `now` (inclusive). */
  ongoing(now: Instant): Outage[] {
    return [...this.#failing.entries()]
      .filter(([, f]) => now - f.since >= this.#threshold)
      .map(([system, f]) => ({ system, from: f.since, until: now + 1 }));
  }

  isFailing(system: ExternalSystem): boolean {
    return this.#failing.has(system);
  }
}
