import type { Params, Route } from './routes/route.ts';

/** Parameters that name a kind of resource; they stay in the stats key (ids do not). */
const KEY_PARAMS = new Set(['type', 'from', 'to']);

export interface RouteMatch {
  readonly route: Route;
  readonly params: Params;
  /** Stats key, e.g. `POST /crm/v3/objects/contacts/search` or `GET /crm/v3/objects/contacts/{id}`. */
  readonly endpoint: string;
}

/** `/crm/v3/owners/` and `/crm/v3/owners` are the same route (the SDK sends the trailing slash). */
export const normalizePath = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, '') : path);

export function matchRoute(routes: readonly Route[], method: string, rawPath: string): RouteMatch | null {
  const segments = normalizePath(rawPath).split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const template = route.path.split('/');
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const key: string[] = [];
    let ok = true;
    for (const [i, part] of template.entries()) {
      const actual = segments[i] ?? '';
      if (part.startsWith(':')) {
        const name = part.slice(1);
        params[name] = decodeURIComponent(actual);
        key.push(KEY_PARAMS.has(name) ? actual : `{${name}}`);
      } else if (part === actual) key.push(part);
      else {
        ok = false;
        break;
      }
    }
    if (ok) return { route, params, endpoint: `${method} ${key.join('/')}` };
  }
  return null;
}
