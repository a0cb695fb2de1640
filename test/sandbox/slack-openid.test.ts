import { createHash, createPublicKey, type JsonWebKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_TTL } from '../../src/sandbox/slack/openid/openid-provider.ts';
import { rejection, slack, slackClient } from './helpers.ts';

const APP = { clientId: '2141029472.691202649728', clientSecret: 'e1b9e11dfcd19c1982d5de12921e17e8c' };
const REDIRECT = 'https://sla.example.com/dashboard/auth/callback';

async function workspace() {
  const sandbox = await slack({ rateLimits: false });
  const anna = sandbox.state.addUser({ email: 'anna@example.com', realName: 'Anna de Boer' });
  sandbox.state.registerOpenIdClient({ ...APP, redirectUris: [REDIRECT] });
  const authorizeUrl = new URL('../openid/connect/authorize', sandbox.url).toString();
  const params = (over: Record<string, string | null> = {}) => {
    const p: Record<string, string> = {};
    const all = {
      response_type: 'code',
      scope: 'openid email profile',
      client_id: APP.clientId,
      state: 's'.repeat(43),
      nonce: 'n'.repeat(43),
      redirect_uri: REDIRECT,
      ...over,
    };
    for (const [k, v] of Object.entries(all)) if (v !== null) p[k] = v;
    return new URLSearchParams(p);
  };
  /** The page a browser is sent to. */
  const page = (over: Record<string, string | null> = {}) =>
    fetch(`${authorizeUrl}?${params(over)}`, { redirect: 'manual' });
  /** Picks Anna on the page (or cancels): where Slack sends the browser back to. */
  const choose = async (
    over: Record<string, string | null> = {},
    pick: Record<string, string> = { user: anna.id },
  ) => {
    const res = await fetch(authorizeUrl, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...Object.fromEntries(params(over)), ...pick }).toString(),
    });
    return { status: res.status, back: new URL(res.headers.get('location') ?? 'http://none/') };
  };
  const code = async (over: Record<string, string | null> = {}) =>
    (await choose(over)).back.searchParams.get('code') ?? '';
  const web = slackClient(sandbox.url, {}, 'xoxb-sandbox');
  const exchange = (c: string, over: Record<string, string> = {}) =>
    web.openid.connect.token({
      client_id: APP.clientId,
      client_secret: APP.clientSecret,
      code: c,
      redirect_uri: REDIRECT,
      grant_type: 'authorization_code',
      ...over,
    });
  return { sandbox, anna, authorizeUrl, page, choose, code, web, exchange };
}

const decode = (part: string | undefined) =>
  JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

