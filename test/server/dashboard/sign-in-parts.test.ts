import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readCookie } from '../../../src/server/dashboard/auth/cookies.ts';
import { checkIdToken } from '../../../src/server/dashboard/auth/id-token.ts';
import { safeNext } from '../../../src/server/dashboard/auth/session.ts';
import { sessionKey } from '../../../src/server/dashboard/auth/sign-in-settings.ts';
import { seal, unseal } from '../../../src/server/dashboard/auth/signed-value.ts';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.c2ln`;
const NOW = Date.UTC(2026, 3, 15, 12);
const good = {
  iss: 'https://slack.com',
  sub: 'U0R7MFMJM',
  aud: '25259531569.11152291',
  exp: NOW / 1000 + 300,
  iat: NOW / 1000,
  nonce: 'n'.repeat(43),
};
const expect_ = { clientId: '25259531569.11152291', nonce: 'n'.repeat(43), now: NOW };

describe('the id_token of openid.connect.token', () => {
  it.each([
    ['a good one', good, { ok: true, sub: 'U0R7MFMJM' }],
    [
      'another issuer',
      { ...good, iss: 'https://evil.example' },
      { ok: false, why: 'the id_token was issued by https://evil.example' },
    ],
    ['another app', { ...good, aud: '1.2' }, { ok: false, why: 'the id_token is for another app' }],
    ['our app among audiences', { ...good, aud: ['1.2', expect_.clientId] }, { ok: true, sub: 'U0R7MFMJM' }],
    ['expired', { ...good, exp: NOW / 1000 }, { ok: false, why: 'the id_token has expired' }],
    [
      'another nonce',
      { ...good, nonce: 'm'.repeat(43) },
      { ok: false, why: 'the id_token nonce does not match this sign-in' },
    ],
    [
      'no nonce',
      { ...good, nonce: undefined },
      { ok: false, why: 'the id_token nonce does not match this sign-in' },
    ],
    ['no sub', { ...good, sub: undefined }, { ok: false, why: 'the id_token lacks iss, sub, aud or exp' }],
  ])('%s', (_name, claims, result) => {
    expect(checkIdToken(jwt(claims), expect_)).toEqual(result);
  });

  it('is not fooled by something that is not a JWT', () => {
    expect(checkIdToken('opaque', expect_).ok).toBe(false);
    expect(checkIdToken('a.!!!.c', expect_).ok).toBe(false);
  });
});

describe('signed cookie values', () => {
  const key = sessionKey('k'.repeat(32));
  const Shape = z.object({ who: z.string(), exp: z.number() });

  it('opens what it sealed until it expires, and nothing changed, re-purposed or signed with another key', () => {
    const token = seal(key, 'session', { who: 'anna', exp: NOW + 1000 });
    expect(unseal(key, 'session', token, Shape, NOW)).toEqual({
      ok: true,
      value: { who: 'anna', exp: NOW + 1000 },
    });
    expect(unseal(key, 'session', token, Shape, NOW + 1000)).toEqual({ ok: false, why: 'expired' });
    expect(unseal(key, 'sign-in', token, Shape, NOW)).toEqual({ ok: false, why: 'bad-signature' });
    expect(unseal(sessionKey('x'.repeat(32)), 'session', token, Shape, NOW)).toEqual({
      ok: false,
      why: 'bad-signature',
    });
    const [, mac] = token.split('.');
    expect(unseal(key, 'session', `${b64({ who: 'olga', exp: NOW + 1000 })}.${mac}`, Shape, NOW)).toEqual({
      ok: false,
      why: 'bad-signature',
    });
    expect(unseal(key, 'session', 'garbage', Shape, NOW)).toEqual({ ok: false, why: 'malformed' });
    expect(unseal(key, 'session', `${token}.x`, Shape, NOW)).toEqual({ ok: false, why: 'malformed' });
  });

  it('reads one cookie from a Cookie header', () => {
    expect(readCookie('a=1; sla_session=x.y; b=2', 'sla_session')).toBe('x.y');
    expect(readCookie('xsla_session=1', 'sla_session')).toBeNull();
    expect(readCookie(undefined, 'sla_session')).toBeNull();
  });

  it('returns after sign-in only to dashboard paths', () => {
    expect(safeNext('/dashboard/leads?figure=a%2Fb')).toBe('/dashboard/leads?figure=a%2Fb');
    expect(safeNext('/dashboard?team=x')).toBe('/dashboard?team=x');
    for (const bad of [
      null,
      '//evil.example',
      'https://evil.example/dashboard',
      '/dashboardx',
      '/metrics',
      '/dashboard\\@evil',
      '/dashboard?x=1\r\nSet-Cookie: a=b',
    ])
      expect(safeNext(bad)).toBe('/dashboard');
  });
});
