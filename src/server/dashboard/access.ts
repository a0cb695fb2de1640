import { timingSafeEqual } from 'node:crypto';

export type Access =
  | {
      readonly ok: true /** The token came as `?token=` and must be carried in links. */;
      readonly tokenInUrl: string | null;
    }
  | { readonly ok: false; readonly status: 401 | 403; readonly error: string };

/** What access depends on: who is asking (socket address) and what they presented. */
export interface AccessRequest {
  readonly remoteAddress: string | undefined;
  readonly authorization: string | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Without DASHBOARD_TOKEN the dashboard answers loopback clients only (whatever HOST it is bound
 * to). With one, every request must carry it: `Authorization: Bearer …` or `?token=…`.
 */
export function checkAccess(req: AccessRequest, url: URL, token: string | null): Access {
  if (token === null) {
    return LOOPBACK.has(req.remoteAddress ?? '')
      ? { ok: true, tokenInUrl: null }
      : {
          ok: false,
          status: 403,
          error: 'the dashboard is local-only: set DASHBOARD_TOKEN to open it to the network',
        };
  }
  const header = req.authorization ?? '';
  const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
  if (bearer !== undefined && same(bearer, token)) return { ok: true, tokenInUrl: null };
  const query = url.searchParams.get('token');
  if (query !== null && same(query, token)) return { ok: true, tokenInUrl: query };
  return {
    ok: false,
    status: 401,
    error: 'a dashboard token is required (Authorization: Bearer … or ?token=…)',
  };
}
