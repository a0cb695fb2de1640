import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../clock/clock.ts';
import { contactsToRead, parseEvents, WebhookDelivery } from '../../hubspot/webhooks/events.ts';
import { WebhookReplayGuard } from '../../hubspot/webhooks/replay-guard.ts';
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
  /** Deliveries and events already accepted within the window; default: a guard of the route's own. */
  readonly replays?: WebhookReplayGuard;
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
 * waits five seconds at most), and hands the watched contacts to the worker. Inside the five minutes
 * a signed delivery is acted on once: the same request again is answered 200 and read nothing, and
 * events already accepted are skipped (HB-19). Polling stays on: a delivery HubSpot gives up on is
 * found by the next poll.
 */
export const hubspotWebhookRoute = (deps: HubSpotWebhookDeps): Route => {
  const replays = deps.replays ?? new WebhookReplayGuard();
  return {
    method: 'POST',
    path: HUBSPOT_WEBHOOK_PATH,
    handle: (req, res) => handle(deps, replays, req, res),
  };
};

async function handle(
  deps: HubSpotWebhookDeps,
  replays: WebhookReplayGuard,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let body: string;
  try {
    body = await readBody(req, MAX_BODY);
  } catch (err) {
    if (!(err instanceof BodyTooLargeError)) throw err;
    deps.logger.warn({ limit: err.limit }, 'hubspot webhook body too large');
    sendJson(res, 413, { error: 'body too large' });
    return;
  }
  const signature = header(req, 'x-hubspot-signature-v3');
  const timestamp = header(req, 'x-hubspot-request-timestamp');
  const now = deps.clock.now();
  const check = verifySignatureV3(
    deps.secret,
    { method: req.method ?? 'POST', uris: signedUris(req), body, signature, timestamp },
    now,
  );
  if (!check.ok || signature === undefined || timestamp === undefined) {
    const reason = check.ok ? 'missing' : check.reason;
    deps.logger.warn({ reason }, 'hubspot webhook refused');
    sendJson(res, 401, { error: 'invalid signature', reason });
    return;
  }
  // From here to `remember` nothing awaits: two copies arriving together cannot both pass.
  if (replays.isReplay(signature, timestamp, now)) {
    deps.logger.info({ timestamp }, 'hubspot webhook replayed; already accepted, nothing read');
    // 2xx: HubSpot retries anything else; the first copy was acted on.
    sendJson(res, 200, { status: 'duplicate' });
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
  const { events, malformed } = parseEvents(items);
  const unseen = replays.unseen(events, now);
  const sorted = contactsToRead(unseen, deps.watched());
  if (sorted.contactIds.length > 0) deps.accept(sorted.contactIds);
  replays.remember(signature, timestamp, events, now);
  deps.logger.debug(
    {
      events: items.length,
      contacts: sorted.contactIds.length,
      ignored: sorted.ignored,
      malformed,
      repeated: events.length - unseen.length,
    },
    'hubspot webhook accepted',
  );
  res.writeHead(204).end();
}
