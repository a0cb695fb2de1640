import type { IncomingMessage } from 'node:http';
import type { Clock } from '../../clock/clock.ts';
import { contactsToRead, WebhookDelivery } from '../../hubspot/webhooks/events.ts';
import { verifySignatureV3 } from '../../hubspot/webhooks/signature.ts';
import type { Logger } from '../../log/logger.ts';
import { type Route, sendJson } from '../route.ts';
import { BodyTooLargeError, readBody } from './read-body.ts';

export const HUBSPOT_WEBHOOK_PATH = '/webhooks/hubspot';
/** HubSpot sends at most 100 events a request, well under this. */
const MAX_BODY = 1024 * 1024;

export interface HubSpotWebhookDeps {
  /** The app's client secret (HUBSPOT_CLIENT_SECRET). */
  readonly secret: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Contact properties that matter under the config in force. */
  readonly watched: () => ReadonlySet<string>;
  /** Hands the contacts to the worker for an immediate targeted read; must not block. */
  readonly accept: (contactIds: readonly string[]) => void;
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The URLs HubSpot may have signed: the forwarded scheme and host when a proxy says so, otherwise the
 * Host header under https (TLS ended at a proxy) and http (called directly).
 */
function signedUris(req: IncomingMessage): string[] {
  const host = header(req, 'x-forwarded-host')?.split(',')[0]?.trim() ?? header(req, 'host') ?? 'localhost';
  const forwarded = header(req, 'x-forwarded-proto')?.split(',')[0]?.trim();
  const schemes = forwarded ? [forwarded] : ['https', 'http'];
  return schemes.map((scheme) => `${scheme}://${host}${req.url ?? HUBSPOT_WEBHOOK_PATH}`);
}

/**
 * `POST /webhooks/hubspot`: HubSpot's `contact.propertyChange` deliveries. Verifies the v3 signature
 * (HMAC-SHA256, constant-time) and refuses timestamps over five minutes old, answers at once (HubSpot
 * waits five seconds at most), and hands the watched contacts to the worker. Polling stays on: a
 * delivery HubSpot gives up on is found by the next poll.
 */
export const hubspotWebhookRoute = (deps: HubSpotWebhookDeps): Route => ({
  method: 'POST',
  path: HUBSPOT_WEBHOOK_PATH,
  handle: async (req, res) => {
    let body: string;
    try {
      body = await readBody(req, MAX_BODY);
    } catch (err) {
      if (!(err instanceof BodyTooLargeError)) throw err;
      deps.logger.warn({ limit: err.limit }, 'hubspot webhook body too large');
      sendJson(res, 413, { error: 'body too large' });
      return;
    }
    const check = verifySignatureV3(
      deps.secret,
      {
        method: req.method ?? 'POST',
        uris: signedUris(req),
        body,
        signature: header(req, 'x-hubspot-signature-v3'),
        timestamp: header(req, 'x-hubspot-request-timestamp'),
      },
      deps.clock.now(),
    );
    if (!check.ok) {
      deps.logger.warn({ reason: check.reason }, 'hubspot webhook refused');
      sendJson(res, 401, { error: 'invalid signature', reason: check.reason });
      return;
    }
    let items: unknown[];
    try {
      const parsed = WebhookDelivery.safeParse(JSON.parse(body));
      if (!parsed.success) throw new SyntaxError('not an array of events');
      items = parsed.data;
    } catch {
      deps.logger.warn({ bytes: body.length }, 'hubspot webhook body is not a JSON array');
      sendJson(res, 400, { error: 'expected a JSON array of events' });
      return;
    }
    const sorted = contactsToRead(items, deps.watched());
    if (sorted.contactIds.length > 0) deps.accept(sorted.contactIds);
    deps.logger.debug(
      {
        events: items.length,
        contacts: sorted.contactIds.length,
        ignored: sorted.ignored,
        malformed: sorted.malformed,
      },
      'hubspot webhook accepted',
    );
    res.writeHead(204).end();
  },
});
