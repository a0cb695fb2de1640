import { describe, expect, it } from 'vitest';
import {
  HubSpotDailyLimitError,
  HubSpotMalformedResponseError,
  HubSpotRateLimitError,
  HubSpotScopeError,
  HubSpotServerError,
} from '../../src/hubspot/errors.ts';
import missingScopes from '../fixtures/hubspot/missing-scopes.json' with { type: 'json' };
import daily from '../fixtures/hubspot/rate-limit-daily.json' with { type: 'json' };
import secondly from '../fixtures/hubspot/rate-limit-secondly.json' with { type: 'json' };
import tenSecondly from '../fixtures/hubspot/rate-limit-ten-secondly.json' with { type: 'json' };
import serverError from '../fixtures/hubspot/server-error.json' with { type: 'json' };
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, emptyPage, harness } from './harness.ts';

const search = (h: ReturnType<typeof harness>) =>
  h.client.api.search('contacts', { filterGroups: [], sorts: [], properties: ['email'], limit: 200 });
const SEARCH = '/crm/v3/objects/contacts/search';
const OWNERS = '/crm/v3/owners/';

describe('HubSpot gateway: rate limits and faults', () => {
  const http = useStrictHttp();

  it('waits out a 429 TEN_SECONDLY_ROLLING and tries again', async () => {
    const h = harness();
    http
      .scope(BASE)
      .get(OWNERS)
      .query(true)
      .reply(429, tenSecondly)
      .get(OWNERS)
      .query(true)
      .reply(200, { results: [] });
    await expect(h.client.api.ownersPage(undefined, false)).resolves.toMatchObject({ results: [] });
    expect(h.timing.waits).toEqual([10_000]);
    expect(h.client.api.requestCount).toBe(2);
  });

  it('waits one second after a 429 SECONDLY on search', async () => {
    const h = harness();
    http
      .scope(BASE)
      .post(SEARCH)
      .reply(429, secondly)
      .post(SEARCH)
      .reply(429, secondly)
      .post(SEARCH)
      .reply(200, emptyPage);
    await expect(search(h)).resolves.toMatchObject({ results: [] });
    expect(h.timing.waits).toEqual([1_000, 1_000]);
  });

  it('gives up after a bounded number of rate-limit waits', async () => {
    const h = harness();
    http.scope(BASE).post(SEARCH).times(6).reply(429, tenSecondly);
    await expect(search(h)).rejects.toBeInstanceOf(HubSpotRateLimitError);
    expect(h.timing.waits).toEqual([10_000, 10_000, 10_000, 10_000, 10_000]);
  });

  it('stops calling on a 429 DAILY until the portal’s midnight, keeping no retry going', async () => {
    const h = harness({ timezone: 'Europe/Amsterdam' });
    http.scope(BASE).post(SEARCH).reply(429, daily);
    const error = await search(h).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotDailyLimitError);
    // 10:10 UTC on 1 May is 12:10 in Amsterdam: calls resume at midnight there, 22:00 UTC.
    expect((error as HubSpotDailyLimitError).resumeAt).toBe(Date.parse('2024-05-01T22:00:00Z'));
    expect(h.timing.waits).toEqual([]);
    // No request leaves while paused (the strict mock would fail on one).
    await expect(search(h)).rejects.toBeInstanceOf(HubSpotDailyLimitError);
    expect(h.client.api.requestCount).toBe(1);
    h.clock.set(Date.parse('2024-05-01T22:00:01Z'));
    http.scope(BASE).post(SEARCH).reply(200, emptyPage);
    await expect(search(h)).resolves.toMatchObject({ results: [] });
  });

  it('asks HubSpot with one owner every 15 minutes while paused, and resumes as soon as it is served', async () => {
    const h = harness({ timezone: 'Europe/Amsterdam' });
    const T0 = h.clock.now();
    http.scope(BASE).post(SEARCH).reply(429, daily);
    const first = await search(h).catch((e: unknown) => e);
    expect(first).toMatchObject({ zone: 'Europe/Amsterdam', nextProbeAt: T0 + 15 * 60_000 });
    expect((first as Error).message).toContain('00:00 Thu 2 May 2024 (Europe/Amsterdam)');
    expect(h.client.api.dailyPause).toEqual({
      reason: 'daily_limit',
      since: T0,
      until: Date.parse('2024-05-01T22:00:00Z'),
      zone: 'Europe/Amsterdam',
      nextProbeAt: T0 + 15 * 60_000,
    });
    // Before the probe is due nothing leaves (the strict mock would fail on a request).
    h.clock.advance(15 * 60_000 - 1);
    await expect(search(h)).rejects.toBeInstanceOf(HubSpotDailyLimitError);
    // Due: one owner is asked for; still refused, so the call fails and the next probe is 15 min on.
    h.clock.advance(1);
    http.scope(BASE).get(OWNERS).query({ limit: '1', archived: 'false' }).reply(429, daily);
    await expect(search(h)).rejects.toMatchObject({ nextProbeAt: T0 + 30 * 60_000 });
    expect(h.client.api.requestCount).toBe(2);
    // The limit was raised in between: the next probe is served and the call goes through.
    h.clock.advance(15 * 60_000);
    http
      .scope(BASE)
      .get(OWNERS)
      .query({ limit: '1', archived: 'false' })
      .reply(200, { results: [] })
      .post(SEARCH)
      .reply(200, emptyPage);
    await expect(search(h)).resolves.toMatchObject({ results: [] });
    expect(h.client.api.dailyPause).toBeNull();
    expect(h.log.lines().map((l) => l.msg)).toContain(
      'hubspot serves calls again before midnight (daily limit raised); pause over',
    );
  });

  it('lets calls arriving while the probe runs share its one request', async () => {
    const h = harness();
    http.scope(BASE).post(SEARCH).reply(429, daily);
    await search(h).catch(() => {});
    h.clock.advance(15 * 60_000);
    http.scope(BASE).get(OWNERS).query(true).reply(429, daily);
    const results = await Promise.allSettled([search(h), search(h), search(h)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(h.client.api.requestCount).toBe(2);
  });

  it('retries a 5xx storm a bounded number of times with jittered backoff, then fails retryably', async () => {
    const h = harness();
    http.scope(BASE).post(SEARCH).times(4).reply(502, serverError);
    const error = await search(h).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotServerError);
    expect(error).toMatchObject({ retryable: true, status: 502 });
    // Full jitter with random() = 0.5: half of 500, 1000, 2000 ms.
    expect(h.timing.waits).toEqual([250, 500, 1_000]);
    expect(h.client.api.requestCount).toBe(4);
  });

  it('recovers when the server comes back within the retry budget', async () => {
    const h = harness();
    http
      .scope(BASE)
      .post(SEARCH)
      .reply(500, serverError)
      .post(SEARCH)
      .reply(503, 'upstream unavailable')
      .post(SEARCH)
      .reply(200, emptyPage);
    await expect(search(h)).resolves.toMatchObject({ results: [] });
    expect(h.timing.waits).toHaveLength(2);
  });

  it('times out a request that hangs, abandons it and tries again', async () => {
    const h = harness();
    h.timing.timeouts = 1;
    // The time limit expires before the first request is out: it is aborted, never sent; only the
    // retry reaches HubSpot (an in-flight abort is shown against the sandbox in ambiguous-writes.test.ts).
    http.scope(BASE).post(SEARCH).reply(200, emptyPage);
    await expect(search(h)).resolves.toMatchObject({ results: [] });
    expect(h.client.api.requestCount).toBe(2);
    expect(h.timing.waits).toEqual([250]);
    expect(
      h.log.lines().some((l) => l.msg === 'hubspot call failed, retrying' && l.code === 'HUBSPOT_TIMEOUT'),
    ).toBe(true);
  });

  it('retries network errors', async () => {
    const h = harness();
    http
      .scope(BASE)
      .post(SEARCH)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .post(SEARCH)
      .reply(200, emptyPage);
    await expect(search(h)).resolves.toMatchObject({ results: [] });
  });

  it('treats a 200 that is not JSON as malformed: retried, then an error, never an empty result', async () => {
    const h = harness();
    http
      .scope(BASE)
      .post(SEARCH)
      .times(4)
      .reply(200, '<html>proxy login</html>', { 'Content-Type': 'application/json' });
    await expect(search(h)).rejects.toBeInstanceOf(HubSpotMalformedResponseError);
  });

  it('treats a 200 the SDK cannot even read as malformed', async () => {
    const h = harness();
    http.scope(BASE).post(SEARCH).times(4).reply(200, { total: 3, results: 42 });
    await expect(search(h)).rejects.toBeInstanceOf(HubSpotMalformedResponseError);
  });

  it('does not retry a missing scope and names it', async () => {
    const h = harness();
    http.scope(BASE).get(OWNERS).query(true).reply(403, missingScopes);
    const error = await h.client.api.ownersPage(undefined, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotScopeError);
    expect((error as HubSpotScopeError).scopes).toEqual(['crm.objects.owners.read']);
    expect(h.client.api.requestCount).toBe(1);
  });

  it('sends the private app token as a bearer token', async () => {
    const h = harness();
    http
      .scope(BASE, { reqheaders: { authorization: 'Bearer pat-test' } })
      .post(SEARCH)
      .reply(200, emptyPage);
    await search(h);
    expect(h.log.raw()).not.toContain('pat-test');
  });
});

describe('HubSpot gateway: envelopes without the fields we read', () => {
  const http = useStrictHttp();

  it('refuses a search answer without results', async () => {
    const h = harness();
    http.scope(BASE).post(SEARCH).times(4).reply(200, { total: 0 });
    const error = await search(h).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotMalformedResponseError);
    expect((error as Error).message).toContain('results');
  });
});
