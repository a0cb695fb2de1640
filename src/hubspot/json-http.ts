import { HttpStatusError } from './classify-error.ts';

/** `fetch` as the adapter uses it (injected in tests; the platform's by default). */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface JsonHttpOptions {
  readonly accessToken: string;
  /** `HUBSPOT_BASE_URL`; a path prefix (proxy) is kept. */
  readonly basePath: string;
  readonly fetch?: Fetch;
  /** Sees each answer's status and headers (the rate-limit headers feed the request budget). */
  readonly onResponse?: (status: number, headers: Readonly<Record<string, string>>) => void;
}

/**
 * JSON requests for the endpoints the SDK has no method for. Non-2xx answers throw `HttpStatusError`
 * (the SDK's error shape); `signal` aborts the request (the gateway's time limit).
 */
export interface JsonHttp {
  get(path: string, signal?: AbortSignal): Promise<unknown>;
  /**
   * The token-info endpoints (HA-1, HA-2) take the access token itself, in the path or the body: built
   * here from it, so no caller holds the token.
   */
  getWithToken(path: (token: string) => string, signal?: AbortSignal): Promise<unknown>;
  postWithToken(path: string, body: (token: string) => unknown, signal?: AbortSignal): Promise<unknown>;
}

/**
 * Built here with every option explicit, not through the SDK's `apiRequest`: that one applies the
 * decorators of whichever `Client` was constructed last in the process (its limiter, its retries),
 * so another client elsewhere would throttle or retry our calls behind the gateway's back.
 */
export function createJsonHttp(options: JsonHttpOptions): JsonHttp {
  const root = options.basePath.replace(/\/+$/, '');
  const send = options.fetch ?? ((url, init) => fetch(url, init));
  const request = async (path: string, init: RequestInit, signal: AbortSignal | undefined) => {
    const response = await send(`${root}${path}`, {
      ...init,
      headers: {
        Authorization: `Bearer ${options.accessToken}`,
        Accept: 'application/json',
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(signal ? { signal } : {}),
    });
    options.onResponse?.(response.status, Object.fromEntries(response.headers));
    const raw = await response.text();
    let body: unknown = raw;
    try {
      body = raw === '' ? null : JSON.parse(raw);
    } catch (error) {
      if (response.ok) throw error;
    }
    if (!response.ok) throw new HttpStatusError(response.status, body, Object.fromEntries(response.headers));
    return body;
  };
  return {
    get: (path, signal) => request(path, { method: 'GET' }, signal),
    getWithToken: (path, signal) => request(path(options.accessToken), { method: 'GET' }, signal),
    postWithToken: (path, body, signal) =>
      request(path, { method: 'POST', body: JSON.stringify(body(options.accessToken)) }, signal),
  };
}
