import { describe, expect, it } from 'vitest';
import { HUBSPOT_TIERS, type HubSpotTier } from '../../src/sandbox/index.ts';
import { hubspot, T0 } from './helpers.ts';

type Sandbox = Awaited<ReturnType<typeof hubspot>>;

/** One raw request (fetch is quicker than the SDK for hundreds of them): status, headers, body. */
async function call(
  sandbox: Sandbox,
  path = '/crm/v3/owners',
  init: RequestInit = {},
  token = 'sandbox-token',
) {
  const response = await fetch(`${sandbox.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  const headers = Object.fromEntries(response.headers);
  return { status: response.status, headers, body: (await response.json()) as Record<string, unknown> };
}

const search = (sandbox: Sandbox) =>
  call(sandbox, '/crm/v3/objects/contacts/search', {
    method: 'POST',
    body: JSON.stringify({ filterGroups: [], sorts: [], properties: [], limit: 1, after: '0' }),
  });
const associations = (sandbox: Sandbox, id: string) =>
  call(sandbox, '/crm/v4/associations/contacts/calls/batch/read', {
    method: 'POST',
    body: JSON.stringify({ inputs: [{ id }] }),
  });

const RATE_HEADERS = [
  'x-hubspot-ratelimit-max',
  'x-hubspot-ratelimit-remaining',
  'x-hubspot-ratelimit-interval-milliseconds',
  'x-hubspot-ratelimit-daily',
  'x-hubspot-ratelimit-daily-remaining',
];
const rateHeadersOf = (headers: Record<string, string>) =>
  Object.keys(headers).filter((h) => h.startsWith('x-hubspot-ratelimit-'));

describe('HubSpot sandbox request limits by tier (docs/platform-contract.md HR-1…HR-3)', () => {
  it.each([
    ['starter', 100, 250_000],
    ['professional', 190, 650_000],
    ['enterprise', 190, 1_000_000],
    ['pack', 250, 1_650_000],
  ] as const)('%s: %i per rolling 10 s per app, %i a day, told in every answer', async (tier, max, daily) => {
    expect(HUBSPOT_TIERS[tier as HubSpotTier]).toEqual({ tenSecondly: max, daily });
    const sandbox = await hubspot({ rateLimits: { tier } });
    for (let i = 1; i <= max; i++) {
      const { status, headers } = await call(sandbox);
      expect(status).toBe(200);
      expect(headers).toMatchObject({
        'x-hubspot-ratelimit-max': String(max),
        'x-hubspot-ratelimit-remaining': String(max - i),
        'x-hubspot-ratelimit-interval-milliseconds': '10000',
        'x-hubspot-ratelimit-daily': String(daily),
        'x-hubspot-ratelimit-daily-remaining': String(daily - i),
      });
    }
    const refused = await call(sandbox);
    expect(refused.status).toBe(429);
    expect(refused.body.policyName).toBe('TEN_SECONDLY_ROLLING');
    expect(sandbox.limits?.peakTenSecondly('sandbox-token')).toBe(max);
  });

  it('defaults to Starter, the smallest limits a portal can have', async () => {
    const sandbox = await hubspot();
    expect(sandbox.limits).toMatchObject({ tier: 'starter', tenSecondly: 100, daily: 250_000 });
  });

  it('search and association batch reads carry no rate-limit headers and stay out of the 10 s window, but count for the day', async () => {
    const sandbox = await hubspot({ rateLimits: { tenSecondly: 2 } });
    const lena = sandbox.state.addContact({ email: 'lena@lead.example' });
    const searched = await search(sandbox);
    expect(searched.status).toBe(200);
    expect(rateHeadersOf(searched.headers)).toEqual([]);
    const associated = await associations(sandbox, lena.id);
    expect([200, 207]).toContain(associated.status);
    expect(rateHeadersOf(associated.headers)).toEqual([]);
    // Both left the 10-second window alone: two standard requests still fit…
    expect((await call(sandbox)).headers['x-hubspot-ratelimit-remaining']).toBe('1');
    const second = await call(sandbox);
    expect(second.headers['x-hubspot-ratelimit-remaining']).toBe('0');
    // …and all four were counted against the day.
    expect(second.headers['x-hubspot-ratelimit-daily-remaining']).toBe(String(250_000 - 4));
    expect((await call(sandbox)).status).toBe(429);
  });

  it('names the 429 of each policy as HubSpot does (HR-9)', async () => {
    const sandbox = await hubspot({ rateLimits: { tenSecondly: 1, searchPerSecond: 1, daily: 3 } });
    await call(sandbox);
    const burst = await call(sandbox);
    expect(burst.status).toBe(429);
    expect(Object.keys(burst.body).sort()).toEqual(
      ['status', 'message', 'errorType', 'correlationId', 'policyName', 'groupName'].sort(),
    );
    expect(burst.body).toMatchObject({
      status: 'error',
      message: 'You have reached your ten_secondly_rolling limit.',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
      groupName: expect.stringMatching(/^publicapi:private_app-api-calls-ten-secondly:\d+:12345678$/),
    });
    // The burst 429 still tells the limits, with nothing left in the window.
    expect(burst.headers).toMatchObject({
      'x-hubspot-ratelimit-max': '1',
      'x-hubspot-ratelimit-remaining': '0',
    });

    await search(sandbox);
    const secondly = await search(sandbox);
    expect(secondly.status).toBe(429);
    expect(Object.keys(secondly.body).sort()).toEqual(
      ['status', 'message', 'errorType', 'correlationId', 'policyName', 'requestId'].sort(),
    );
    expect(secondly.body).toMatchObject({
      message: 'You have reached your secondly limit.',
      policyName: 'SECONDLY',
    });
    expect(rateHeadersOf(secondly.headers)).toEqual([]);

    sandbox.clock.advance(10_000);
    await call(sandbox); // the third request of the day HubSpot counted (429s are not)
    const daily = await call(sandbox);
    expect(daily.status).toBe(429);
    expect(Object.keys(daily.body).sort()).toEqual(
      ['status', 'message', 'errorType', 'correlationId', 'policyName', 'requestId'].sort(),
    );
    expect(daily.body).toMatchObject({ message: 'You have reached your daily limit.', policyName: 'DAILY' });
    expect(daily.headers['x-hubspot-ratelimit-daily-remaining']).toBe('0');
  });

  it('counts the day in the portal time zone and starts again at its midnight', async () => {
    const sandbox = await hubspot({ rateLimits: { daily: 3, timeZone: 'Europe/Amsterdam' } });
    // T0 is 10:00 in Amsterdam; midnight there is 14 hours later.
    for (const left of ['2', '1', '0']) {
      expect((await call(sandbox)).headers['x-hubspot-ratelimit-daily-remaining']).toBe(left);
      sandbox.clock.advance(10_000);
    }
    expect((await call(sandbox)).status).toBe(429);
    sandbox.clock.set(T0 + 14 * 3_600_000 - 1);
    expect((await call(sandbox)).status).toBe(429);
    sandbox.clock.set(T0 + 14 * 3_600_000);
    const next = await call(sandbox);
    expect(next.status).toBe(200);
    expect(next.headers['x-hubspot-ratelimit-daily-remaining']).toBe('2');
  });

  it('serves again at once when the daily limit is raised mid-day (an API limit increase bought today)', async () => {
    const sandbox = await hubspot({ rateLimits: { daily: 2 } });
    await call(sandbox);
    await call(sandbox);
    expect((await call(sandbox)).body).toMatchObject({ policyName: 'DAILY' });
    expect((await call(sandbox)).status).toBe(429);
    sandbox.limits?.setDailyLimit(1_000_002);
    const served = await call(sandbox);
    expect(served.status).toBe(200);
    // The requests counted today stay counted (refused ones never were).
    expect(served.headers).toMatchObject({
      'x-hubspot-ratelimit-daily': '1000002',
      'x-hubspot-ratelimit-daily-remaining': '999999',
    });
    expect(sandbox.limits?.requestsToday()).toBe(3);
  });

  it('leaves the daily pair out when the daily limit is off, and every header out with limits off', async () => {
    const noDaily = await hubspot({ rateLimits: { daily: null } });
    expect(rateHeadersOf((await call(noDaily)).headers).sort()).toEqual(RATE_HEADERS.slice(0, 3).sort());
    const off = await hubspot({ rateLimits: false });
    expect(rateHeadersOf((await call(off)).headers)).toEqual([]);
    expect(off.limits).toBeNull();
  });
});

describe('another integration drawing on the same budget', () => {
  it('takes its share of the 10-second pool and of the day, evenly spread, from the start', async () => {
    const sandbox = await hubspot({ rateLimits: { otherIntegration: { perTenSeconds: 40 } } });
    // It was running before: the window already holds its last 40 requests, and our one.
    const first = await call(sandbox);
    expect(first.headers['x-hubspot-ratelimit-remaining']).toBe(String(100 - 40 - 1));
    expect(first.headers['x-hubspot-ratelimit-daily-remaining']).toBe(String(250_000 - 1));
    for (let i = 0; i < 59; i++) expect((await call(sandbox)).status).toBe(200);
    // 40 + 60 = 100: the pool is full for us too.
    expect((await call(sandbox)).status).toBe(429);
    // A second later it made 4 more, and 4 of its old ones left the window: still full.
    sandbox.clock.advance(1_000);
    expect((await call(sandbox)).status).toBe(429);
    // Ten seconds on, our 60 have left; its 40 are still there.
    sandbox.clock.advance(9_000);
    expect((await call(sandbox)).headers['x-hubspot-ratelimit-remaining']).toBe(String(100 - 40 - 1));
    expect(sandbox.limits?.peakTenSecondly('sandbox-token')).toBe(60);
    expect(sandbox.limits?.requestsToday('sandbox-token')).toBe(61);
    expect(sandbox.limits?.requestsToday()).toBe(61 + 40);
  });

  it('can have used most of the day already', async () => {
    const sandbox = await hubspot({
      rateLimits: { otherIntegration: { perTenSeconds: 1, usedToday: 210_000 } },
    });
    expect((await call(sandbox)).headers['x-hubspot-ratelimit-daily-remaining']).toBe(String(40_000 - 1));
  });

  it('is shared by every app of the portal (stricter than HubSpot, whose burst limit is per app)', async () => {
    const sandbox = await hubspot({
      tokens: ['sandbox-token', 'pat-other-app'],
      rateLimits: { tenSecondly: 10, otherIntegration: { perTenSeconds: 5 } },
    });
    const mine = await call(sandbox);
    const theirs = await call(sandbox, '/crm/v3/owners', {}, 'pat-other-app');
    // Each app has a window of its own; the other integration's five count in both.
    expect(mine.headers['x-hubspot-ratelimit-remaining']).toBe('4');
    expect(theirs.headers['x-hubspot-ratelimit-remaining']).toBe('4');
  });
});
