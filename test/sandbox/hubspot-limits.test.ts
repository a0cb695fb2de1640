import { afterEach, describe, expect, it, vi } from 'vitest';
import { hubspot, hubspotClient, rejection, searchRequest } from './helpers.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The SDK logs each retry with console.error; keep test output quiet. */
const quietSdkRetries = () => vi.spyOn(console, 'error').mockImplementation(() => undefined);

describe('HubSpot sandbox auth and rate limits, as the real SDK sees them', () => {
  it('answers a wrong token with 401 INVALID_AUTHENTICATION', async () => {
    const sandbox = await hubspot();
    const error = await rejection(
      hubspotClient(sandbox, { accessToken: 'pat-wrong' }).crm.owners.ownersApi.getPage(),
    );
    expect(error.code).toBe(401);
    expect(error.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
  });

  it('sends the burst-limit headers on ordinary requests (Starter limits by default)', async () => {
    const sandbox = await hubspot();
    const response = await hubspotClient(sandbox).apiRequest({ method: 'GET', path: '/crm/v3/owners' });
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
      'x-hubspot-ratelimit-max': '100',
      'x-hubspot-ratelimit-remaining': '99',
      'x-hubspot-ratelimit-daily': '250000',
      'x-hubspot-ratelimit-daily-remaining': '249999',
    });
  });

  it('enforces the rolling ten-second app limit with the TEN_SECONDLY_ROLLING 429 body', async () => {
    const sandbox = await hubspot({ rateLimits: { tenSecondly: 3 } });
    const api = hubspotClient(sandbox).crm.owners.ownersApi;
    await api.getPage();
    sandbox.clock.advance(4_000);
    await api.getPage();
    await api.getPage();
    const error = await rejection(api.getPage());
    expect(error.code).toBe(429);
    expect(error.body).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
      message: 'You have reached your ten_secondly_rolling limit.',
    });
    expect(error.headers).toMatchObject({ 'x-hubspot-ratelimit-remaining': '0' });
    sandbox.clock.advance(6_000); // the first request leaves the window
    await expect(api.getPage()).resolves.toBeDefined();
    expect((await rejection(api.getPage())).code).toBe(429);
    expect(sandbox.stats.snapshot().rateLimited).toEqual({ total: 2, byPolicy: { TEN_SECONDLY_ROLLING: 2 } });
  });

  it('limits search to five per second per account with the SECONDLY body, outside the ten-second budget', async () => {
    const sandbox = await hubspot({ rateLimits: { tenSecondly: 2 } });
    const search = () => hubspotClient(sandbox).crm.contacts.searchApi.doSearch(searchRequest([]));
    for (let i = 0; i < 5; i++) await search();
    const error = await rejection(search());
    expect(error.code).toBe(429);
    expect(error.body).toMatchObject({
      policyName: 'SECONDLY',
      message: 'You have reached your secondly limit.',
    });
    sandbox.clock.advance(1_000);
    await expect(search()).resolves.toBeDefined();
    expect(sandbox.stats.snapshot().byEndpoint['POST /crm/v3/objects/contacts/search']).toMatchObject({
      count: 7,
      statuses: { '200': 6, '429': 1 },
      rateLimited: 1,
    });
  });

  it('stops at the daily limit with a DAILY 429 the SDK does not retry', async () => {
    quietSdkRetries();
    const sandbox = await hubspot({ rateLimits: { daily: 2 } });
    const api = hubspotClient(sandbox, { numberOfApiCallRetries: 3 }).crm.owners.ownersApi;
    await api.getPage();
    await api.getPage();
    const error = await rejection(api.getPage());
    expect(error.body).toMatchObject({ policyName: 'DAILY', message: 'You have reached your daily limit.' });
    expect(sandbox.stats.count('GET /crm/v3/owners')).toBe(3);
    sandbox.clock.advance(24 * 60 * 60_000);
    await expect(api.getPage()).resolves.toBeDefined();
  });

  it('lets the SDK retry a SECONDLY 429 after its one-second wait and succeed', async () => {
    quietSdkRetries();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const sandbox = await hubspot({ rateLimits: { searchPerSecond: 1 } });
    const client = hubspotClient(sandbox, { numberOfApiCallRetries: 2 });
    await client.crm.contacts.searchApi.doSearch(searchRequest([]));
    const retried = client.crm.contacts.searchApi.doSearch(searchRequest([]));
    await vi.waitFor(() => expect(sandbox.stats.snapshot().rateLimited.total).toBe(1));
    sandbox.clock.advance(1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(retried).resolves.toMatchObject({ total: 0 });
    expect(sandbox.stats.count('POST /crm/v3/objects/contacts/search')).toBe(3);
  });

  it('lets the SDK retry a TEN_SECONDLY_ROLLING 429 after its ten-second wait', async () => {
    quietSdkRetries();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const sandbox = await hubspot({ rateLimits: { tenSecondly: 1 } });
    const api = hubspotClient(sandbox, { numberOfApiCallRetries: 2 }).crm.owners.ownersApi;
    await api.getPage();
    const retried = api.getPage();
    await vi.waitFor(() => expect(sandbox.stats.snapshot().rateLimited.total).toBe(1));
    sandbox.clock.advance(10_000);
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(retried).resolves.toBeDefined();
  });
});

