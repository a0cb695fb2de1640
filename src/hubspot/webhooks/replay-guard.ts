import type { Instant, Millis } from '../../domain/time.ts';
import type { WebhookEvent } from './events.ts';
import { MAX_SIGNATURE_AGE } from './signature.ts';

/** Keys remembered until they expire, at most `cap` of them: past it the oldest go first. */
class ExpiringKeys {
  readonly #until = new Map<string, Instant>();
  readonly #cap: number;
  constructor(cap: number) {
    this.#cap = cap;
  }

  has(key: string, now: Instant): boolean {
    const until = this.#until.get(key);
    return until !== undefined && until > now;
  }

  add(key: string, until: Instant, now: Instant): void {
    this.#prune(now);
    this.#until.delete(key); // re-inserted at the end: the newest entry
    this.#until.set(key, until);
    for (const oldest of this.#until.keys()) {
      if (this.#until.size <= this.#cap) break;
      this.#until.delete(oldest);
    }
  }

  get size(): number {
    return this.#until.size;
  }

  /** Drops expired keys from the front (insertion order is close to expiry order). */
  #prune(now: Instant): void {
    for (const [key, until] of this.#until) {
      if (until > now) return;
      this.#until.delete(key);
    }
  }
}

export interface ReplayGuardOptions {
  /** How long a delivery and its events are remembered: the signature's five-minute window. */
  readonly window?: Millis;
  /** Signed deliveries remembered at most (HubSpot sends up to 100 events in one). */
  readonly maxDeliveries?: number;
  /** Events remembered at most. */
  readonly maxEvents?: number;
}

/**
 * HubSpot's `eventId` "is not guaranteed to be unique" (webhooks guide, HB-19): an event is known by
 * it together with what it says happened — subscription, portal, object, property and when.
 */
export const eventKey = (e: WebhookEvent): string | null =>
  e.eventId === undefined
    ? null
    : JSON.stringify([
        e.eventId,
        e.subscriptionId ?? null,
        e.portalId ?? null,
        e.subscriptionType,
        e.objectId,
        e.propertyName ?? null,
        e.occurredAt ?? null,
      ]);

/**
 * Keeps a signed HubSpot webhook delivery from being acted on twice within the signature's
 * five-minute window (HB-18, HB-19): the same request again (same v3 signature and timestamp — a
 * replay by whoever captured it) and the same event in another delivery (HubSpot's retry of an
 * answer it did not get) are both recognised. Memory stays bounded: entries expire with the window
 * and past the caps the oldest are forgotten (at worst one more contact read, never a lost event).
 */
export class WebhookReplayGuard {
  readonly #window: Millis;
  readonly #deliveries: ExpiringKeys;
  readonly #events: ExpiringKeys;

  constructor(options: ReplayGuardOptions = {}) {
    this.#window = options.window ?? MAX_SIGNATURE_AGE;
    this.#deliveries = new ExpiringKeys(options.maxDeliveries ?? 10_000);
    this.#events = new ExpiringKeys(options.maxEvents ?? 50_000);
  }

  /** Whether this signed request was accepted before (its timestamp is still inside the window). */
  isReplay(signature: string, timestamp: string, now: Instant): boolean {
    return this.#deliveries.has(`${timestamp}:${signature}`, now);
  }

  /** The events not already accepted within the window (an event without `eventId` is always new). */
  unseen(events: readonly WebhookEvent[], now: Instant): WebhookEvent[] {
    return events.filter((e) => {
      const key = eventKey(e);
      return key === null || !this.#events.has(key, now);
    });
  }

  /**
   * Remembers an accepted delivery: its signature until its timestamp leaves the window (after that
   * the signature check refuses it anyway), its events for a window from now.
   */
  remember(signature: string, timestamp: string, events: readonly WebhookEvent[], now: Instant): void {
    this.#deliveries.add(`${timestamp}:${signature}`, Number(timestamp) + this.#window, now);
    for (const e of events) {
      const key = eventKey(e);
      if (key !== null) this.#events.add(key, now + this.#window, now);
    }
  }

  /** Entries held (for tests of the bound). */
  get size(): { readonly deliveries: number; readonly events: number } {
    return { deliveries: this.#deliveries.size, events: this.#events.size };
  }
}
