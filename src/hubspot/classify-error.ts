import { z } from 'zod';
import type { Millis } from '../domain/time.ts';
import {
  HubSpotAuthError,
  HubSpotError,
  HubSpotMalformedResponseError,
  HubSpotNetworkError,
  HubSpotRateLimitError,
  HubSpotRequestError,
  HubSpotScopeError,
  HubSpotServerError,
} from './errors.ts';

/** What the SDK throws for a non-2xx answer (`ApiException`), and what `requestJson` throws alike. */
export interface HttpFailure {
  readonly code: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

/** Thrown by our own `apiRequest` calls, shaped like the SDK's `ApiException`. */
export class HttpStatusError extends Error implements HttpFailure {
  override readonly name = 'HttpStatusError';
  readonly code: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
  constructor(code: number, body: unknown, headers: Readonly<Record<string, string>>) {
    super(`HTTP ${code}`);
    this.code = code;
    this.body = body;
    this.headers = headers;
  }
}

export const isHttpFailure = (e: unknown): e is HttpFailure =>
  typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'number' && 'body' in e;

/** The parts of HubSpot error bodies we read (the 429 body is not the documented `Error` schema). */
const ErrorBody = z
  .object({
    message: z.string().optional(),
    category: z.string().optional(),
    policyName: z.string().optional(),
    errors: z
      .array(
        z
          .object({
            context: z
              .object({
                requiredGranularScopes: z.array(z.string()).optional(),
                requiredScopes: z.array(z.string()).optional(),
              })
              .loose()
              .optional(),
          })
          .loose(),
      )
      .optional(),
  })
  .loose();

const SECONDLY_MESSAGE = /secondly limit/i;
const TEN_SECONDS: Millis = 10_000;

/** Maps anything an SDK call threw to a typed error; programming errors are returned unchanged. */
export function classifyError(error: unknown, operation: string, scope: string): HubSpotError | Error {
  if (error instanceof HubSpotError) return error;
  if (isHttpFailure(error)) return classifyStatus(error, operation, scope);
  if (
    error instanceof SyntaxError ||
    (error instanceof Error && /Cannot parse content/.test(error.message))
  ) {
    return new HubSpotMalformedResponseError(operation, error.message, error);
  }
  if (isNetworkFailure(error)) return new HubSpotNetworkError(operation, error);
  return error instanceof Error ? error : new Error(String(error));
}

const NODE_NETWORK_CODES =
  /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)$/;

/** undici's `fetch failed` (the socket error is its cause), or a Node socket error itself. */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof TypeError && error.message === 'fetch failed') return true;
  return (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    NODE_NETWORK_CODES.test(error.code)
  );
}

function classifyStatus(failure: HttpFailure, operation: string, scope: string): HubSpotError {
  const parsed = ErrorBody.safeParse(failure.body);
  const body = parsed.success ? parsed.data : {};
  const detail =
    body.message ?? (typeof failure.body === 'string' ? failure.body.slice(0, 200) : 'no details');
  const status = failure.code;
  if (status === 429) {
    const policy = body.policyName ?? (SECONDLY_MESSAGE.test(detail) ? 'SECONDLY' : 'TEN_SECONDLY_ROLLING');
    // DAILY is turned into HubSpotDailyLimitError by the gateway, which knows the clock and zone.
    return new HubSpotRateLimitError(operation, policy, retryAfter(failure.headers, policy));
  }
  if (status === 401) return new HubSpotAuthError(operation);
  if (status === 403 && (body.category === 'MISSING_SCOPES' || /scope/i.test(detail))) {
    const named = (body.errors ?? []).flatMap((e) => [
      ...(e.context?.requiredGranularScopes ?? []),
      ...(e.context?.requiredScopes ?? []),
    ]);
    return new HubSpotScopeError(operation, named.length > 0 ? [...new Set(named)] : [scope]);
  }
  if (status >= 500 || status === 408) return new HubSpotServerError(operation, status, detail);
  return new HubSpotRequestError(operation, status, body.category ?? null, detail);
}

const header = (headers: Readonly<Record<string, string>>, name: string): string | undefined => {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
};

/** `Retry-After` when HubSpot sends it (undocumented), else the window of the limit that was hit. */
function retryAfter(headers: Readonly<Record<string, string>>, policy: string): Millis {
  const seconds = Number(header(headers, 'retry-after'));
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  if (policy === 'SECONDLY') return 1000;
  const interval = Number(header(headers, 'x-hubspot-ratelimit-interval-milliseconds'));
  return Number.isFinite(interval) && interval > 0 ? interval : TEN_SECONDS;
}
