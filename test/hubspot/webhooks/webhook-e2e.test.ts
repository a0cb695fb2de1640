import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { signatureV3 } from '../../../src/hubspot/webhooks/signature.ts';
import { kindOf, shown, startWorld, type WorkerProcess, type World, waitFor } from '../../e2e/harness.ts';
import { E2E_SLA } from '../../e2e/sla-files.ts';

const SECRET = 'e2e-hubspot-client-secret';
/** HubSpot search lagging this far behind writes: a poll cannot see the handoff before it. */
const INDEX_LAG = 6_000;

/**
 * `sla-bot run` with HUBSPOT_CLIENT_SECRET against the sandboxes: a signed `contact.propertyChange`
 * delivery makes the worker read that contact by id and ping at once, long before the lagging
 * search shows it; the poll that finds it later adds nothing.
 */
describe('HubSpot webhooks feeding the worker (worker process, sandboxes)', () => {
  let world: World;
  let worker: WorkerProcess;
  let url: string;

  beforeAll(async () => {
    world = await startWorld(E2E_SLA);
    world.hubspot.state.indexLag = INDEX_LAG;
    worker = world.startWorker({ HUBSPOT_CLIENT_SECRET: SECRET });
    await waitFor('the first cycle', () => worker.logged('cycle finished')[0], 20_000);
    const port = Number(worker.logged('http server listening')[0]?.port);
    url = `http://127.0.0.1:${port}/webhooks/hubspot`;
  });
  afterAll(async () => {
    await world?.[Symbol.asyncDispose]();
  });

  const deliver = (contactId: string, signWith = SECRET) => {
    const body = JSON.stringify([
      {
        eventId: Number(contactId),
        subscriptionId: 1,
        portalId: 12345678,
        appId: 1,
        occurredAt: Date.now(),
        subscriptionType: 'contact.propertyChange',
        attemptNumber: 0,
        objectId: Number(contactId),
        propertyName: 'lifecyclestage',
        propertyValue: 'salesqualifiedlead',
        changeSource: 'CRM_UI',
      },
    ]);
    const timestamp = String(Date.now());
    return fetch(url, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        'x-hubspot-request-timestamp': timestamp,
        'x-hubspot-signature-v3': signatureV3(signWith, { method: 'POST', uri: url, body, timestamp }),
      },
    });
  };
  const pingsAbout = (name: string) =>
    world.slack.state
      .dmsTo('bram@example.com')
      .filter((m) => kindOf(m) === 'ping' && shown(m).includes(name));

  it('pings within seconds of the webhook, before search can see the handoff, and only once after the poll finds it', async () => {
    onTestFailed(() => console.error(`worker log:\n${worker.tail()}`));
    const lead = world.handoff('Wanda');
    const res = await deliver(lead.id);
    expect(res.status).toBe(204);
    const ping = await waitFor('the ping', () => pingsAbout('Wanda')[0], 10_000);
    expect(ping.postedAt).toBeLessThan(lead.enteredAt + INDEX_LAG);
    expect(ping.postedAt - lead.enteredAt).toBeLessThan(3_000);
    // A poll that started after the search index caught up has seen the handoff again: no second ping.
    await worker.cycleDoneAfter(lead.enteredAt + INDEX_LAG + 500, 20_000);
    await worker.cycleDoneAfter(Date.now(), 20_000);
    expect(pingsAbout('Wanda')).toHaveLength(1);
  });

  it('ignores a delivery signed with another secret: the handoff waits for the poll', async () => {
    onTestFailed(() => console.error(`worker log:\n${worker.tail()}`));
    const lead = world.handoff('Forged');
    const res = await deliver(lead.id, 'not-the-secret');
    expect(res.status).toBe(401);
    const ping = await waitFor('the ping from polling', () => pingsAbout('Forged')[0], 20_000);
    expect(ping.postedAt).toBeGreaterThanOrEqual(lead.enteredAt + INDEX_LAG);
  });
});
