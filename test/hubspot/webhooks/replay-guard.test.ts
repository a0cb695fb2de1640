import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/domain/time.ts';
import type { WebhookEvent } from '../../../src/hubspot/webhooks/events.ts';
import { eventKey, WebhookReplayGuard } from '../../../src/hubspot/webhooks/replay-guard.ts';

const NOW = Date.UTC(2026, 4, 12, 9, 30);

const event = (over: Partial<WebhookEvent> = {}): WebhookEvent => ({
  eventId: '1',
  subscriptionId: '9',
  portalId: '62515',
  subscriptionType: 'contact.propertyChange',
  objectId: '101',
  propertyName: 'lifecyclestage',
  occurredAt: NOW - 500,
  ...over,
});

describe('the webhook replay guard', () => {
  it('knows a signed request until its timestamp leaves the five-minute window', () => {
    const guard = new WebhookReplayGuard();
    const ts = String(NOW - MINUTE);
    guard.remember('sig-a', ts, [], NOW);
    expect(guard.isReplay('sig-a', ts, NOW + 3 * MINUTE)).toBe(true);
    expect(guard.isReplay('sig-a', String(NOW), NOW)).toBe(false);
    expect(guard.isReplay('sig-b', ts, NOW)).toBe(false);
    // From here the signature check refuses the timestamp as stale anyway.
    expect(guard.isReplay('sig-a', ts, NOW + 4 * MINUTE)).toBe(false);
  });

  it('knows an event by its id and what it says happened, since eventId alone is not unique', () => {
    const guard = new WebhookReplayGuard();
    guard.remember('sig', String(NOW), [event()], NOW);
    const again = event({ attemptNumber: 2 });
    const sameIdOtherContact = event({ objectId: '202' });
    const sameIdOtherTime = event({ occurredAt: NOW + 10 });
    const noId: WebhookEvent = { ...event(), eventId: undefined };
    expect(guard.unseen([again, sameIdOtherContact, sameIdOtherTime, noId], NOW + MINUTE)).toEqual([
      sameIdOtherContact,
      sameIdOtherTime,
      noId,
    ]);
    expect(eventKey(noId)).toBeNull();
    expect(guard.unseen([again], NOW + 5 * MINUTE)).toEqual([again]);
  });

  it('stays bounded: expired entries go, and past the caps the oldest are forgotten', () => {
    const guard = new WebhookReplayGuard({ maxDeliveries: 3, maxEvents: 5 });
    for (let i = 0; i < 10; i++)
      guard.remember(
        `sig-${i}`,
        String(NOW),
        [event({ eventId: `${i}a` }), event({ eventId: `${i}b` })],
        NOW,
      );
    expect(guard.size).toEqual({ deliveries: 3, events: 5 });
    expect(guard.isReplay('sig-9', String(NOW), NOW)).toBe(true);
    expect(guard.isReplay('sig-0', String(NOW), NOW)).toBe(false);
    // A delivery after the window: everything before it has expired and is dropped.
    guard.remember('late', String(NOW + 6 * MINUTE), [event({ eventId: 'late' })], NOW + 6 * MINUTE);
    expect(guard.size).toEqual({ deliveries: 1, events: 1 });
  });
});
