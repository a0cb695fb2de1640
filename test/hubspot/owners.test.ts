import { describe, expect, it } from 'vitest';
import archived from '../fixtures/hubspot/owners-archived.json' with { type: 'json' };
import page1 from '../fixtures/hubspot/owners-page-1.json' with { type: 'json' };
import page2 from '../fixtures/hubspot/owners-page-2.json' with { type: 'json' };
import { useStrictHttp } from '../support/http-mock.ts';
import { BASE, harness } from './harness.ts';

/** The SDK calls `/crm/v3/owners/` with a trailing slash. */
const OWNERS = '/crm/v3/owners/';

describe('owners', () => {
  const http = useStrictHttp();

  const serveAll = () =>
    http
      .scope(BASE)
      .get(OWNERS)
      .query({ limit: '100', archived: 'false' })
      .reply(200, page1)
      .get(OWNERS)
      .query({ after: 'MTAw', limit: '100', archived: 'false' })
      .reply(200, page2)
      .get(OWNERS)
      .query({ limit: '100', archived: 'true' })
      .reply(200, archived);

  it('pages through active and archived owners and marks deactivated ones inactive', async () => {
    const h = harness();
    serveAll();
    const owners = await h.source.owners();
    expect(owners).toEqual([
      {
        id: '6166860',
        email: 'bram@example.com',
        firstName: 'Bram',
        lastName: 'de Vries',
        userId: '1296619',
        active: true,
      },
      // The user behind this owner was deactivated: only userIdIncludingInactive remains.
      {
        id: '6166861',
        email: 'chris@example.com',
        firstName: 'Chris',
        lastName: null,
        userId: '1296620',
        active: false,
      },
      {
        id: '6166862',
        email: 'queue@example.com',
        firstName: 'Inbound',
        lastName: 'Queue',
        userId: null,
        active: true,
      },
      {
        id: '5000001',
        email: 'left@example.com',
        firstName: 'Former',
        lastName: 'Rep',
        userId: '900001',
        active: false,
      },
    ]);
    expect(h.log.lines().filter((l) => l.msg === 'hubspot owner record rejected')).toHaveLength(1);
  });

  it('serves owners from the cache until it is fifteen minutes old', async () => {
    const h = harness();
    serveAll();
    const first = await h.source.owners();
    h.clock.advance(14 * 60_000);
    expect(await h.source.owners()).toBe(first);
    expect(h.source.requestCount).toBe(3);
    h.clock.advance(2 * 60_000);
    serveAll();
    await h.source.owners();
    expect(h.source.requestCount).toBe(6);
  });

  it('shares one fetch between concurrent callers', async () => {
    const h = harness();
    serveAll();
    const [a, b] = await Promise.all([h.source.owners(), h.source.owners()]);
    expect(a).toBe(b);
    expect(h.source.requestCount).toBe(3);
  });
});
