/**
 * The strict HTTP mock: the only file that imports `nock` directly.
 *
 * - Net connect is disabled (loopback allowed, for the project's own sandbox servers).
 * - A request that matches no interceptor fails the test (nock answers it with an error, and we
 *   also record it so the test fails even when the code under test swallows the error).
 * - An interceptor that was never used fails the test in `afterEach`.
 *
 * Usage:
 *   const http = useStrictHttp();            // at describe level: installs hooks
 *   http.scope('https://api.hubapi.com').get('/crm/v3/owners/').reply(200, {...});
 *
 * Requests to HubSpot origins are also checked against HubSpot's OpenAPI request shapes.
 */
import nock from 'nock';
import { afterEach, beforeEach, expect } from 'vitest';
import { HUBSPOT_TEST_ORIGINS, recordSpecCheck } from './hubspot-spec-violations.ts';

export type Scope = nock.Scope;

export interface StrictHttp {
  scope(basePath: string, options?: nock.Options): nock.Scope;
  /** Requests that reached no interceptor in this test (normally empty; asserted after each test). */
  readonly unmatched: string[];
}

export function useStrictHttp(): StrictHttp {
  const unmatched: string[] = [];
  const onNoMatch = (req: { method?: string; path?: string; host?: string; hostname?: string }) => {
    unmatched.push(`${req.method ?? '?'} ${req.hostname ?? req.host ?? ''}${req.path ?? ''}`);
  };

  beforeEach(() => {
    unmatched.length = 0;
    nock.cleanAll();
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
    nock.emitter.on('no match', onNoMatch);
  });

  afterEach(() => {
    nock.emitter.removeListener('no match', onNoMatch);
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    expect(unmatched, 'requests that matched no HTTP mock').toEqual([]);
    expect(pending, 'HTTP mocks that were never called').toEqual([]);
  });

  return {
    scope: (basePath, options) => specChecked(basePath, nock(basePath, options)),
    unmatched,
  };
}

/**
 * On a HubSpot origin, every request the scope answers is checked against HubSpot's OpenAPI request
 * shapes; a violation is recorded and fails the test (`setup.ts`).
 */
function specChecked(basePath: string, scope: nock.Scope): nock.Scope {
  const base = new URL(basePath);
  if (!HUBSPOT_TEST_ORIGINS.includes(base.origin)) return scope;
  const prefix = base.pathname.replace(/\/+$/, '');
  scope.on('request', (req: Request, _interceptor: unknown, body: string | undefined) => {
    const url = new URL(req.url);
    recordSpecCheck({
      method: req.method,
      path: url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) || '/' : url.pathname,
      query: url.searchParams,
      contentType: req.headers.get('content-type') ?? undefined,
      body: body ?? '',
    });
  });
  return scope;
}
