import { afterEach, describe, expect, it } from 'vitest';
import { createHubSpotSource } from '../../src/hubspot/hubspot-source.ts';
import { captureLogger } from '../fakes/logger.ts';
import { startCheckedHubSpotSandbox } from '../support/checked-hubspot-sandbox.ts';
import { FakeClock } from '../support/fake-clock.ts';
import { config, FakeTiming } from './harness.ts';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const stopping: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stopping.splice(0).map((stop) => stop()));
});

describe('deals of contacts against the loopback HubSpot sandbox', () => {
  it('reads won, open and shared deals with the real SDK in two requests', async () => {
    const clock = new FakeClock(T0);
    const sandbox = await startCheckedHubSpotSandbox({ clock, rateLimits: false });
    stopping.push(() => sandbox.stop());
    const { state } = sandbox;
    const a = state.addContact({ email: 'a@example.com', stage: 'salesqualifiedlead' });
    const b = state.addContact({ email: 'b@example.com', stage: 'salesqualifiedlead' });
    const none = state.addContact({ email: 'none@example.com', stage: 'salesqualifiedlead' });
    const won = state.createDeal([a.id], {
      dealstage: 'closedwon',
      amount: '12500.50',
      deal_currency_code: 'EUR',
      closedate: '2026-03-20T12:00:00.000Z',
    });
    const shared = state.createDeal([a.id, b.id], { amount: '800' });

    const source = createHubSpotSource({
      accessToken: 'sandbox-token',
      basePath: sandbox.url,
      config: config(),
      logger: captureLogger().logger,
      clock,
      timing: new FakeTiming(),
    });
    const before = source.requestCount;
    const read = await source.dealsOf([a.id, b.id, none.id]);

    expect(source.requestCount - before).toBe(2);
    expect(read.contactIds).toEqual([a.id, b.id, none.id]);
    expect(read.rejected).toEqual([]);
    expect([...read.deals].sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual([
      {
        id: won.id,
        contactIds: [a.id],
        pipeline: 'default',
        stage: 'closedwon',
        closed: true,
        closedWon: true,
        closedAt: Date.parse('2026-03-20T12:00:00.000Z'),
        amount: '12500.50',
        currency: 'EUR',
        createdAt: T0,
      },
      {
        id: shared.id,
        contactIds: [a.id, b.id].sort(),
        pipeline: 'default',
        stage: 'appointmentscheduled',
        closed: false,
        closedWon: false,
        closedAt: null,
        amount: '800',
        currency: null,
        createdAt: T0,
      },
    ]);
  });
});
