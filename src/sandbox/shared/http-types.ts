import type { IncomingHttpHeaders } from 'node:http';

/** A request as the sandbox routes see it: already read, URL already parsed. */
export interface SandboxRequest {
  readonly method: string;
  /** Path without the query string, e.g. `/crm/v3/owners/`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The raw body (UTF-8). */
  readonly body: string;
}

export interface SandboxResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Serialised as JSON unless `raw` is set. `undefined` = empty body. */
  readonly body?: unknown;
  /** A body sent as is (HTML error pages, malformed JSON). */
  readonly raw?: { readonly contentType: string; readonly text: string };
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SandboxResponse =>
  headers ? { status, body, headers } : { status, body };

/** Reads a query parameter given either repeated (`a=1&a=2`) or comma-separated (`a=1,2`). */
export function queryList(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** Parses a JSON request body; `undefined` when it is not valid JSON. */
export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