describe('HubSpot sandbox fault injection', () => {
  it('answers injected server errors with a 5xx the SDK throws, then recovers', async () => {
    const sandbox = await hubspot();
    sandbox.faults.inject('server_error', { times: 2, endpoint: 'GET /crm/v3/owners' });
    const api = hubspotClient(sandbox).crm.owners.ownersApi;
    for (let i = 0; i < 2; i++) expect((await rejection(api.getPage())).code).toBeGreaterThanOrEqual(500);
    await expect(api.getPage()).resolves.toBeDefined();
    expect(sandbox.stats.snapshot().faults).toBe(2);
  });

  it('lets the SDK retry a 5xx and succeed', async () => {
    quietSdkRetries();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const sandbox = await hubspot();
    sandbox.faults.inject('server_error');
    const pending = hubspotClient(sandbox, { numberOfApiCallRetries: 2 }).crm.owners.ownersApi.getPage();
    await vi.waitFor(() => expect(sandbox.stats.snapshot().faults).toBe(1));
    await vi.advanceTimersByTimeAsync(200);
    await expect(pending).resolves.toBeDefined();
  });

  it('sends a cut-off JSON body that the SDK fails to parse', async () => {
    const sandbox = await hubspot();
    sandbox.faults.inject('malformed');
    const error = await rejection(hubspotClient(sandbox).crm.owners.ownersApi.getPage());
    expect(error.message).toMatch(/JSON/);
  });

  it('holds a timed-out request open until the client gives up', async () => {
    const sandbox = await hubspot();
    sandbox.faults.inject('timeout');
    const abort = new AbortController();
    const pending = fetch(`${sandbox.url}/crm/v3/owners`, {
      headers: { authorization: 'Bearer sandbox-token' },
      signal: abort.signal,
    });
    await vi.waitFor(() => expect(sandbox.stats.snapshot().faults).toBe(1));
    abort.abort();
    await expect(pending).rejects.toThrow(/abort/i);
  });

  it('fails a seeded share of requests at random, the same ones on every run', async () => {
    const run = async () => {
      const sandbox = await hubspot({ faults: { rate: 0.3, seed: 42, kinds: ['server_error'] } });
      const outcomes: boolean[] = [];
      for (let i = 0; i < 30; i++) {
        const response = await fetch(`${sandbox.url}/crm/v3/owners`, {
          headers: { authorization: 'Bearer sandbox-token' },
        });
        outcomes.push(response.ok);
      }
      return outcomes;
    };
    const first = await run();
    const failures = first.filter((ok) => !ok).length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(20);
    expect(await run()).toEqual(first);
  });

  it('adds the configured latency to every answer', async () => {
    const sandbox = await hubspot({ latency: { meanMs: 40 } });
    const started = performance.now();
    await hubspotClient(sandbox).crm.owners.ownersApi.getPage();
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
  });
});
