import { systemClock } from '../../src/clock/system-clock.ts';
import { signatureV3 } from '../../src/hubspot/webhooks/signature.ts';
import type { HandoffEvent } from './traffic.ts';

let eventId = 1;

/**
 * Plays HubSpot's webhook service: for each handoff, one `contact.propertyChange` delivery of
 * `lifecyclestage`, signed v3 with the app's client secret, posted to the worker. Records when it
 * arrived (the latency target counts from there).
 */
export function webhookSender(o: { readonly url: string; readonly secret: string }) {
  return async (event: HandoffEvent): Promise<void> => {
    const body = JSON.stringify([
      {
        eventId: eventId++,
        subscriptionId: 4242,
        portalId: 12_345_678,
        appId: 777,
        occurredAt: event.writtenAt,
        subscriptionType: 'contact.propertyChange',
        attemptNumber: 0,
        objectId: Number(event.contactId),
        propertyName: 'lifecyclestage',
        propertyValue: event.stage,
        changeSource: 'CRM_UI',
      },
    ]);
    const timestamp = String(systemClock.now());
    const signature = signatureV3(o.secret, { method: 'POST', uri: o.url, body, timestamp });
    event.webhookAt = systemClock.now();
    const res = await fetch(o.url, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-signature-v3': signature,
        'x-hubspot-request-timestamp': timestamp,
      },
    });
    if (res.status >= 300) throw new Error(`webhook refused: HTTP ${res.status} ${await res.text()}`);
  };
}
