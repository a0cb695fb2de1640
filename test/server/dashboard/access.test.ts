import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { identifyCaller } from '../../../src/server/dashboard/auth/access.ts';
import { TestBrowser } from './browser.ts';
import { BEARER, MARCH, startsDashboards, TOKEN } from './harness.ts';

const start = startsDashboards();

/**
 * A reverse proxy on the same host, as the docs used to suggest for TLS in front of the webhook
 * routes: every client it forwards reaches the dashboard from 127.0.0.1, and says who it really is
 * in X-Forwarded-For.
 */
let proxy: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  proxy = null;
});
async function sameHostProxy(target: string): Promise<string> {
  const to = new URL(target);
  proxy = createServer((req, res) => {
    const upstream = request(
      {
        host: to.hostname,
        port: to.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy?.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

describe('dashboard access: signed-in people and the script token, never the socket address', () => {
  it('refuses everyone, loopback included, when neither sign-in nor a token is configured: 401 and how to configure it', async () => {
    const d = await start();
    const res = await fetch(`${d.base}/dashboard?${MARCH}`);
    expect(res.status).toBe(401);
    const page = await res.text();
    expect(page).toContain('Sign-in is not configured');
    expect(page).toContain('SLACK_CLIENT_ID');
    expect(page).toContain('DASHBOARD_URL/dashboard/auth/callback');
    expect(page).toContain('Authorization: Bearer');
    expect(page).not.toMatch(/Lead [A-I]|BV/);
    const json = await fetch(`${d.base}/dashboard/data.json`);
    expect(json.status).toBe(401);
    expect(((await json.json()) as { error: string }).error).toContain('sign in with Slack first');
    expect((await fetch(`${d.base}/dashboard/sign-in`)).status).toBe(401);
  });

  it('refuses a request through a same-host proxy (X-Forwarded-For, no session): 401, or sign-in when configured', async () => {
    const bare = await start({ token: TOKEN });
    const via = await sameHostProxy(bare.base);
    expect((await fetch(`${via}/dashboard?${MARCH}`)).status).toBe(401);
    expect((await fetch(`${via}/dashboard/data.json?${MARCH}`)).status).toBe(401);
    expect((await fetch(`${via}/dashboard/leads?${MARCH}&figure=speed%2Ftotal%2Fhandoffs`)).status).toBe(401);
    await bare.close();
    await new Promise<void>((resolve) => proxy?.close(() => resolve()));

    const d = await start({ signIn: { people: ['anna@example.com'] } });
    const through = await sameHostProxy(d.base);
    const b = new TestBrowser();
    const res = await b.request(`${through}/dashboard?${MARCH}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/dashboard\/sign-in\?next=/);
    expect((await b.request(`${through}/dashboard/data.json`)).status).toBe(401);
  });

  it('lets scripts in with the token in the Authorization header, and never copies it into links', async () => {
    const d = await start({ token: TOKEN });
    const res = await fetch(`${d.base}/dashboard?${MARCH}`, { headers: BEARER });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).not.toContain(TOKEN);
    expect(page).not.toContain('token=');
    expect(page).not.toContain('Signed in as');
    expect(
      (await fetch(`${d.base}/dashboard/data.json`, { headers: { authorization: `bearer  ${TOKEN}` } }))
        .status,
    ).toBe(200);
    expect((await fetch(`${d.base}/dashboard`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(
      401,
    );
    expect((await fetch(`${d.base}/dashboard`)).status).toBe(401);
  });

  it('no longer takes ?token=: 400 saying to use the header, even with the right token', async () => {
    const d = await start({ token: TOKEN });
    const page = await fetch(`${d.base}/dashboard?${MARCH}&token=${TOKEN}`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('is not accepted any more');
    const json = await fetch(`${d.base}/dashboard/data.json?token=${TOKEN}`);
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: string }).error).toContain('Authorization: Bearer');
    expect((await fetch(`${d.base}/dashboard?token=${TOKEN}`, { headers: BEARER })).status).toBe(400);
  });

  const url = (q = '') => new URL(`http://sla.example.com/dashboard${q}`);
  const none = { token: null, signIn: null };

  it('identifies the caller by header or cookie alone', () => {
    const call = (
      authorization: string | undefined,
      q = '',
      c: typeof none | { token: string; signIn: null } = none,
    ) => identifyCaller({ authorization, cookie: undefined }, url(q), c, 0).kind;
    expect(call(undefined)).toBe('no-session');
    expect(call('Bearer tok')).toBe('bad-token');
    expect(call('Bearer tok', '', { token: 'tok', signIn: null })).toBe('token');
    expect(call('Basic dG9rOg==', '', { token: 'tok', signIn: null })).toBe('bad-token');
    expect(call(undefined, '?token=tok', { token: 'tok', signIn: null })).toBe('token-in-url');
    expect(
      identifyCaller({ authorization: undefined, cookie: 'sla_session=abc.def' }, url(), none, 0).kind,
    ).toBe('no-session');
  });
});
