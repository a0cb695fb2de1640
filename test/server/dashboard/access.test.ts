import { describe, expect, it } from 'vitest';
import { checkAccess } from '../../../src/server/dashboard/access.ts';
import { MARCH, startsDashboards } from './harness.ts';

const start = startsDashboards();

describe('dashboard access', () => {
  it('requires the token when DASHBOARD_TOKEN is set: Bearer or ?token=, carried in links', async () => {
    const d = await start({ token: 's3cret-token' });
    expect((await fetch(`${d.base}/dashboard`)).status).toBe(401);
    expect((await fetch(`${d.base}/dashboard?token=wrong`)).status).toBe(401);
    const bearer = await fetch(`${d.base}/dashboard?${MARCH}`, {
      headers: { authorization: 'Bearer s3cret-token' },
    });
    expect(bearer.status).toBe(200);
    expect(await bearer.text()).not.toContain('s3cret-token');
    const viaUrl = await (await fetch(`${d.base}/dashboard?${MARCH}&token=s3cret-token`)).text();
    expect(viaUrl).toContain('token=s3cret-token&amp;figure=');
    expect((await fetch(`${d.base}/dashboard/data.json?token=s3cret-token`)).status).toBe(200);
  });

  const url = (q = '') => new URL(`http://sla.example.com/dashboard${q}`);

  it('answers only loopback clients when no token is configured', () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1'])
      expect(checkAccess({ remoteAddress, authorization: undefined }, url(), null).ok).toBe(true);
    const outside = checkAccess(
      { remoteAddress: '10.1.2.3', authorization: 'Bearer x' },
      url('?token=x'),
      null,
    );
    expect(outside).toMatchObject({ ok: false, status: 403 });
  });

  it('serves any host that presents the token once one is configured, and none without it', () => {
    const from = (authorization: string | undefined, q = '') =>
      checkAccess({ remoteAddress: '10.1.2.3', authorization }, url(q), 'tok');
    expect(from('Bearer tok')).toEqual({ ok: true, tokenInUrl: null });
    expect(from('bearer  tok')).toEqual({ ok: true, tokenInUrl: null });
    expect(from(undefined, '?token=tok')).toEqual({ ok: true, tokenInUrl: 'tok' });
    expect(from('Bearer tok2')).toMatchObject({ ok: false, status: 401 });
    expect(from(undefined)).toMatchObject({ ok: false, status: 401 });
    expect(checkAccess({ remoteAddress: '127.0.0.1', authorization: undefined }, url(), 'tok').ok).toBe(
      false,
    );
  });
});
