import { HttpStatusError } from './classify-error.ts';

/** `fetch` as the adapter uses it (injected in tests; the platform's by default). */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export interface JsonGetOptions {
  readonly accessToken: string;
  /** `HUBSPOT_BASE_URL`; a path prefix (proxy) is kept. */
  readonly basePath: string;
  readonly fetch?: Fetch;
  /** Sees each answer's status and headers (the rate-limit headers feed the request budget). */
  readonly onResponse?: (status: number, headers: Readonly<Record<string, string>>) => void;
}

/**
 * A GET of a JSON endpoint; non-2xx answers throw `HttpStatusError` (the SDK's error shape). `signal`
 * aborts the request (the gateway's time limit).
 */
export type JsonGet = (path: string, signal?: AbortSignal) => Promise<unknown>;

/**
 * GET for the endpoints the SDK has no method for (`/calling/v1/dispositions`, account details).
 * Built here with every option explicit, not through the SDK's `apiRequest`: that one applies the
 * decorators of whichever `Client` was constructed last in the process (its limiter, its retries),
 * so another client elsewhere would throttle or retry our calls behind the gateway's back.
 */
export function createJsonGet(options: JsonGetOptions): JsonGet {
  const root = options.basePath.replace(/\/+$/, '');
  const send = options.fetch ?? ((url, init) => fetch(url, init));
  return async (path, signal) => {
    const response = await send(`${root}${path}`, {
      method: 'GET',
      headers: { Authorization: `Bearer ${options.accessToken}`, Accept: 'application/json' },
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
}