describe('Sign in with Slack in the Slack sandbox (OpenID Connect, through @slack/web-api)', () => {
  it('shows who may sign in, then sends the browser back with a code and the state', async () => {
    const w = await workspace();
    const res = await w.page();
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`name="user" value="${w.anna.id}" data-email="anna@example.com"`);
    const { status, back } = await w.choose();
    expect(status).toBe(302);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('s'.repeat(43));
    expect(back.searchParams.get('code')).toMatch(/^\d+\.[0-9a-f]{48}$/);
    const cancelled = await w.choose({}, { decision: 'deny' });
    expect(Object.fromEntries(cancelled.back.searchParams)).toEqual({
      error: 'access_denied',
      state: 's'.repeat(43),
    });
  });

  it('takes only a Redirect URL of the app, exactly, and only known apps and the OpenID scopes', async () => {
    const w = await workspace();
    for (const uri of [
      `${REDIRECT}/`,
      'https://sla.example.com/other',
      'http://sla.example.com/dashboard/auth/callback',
      'https://evil.example/cb',
    ]) {
      const res = await w.page({ redirect_uri: uri });
      expect({ uri, status: res.status }).toEqual({ uri, status: 400 });
      expect(await res.text()).toContain(
        `redirect_uri did not match any configured URIs. Passed URI: ${uri}`,
      );
    }
    expect((await w.page({ client_id: '1.2' })).status).toBe(400);
    const noOpenId = await w.page({ scope: 'email profile' });
    expect(noOpenId.status).toBe(302);
    expect(new URL(noOpenId.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_scope');
  });

  it('exchanges a code for an access token and an RS256 id_token that the published key verifies', async () => {
    const w = await workspace();
    const answer = await w.exchange(await w.code());
    expect(answer).toMatchObject({ ok: true, token_type: 'Bearer' });
    const [head, body, signature] = (answer.id_token ?? '').split('.');
    const header = decode(head);
    const claims = decode(body);
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(claims).toMatchObject({
      iss: 'https://slack.com',
      sub: w.anna.id,
      aud: APP.clientId,
      nonce: 'n'.repeat(43),
      email: 'anna@example.com',
      email_verified: true,
      'https://slack.com/team_id': w.sandbox.state.team.id,
      'https://slack.com/user_id': w.anna.id,
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(300);
    const accessHash = createHash('sha256')
      .update(answer.access_token ?? '')
      .digest()
      .subarray(0, 16)
      .toString('base64url');
    expect(claims.at_hash).toBe(accessHash);
    const keys = (await (await fetch(new URL('../openid/connect/keys', w.sandbox.url))).json()) as {
      keys: (JsonWebKey & { kid: string })[];
    };
    const jwk = keys.keys.find((k) => k.kid === header.kid);
    expect(jwk).toBeDefined();
    const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
    expect(
      verify('sha256', Buffer.from(`${head}.${body}`), key, Buffer.from(signature ?? '', 'base64url')),
    ).toBe(true);
    expect(
      verify('sha256', Buffer.from(`${head}.${body}x`), key, Buffer.from(signature ?? '', 'base64url')),
    ).toBe(false);
  });

  it('takes a code once: a second exchange is invalid_code and revokes the token of the first', async () => {
    const w = await workspace();
    const c = await w.code();
    const first = await w.exchange(c);
    expect((await w.web.openid.connect.userInfo({ token: first.access_token ?? '' })).ok).toBe(true);
    expect(await rejection(w.exchange(c))).toMatchObject({ data: { ok: false, error: 'invalid_code' } });
    expect(await rejection(w.web.openid.connect.userInfo({ token: first.access_token ?? '' }))).toMatchObject(
      {
        data: { error: 'token_revoked' },
      },
    );
  });

  it('takes a code for 10 minutes, not a moment more', async () => {
    const w = await workspace();
    const c1 = await w.code();
    w.sandbox.clock.advance(CODE_TTL - 1);
    expect((await w.exchange(c1)).ok).toBe(true);
    const c2 = await w.code();
    w.sandbox.clock.advance(CODE_TTL);
    expect(await rejection(w.exchange(c2))).toMatchObject({ data: { error: 'invalid_code' } });
  });

  it('checks the client id and secret, the grant type and that redirect_uri is the one authorized', async () => {
    const w = await workspace();
    expect(await rejection(w.exchange(await w.code(), { client_secret: 'wrong' }))).toMatchObject({
      data: { error: 'bad_client_secret' },
    });
    expect(await rejection(w.exchange(await w.code(), { client_id: '1.2' }))).toMatchObject({
      data: { error: 'invalid_client_id' },
    });
    expect(await rejection(w.exchange(await w.code(), { grant_type: 'password' }))).toMatchObject({
      data: { error: 'invalid_grant_type' },
    });
    expect(await rejection(w.exchange(await w.code(), { redirect_uri: `${REDIRECT}?x=1` }))).toMatchObject({
      data: { error: 'bad_redirect_uri' },
    });
    expect(await rejection(w.exchange('123.abc'))).toMatchObject({ data: { error: 'invalid_code' } });
  });

  it('answers openid.connect.userInfo for the access token only, with the claims of the scopes granted', async () => {
    const w = await workspace();
    const full = await w.exchange(await w.code());
    expect(await w.web.openid.connect.userInfo({ token: full.access_token ?? '' })).toMatchObject({
      ok: true,
      sub: w.anna.id,
      email: 'anna@example.com',
      email_verified: true,
      name: 'Anna de Boer',
      'https://slack.com/team_id': w.sandbox.state.team.id,
    });
    const bare = await w.exchange(await w.code({ scope: 'openid' }));
    const info = await w.web.openid.connect.userInfo({ token: bare.access_token ?? '' });
    expect(info.sub).toBe(w.anna.id);
    expect(info.email).toBeUndefined();
    expect(await rejection(w.web.openid.connect.userInfo({ token: 'xoxp-made-up' }))).toMatchObject({
      data: { error: 'invalid_auth' },
    });
    expect(await rejection(w.web.openid.connect.userInfo())).toMatchObject({
      data: { error: 'invalid_auth' },
    });
  });
});
