import { afterEach, describe, expect, it } from 'vitest';
import { signatureV3 } from '../../../src/hubspot/webhooks/signature.ts';
import { HttpServer } from '../../../src/server/http-server.ts';
import { HUBSPOT_WEBHOOK_PATH, hubspotWebhookRoute } from '../../../src/server/routes/hubspot-webhook.ts';
import { captureLogger } from '../../fakes/logger.ts';
import { FakeClock } from '../../support/fake-clock.ts';

const SECRET = 'client-secret-route';
const NOW = Date.UTC(2026, 4, 12, 9, 30);

const change = (objectId: number, propertyName = 'lifecyclestage') => ({
  eventId: objectId,
  subscriptionId: 1,
  portalId: 62515,
  appId: 54321,
  occurredAt: NOW - 500,
  subscriptionType: 'contact.propertyChange',
  attemptNumber: 0,
  objectId,
  propertyName,
  propertyValue: 'salesqualifiedlead',
  changeSource: 'CRM_UI',
});

describe('POST /webhooks/hubspot (loopback server, signed requests)', () => {
  let server: HttpServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  async function start() {
    const clock = new FakeClock(NOW);
    const log = captureLogger();
    const accepted: string[][] = [];
    server = new HttpServer({ host: '127.0.0.1', port: 0, logger: log.logger }, [
      hubspotWebhookRoute({
        secret: SECRET,
        clock,
        logger: log.logger,
        watched: () => new Set(['lifecyclestage', 'hubspot_owner_id']),
        accept: (ids) => accepted.push([...ids]),
      }),
    ]);
    const port = await server.listen();
    const url = `http://127.0.0.1:${port}${HUBSPOT_WEBHOOK_PATH}`;
    return { clock, log, accepted, url, port };
  }

  /** Signs like HubSpot: the URL it called, the raw body, the timestamp header. */
  const post = (
    url: string,
    body: string,
    o: { timestamp?: number; signedUrl?: string; secret?: string; headers?: Record<string, string> } = {},
  ) => {
    const timestamp = String(o.timestamp ?? NOW - 1_000);
    const signature = signatureV3(o.secret ?? SECRET, {
      method: 'POST',
      uri: o.signedUrl ?? url,
      body,
      timestamp,
    });
    return fetch(url, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-signature-v3': signature,
        'x-hubspot-request-timestamp': timestamp,
        ...o.headers,
      },
    });
  };

  it('answers 204 at once and hands the watched contacts to the worker, each once', async () => {
    const { url, accepted } = await start();
    const body = JSON.stringify([
      change(101),
      change(202, 'hubspot_owner_id'),
      change(101),
      change(303, 'email'),
    ]);
    const res = await post(url, body);
    expect(res.status).toBe(204);
    expect(accepted).toEqual([['101', '202']]);
  });

  it('refuses an unsigned request, a wrong secret and a changed body with 401, and says why in the log', async () => {
    const { url, accepted, log } = await start();
    const body = JSON.stringify([change(101)]);
    const unsigned = await fetch(url, { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toEqual({ error: 'invalid signature', reason: 'missing' });
    expect((await post(url, body, { secret: 'guessed' })).status).toBe(401);
    const timestamp = String(NOW);
    const signature = signatureV3(SECRET, { method: 'POST', uri: url, body, timestamp });
    const tampered = await fetch(url, {
      method: 'POST',
      body: JSON.stringify([change(666)]),
      headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
    });
    expect(tampered.status).toBe(401);
    expect(accepted).toEqual([]);
    const reasons = log
      .lines()
      .filter((l) => l.msg === 'hubspot webhook refused')
      .map((l) => l.reason);
    expect(reasons).toEqual(['missing', 'mismatch', 'mismatch']);
    expect(log.raw()).not.toContain(SECRET);
  });

  it('refuses a delivery signed more than five minutes ago (a replay)', async () => {
    const { url, accepted } = await start();
    const res = await post(url, JSON.stringify([change(101)]), { timestamp: NOW - 5 * 60_000 - 1 });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'invalid signature', reason: 'stale' });
    expect(accepted).toEqual([]);
  });

  it('checks the public https URL a proxy forwarded (X-Forwarded-Proto/Host)', async () => {
    const { url, accepted } = await start();
    const body = JSON.stringify([change(404)]);
    const res = await post(url, body, {
      signedUrl: `https://bot.example.com${HUBSPOT_WEBHOOK_PATH}`,
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'bot.example.com' },
    });
    expect(res.status).toBe(204);
    expect(accepted).toEqual([['404']]);
  });

  it('answers 400 to a signed body that is not a JSON array of events', async () => {
    const { url, accepted } = await start();
    expect((await post(url, '{"objectId":1}')).status).toBe(400);
    expect((await post(url, 'not json')).status).toBe(400);
    expect(accepted).toEqual([]);
  });

  it('answers 413 to a body over 1 MB without reading it all', async () => {
    const { url, accepted } = await start();
    const res = await post(url, JSON.stringify([{ pad: 'x'.repeat(1024 * 1024) }]));
    expect(res.status).toBe(413);
    expect(accepted).toEqual([]);
  });

  it('acts on a signed delivery once: the same request 20 times is answered 200 and reads nothing more', async () => {
    const { url, accepted, log } = await start();
    const body = JSON.stringify([change(101), change(202, 'hubspot_owner_id')]);
    const timestamp = NOW - 1_000;
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await post(url, body, { timestamp })).status);
    expect(statuses).toEqual([204, ...Array(19).fill(200)]);
    expect(accepted).toEqual([['101', '202']]);
    expect(log.lines().filter((l) => String(l.msg).startsWith('hubspot webhook replayed'))).toHaveLength(19);
  });

  it('lets through only one of 20 copies sent at the same moment', async () => {
    const { url, accepted } = await start();
    const body = JSON.stringify([change(101)]);
    const answers = await Promise.all(Array.from({ length: 20 }, () => post(url, body)));
    expect(answers.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 204]);
    expect(accepted).toEqual([['101']]);
  });

  it('skips events already accepted when HubSpot sends them again in a newly signed delivery, but not a new change', async () => {
    const { url, accepted, clock } = await start();
    await post(url, JSON.stringify([change(101)]), { timestamp: NOW - 1_000 });
    clock.advance(2 * 60_000);
    // HubSpot's retry: same event, next attempt, signed afresh; plus a later change of the same contact.
    const retry = { ...change(101), attemptNumber: 1 };
    const later = { ...change(101), eventId: 7001, occurredAt: NOW + 60_000 };
    expect((await post(url, JSON.stringify([retry]), { timestamp: clock.now() })).status).toBe(204);
    expect((await post(url, JSON.stringify([retry, later]), { timestamp: clock.now() + 1 })).status).toBe(
      204,
    );
    expect(accepted).toEqual([['101'], ['101']]);
  });

  it('reads a repeated event again once the five-minute window is over', async () => {
    const { url, accepted, clock } = await start();
    await post(url, JSON.stringify([change(101)]), { timestamp: NOW });
    clock.advance(5 * 60_000 + 1);
    const retry = { ...change(101), attemptNumber: 3 };
    expect((await post(url, JSON.stringify([retry]), { timestamp: clock.now() })).status).toBe(204);
    expect(accepted).toEqual([['101'], ['101']]);
  });

  it('does not remember a delivery it refused, so a good copy of it still counts', async () => {
    const { url, accepted } = await start();
    const body = JSON.stringify([change(101)]);
    expect((await post(url, body, { secret: 'guessed' })).status).toBe(401);
    expect((await post(url, body)).status).toBe(204);
    expect(accepted).toEqual([['101']]);
  });

  it('accepts a delivery with nothing watched in it without waking the worker', async () => {
    const { url, accepted } = await start();
    const res = await post(url, JSON.stringify([change(1, 'firstname')]));
    expect(res.status).toBe(204);
    expect(accepted).toEqual([]);
  });
});
