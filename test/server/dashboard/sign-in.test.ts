import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../src/domain/time.ts';
import { setCookie } from '../../../src/server/dashboard/auth/cookies.ts';
import { openSession } from '../../../src/server/dashboard/auth/session.ts';
import { sessionKey } from '../../../src/server/dashboard/auth/sign-in-settings.ts';
import { authorizeAs, authorizeForm, signInAs, TestBrowser } from './browser.ts';
import { MARCH, startsDashboards } from './harness.ts';

const start = startsDashboards();
const PEOPLE = ['anna@example.com', 'bram@example.com', 'zed@example.com'];
const withSignIn = () => start({ signIn: { people: PEOPLE } });

/** The `Set-Cookie` line of a cookie in an answer. */
const setCookieLine = (res: Response, name: string) =>
  res.headers.getSetCookie().find((l) => l.startsWith(`${name}=`)) ?? null;

describe('Sign in with Slack (OpenID Connect) against the Slack sandbox, over real HTTP', () => {
  it('sends a visitor through Slack and back, into a session cookie, and shows them their view', async () => {
    const d = await withSignIn();
    const b = new TestBrowser();
    const first = await b.request(`${d.base}/dashboard/leads?${MARCH}&figure=speed%2Ftotal%2Fhandoffs`);
    expect(first.status).toBe(302);
    const toSignIn = new URL(first.headers.get('location') ?? '', d.base);
    expect(toSignIn.pathname).toBe('/dashboard/sign-in');

    const toSlack = await b.request(toSignIn.toString());
    expect(toSlack.status).toBe(302);
    const authorize = new URL(toSlack.headers.get('location') ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(
      new URL('../openid/connect/authorize', d.slack?.url).toString(),
    );
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      scope: 'openid email profile',
      client_id: d.settings?.clientId,
      redirect_uri: `${d.base}/dashboard/auth/callback`,
    });
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
    const pending = setCookieLine(toSlack, 'sla_sign_in');
    expect(pending).toMatch(/; Path=\/dashboard; Max-Age=600; HttpOnly; SameSite=Lax$/);

    const { fields, people } = authorizeForm(await (await b.request(authorize.toString())).text());
    const chosen = await b.request(`${authorize.origin}${authorize.pathname}`, {
      method: 'POST',
      body: new URLSearchParams({ ...fields, user: people.get('anna@example.com') ?? '' }).toString(),
    });
    expect(chosen.status).toBe(302);
    const callback = new URL(chosen.headers.get('location') ?? '');
    expect(callback.pathname).toBe('/dashboard/auth/callback');
    expect(callback.searchParams.get('state')).toBe(authorize.searchParams.get('state'));

    const back = await b.request(callback.toString());
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe(`/dashboard/leads?${MARCH}&figure=speed%2Ftotal%2Fhandoffs`);
    expect(setCookieLine(back, 'sla_session')).toMatch(
      /^sla_session=[\w-]+\.[\w-]+; Path=\/dashboard; Max-Age=43200; HttpOnly; SameSite=Lax$/,
    );
    expect(setCookieLine(back, 'sla_sign_in')).toMatch(/Max-Age=0/);

    const leads = await b.request(new URL(back.headers.get('location') ?? '', d.base).toString());
    expect(leads.status).toBe(200);
    // Anna manages benelux: its handoffs, not dach's (E, G).
    expect([...(await leads.text()).matchAll(/data-id="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual([
      'A',
      'B',
      'C',
      'D',
      'H',
    ]);
    const page = await (await b.request(`${d.base}/dashboard?${MARCH}`)).text();
    expect(page).toContain(
      'Signed in as <span id="signed-in-as">anna@example.com (manager of benelux)</span>',
    );
    expect(page).toContain('<form method="post" action="/dashboard/sign-out"');
    expect(page).not.toContain('token=');
  });

  it('marks the cookies Secure when DASHBOARD_URL is https', async () => {
    expect(setCookie('sla_session', 'v', { path: '/dashboard', maxAge: 60, secure: true })).toBe(
      'sla_session=v; Path=/dashboard; Max-Age=60; HttpOnly; SameSite=Lax; Secure',
    );
    const d = await withSignIn();
    expect(d.settings?.secure).toBe(false);
  });

  it('refuses a session cookie that was tampered with: 401, and the cookie is removed', async () => {
    const d = await withSignIn();
    const b = new TestBrowser();
    await signInAs(b, `${d.base}/dashboard`, 'bram@example.com');
    const jar = b.cookies(d.base);
    const session = jar.get('sla_session') ?? '';
    const [body = '', mac = ''] = session.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    // Bram makes himself Anna (a manager) and keeps the signature.
    const forged = Buffer.from(JSON.stringify({ ...claims, email: 'anna@example.com' })).toString(
      'base64url',
    );
    jar.set('sla_session', `${forged}.${mac}`);
    const res = await b.request(`${d.base}/dashboard?${MARCH}`);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Please sign in again');
    expect(setCookieLine(res, 'sla_session')).toMatch(/Max-Age=0/);
    expect((await b.request(`${d.base}/dashboard/data.json`)).status).toBe(401);
  });

  it('sends an expired session back to sign in (12 hours), keeping where the person was going', async () => {
    const d = await withSignIn();
    const b = new TestBrowser();
    await signInAs(b, `${d.base}/dashboard`, 'bram@example.com');
    d.clock.advance(12 * HOUR - 1);
    expect((await b.request(`${d.base}/dashboard?${MARCH}`)).status).toBe(200);
    d.clock.advance(1);
    const res = await b.request(`${d.base}/dashboard?${MARCH}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(
      `/dashboard/sign-in?next=${encodeURIComponent(`/dashboard?${MARCH}`)}`,
    );
    expect(setCookieLine(res, 'sla_session')).toMatch(/Max-Age=0/);
    const json = await b.request(`${d.base}/dashboard/data.json`);
    expect(json.status).toBe(401);
  });

  it('refuses an answer from Slack whose state is not the one of this browser (400), and one without the cookie', async () => {
    const d = await withSignIn();
    const b = new TestBrowser();
    await b.request(`${d.base}/dashboard/sign-in`);
    const wrong = await b.request(`${d.base}/dashboard/auth/callback?code=whatever&state=forged-state-value`);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('state mismatch');
    expect(setCookieLine(wrong, 'sla_session')).toBeNull();

    // Login CSRF: an attacker's own, unused callback link opened in the victim's browser.
    const attacker = await authorizeAs(new TestBrowser(), `${d.base}/dashboard`, 'zed@example.com');
    const victim = new TestBrowser();
    const res = await victim.request(attacker.callback);
    expect(res.status).toBe(400);
    expect(victim.cookies(d.base).has('sla_session')).toBe(false);
  });

  it('refuses a code used a second time (Slack answers invalid_code) and a code older than 10 minutes', async () => {
    const d = await withSignIn();
    const b = new TestBrowser();
    const first = await signInAs(b, `${d.base}/dashboard`, 'anna@example.com');
    expect(first.res.status).toBe(200);

    // The callback replayed with the sign-in cookie it came with: Slack refuses the used code.
    const replay = new TestBrowser();
    const started = await replay.request(`${d.base}/dashboard/sign-in`);
    const authorize = new URL(started.headers.get('location') ?? '');
    const { fields, people } = authorizeForm(await (await replay.request(authorize.toString())).text());
    const chosen = await replay.request(`${authorize.origin}${authorize.pathname}`, {
      method: 'POST',
      body: new URLSearchParams({ ...fields, user: people.get('bram@example.com') ?? '' }).toString(),
    });
    const callback = chosen.headers.get('location') ?? '';
    const pending = replay.cookies(d.base).get('sla_sign_in') ?? '';
    expect((await replay.request(callback)).status).toBe(302);
    replay.cookies(d.base).clear();
    replay.cookies(d.base).set('sla_sign_in', pending);
    const again = await replay.request(callback);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('invalid_code');
    expect(replay.cookies(d.base).has('sla_session')).toBe(false);

    // A code held for more than 10 minutes.
    const late = new TestBrowser();
    const s2 = await late.request(`${d.base}/dashboard/sign-in`);
    const a2 = new URL(s2.headers.get('location') ?? '');
    const f2 = authorizeForm(await (await late.request(a2.toString())).text());
    const c2 = await late.request(`${a2.origin}${a2.pathname}`, {
      method: 'POST',
      body: new URLSearchParams({ ...f2.fields, user: f2.people.get('bram@example.com') ?? '' }).toString(),
    });
    d.clock.advance(10 * MINUTE);
    const expired = await late.request(c2.headers.get('location') ?? '');
    expect(expired.status).toBe(400);
    expect(late.cookies(d.base).has('sla_session')).toBe(false);
  });

  it('says so when the person cancels at Slack', async () => {
    const d = await withSignIn();
    const b = new TestBrowser();
    const s = await b.request(`${d.base}/dashboard/sign-in`);
    const a = new URL(s.headers.get('location') ?? '');
    const { fields } = authorizeForm(await (await b.request(a.toString())).text());
    const cancelled = await b.request(`${a.origin}${a.pathname}`, {
      method: 'POST',
      body: new URLSearchParams({ ...fields, decision: 'deny' }).toString(),
    });
    const res = await b.request(cancelled.headers.get('location') ?? '');
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Slack did not sign you in (access_denied)');
  });

  it('answers someone the SLA file does not know with 403 and a page that says why', async () => {
    const d = await withSignIn();
    const b = new TestBrowser();
    const landed = await signInAs(b, `${d.base}/dashboard`, 'zed@example.com');
    expect(landed.res.status).toBe(403);
    const text = await landed.res.text();
    expect(text).toContain('No access to the dashboard');
    expect(text).toContain('<strong>zed@example.com</strong>');
    expect(text).toContain('Ask an sla-bot admin to add you to the SLA file');
    expect((await b.request(`${d.base}/dashboard/data.json`)).status).toBe(403);
  });

  it('signs out: the session cookie is removed and the dashboard asks to sign in again', async () => {
    const d = await withSignIn();
    const b = new TestBrowser();
    await signInAs(b, `${d.base}/dashboard`, 'anna@example.com');
    const out = await b.request(`${d.base}/dashboard/sign-out`, { method: 'POST', body: '' });
    expect(out.status).toBe(200);
    expect(await out.text()).toContain('You are signed out');
    expect(b.cookies(d.base).has('sla_session')).toBe(false);
    expect((await b.request(`${d.base}/dashboard`)).status).toBe(302);
    const foreign = await b.request(`${d.base}/dashboard/sign-out`, {
      method: 'POST',
      body: '',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(foreign.status).toBe(403);
  });

  it('logs the sign-in, never a secret, token, code or cookie of it', async () => {
    const d = await start({ signIn: { people: PEOPLE }, logLevel: 'debug' });
    const b = new TestBrowser();
    const { callback } = await authorizeAs(b, `${d.base}/dashboard`, 'anna@example.com');
    await b.follow(callback);
    await b.request(callback); // replayed: refused, and logged as such
    const logs = d.logs();
    expect(logs).toContain('"msg":"signed in with slack"');
    expect(logs).toContain('"msg":"sign in with slack failed"');
    const code = new URL(callback).searchParams.get('code') ?? '';
    for (const secret of [
      d.settings?.clientSecret ?? '',
      code,
      'xoxp-sandbox',
      b.cookies(d.base).get('sla_session') ?? '',
    ])
      expect(secret === '' || logs.includes(secret)).toBe(false);
  });

  it('returns only to dashboard paths after signing in', async () => {
    const d = await withSignIn();
    for (const next of [
      '//evil.example/x',
      'https://evil.example/',
      '/metrics',
      '/dashboardx',
      '/\\evil.example',
    ]) {
      const b = new TestBrowser();
      const landed = await signInAs(
        b,
        `${d.base}/dashboard/sign-in?next=${encodeURIComponent(next)}`,
        'anna@example.com',
      );
      expect({ next, at: new URL(landed.url).pathname }).toEqual({ next, at: '/dashboard' });
    }
  });

  it('signs sessions with SESSION_SECRET: the same secret accepts them (restarts, HA), another does not', async () => {
    const one = await start({ signIn: { people: PEOPLE, sessionSecret: 'a'.repeat(32) } });
    const b = new TestBrowser();
    await signInAs(b, `${one.base}/dashboard`, 'anna@example.com');
    const session = b.cookies(one.base).get('sla_session') ?? '';
    expect(openSession(sessionKey('a'.repeat(32)), session, one.clock.now()).ok).toBe(true);
    expect(openSession(sessionKey('b'.repeat(32)), session, one.clock.now())).toEqual({
      ok: false,
      why: 'bad-signature',
    });
  });
});
