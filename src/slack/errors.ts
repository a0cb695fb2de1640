import { ErrorCode } from '@slack/web-api';
import { type Instant, type Millis, SECOND } from '../domain/time.ts';

/**
 * How a failed Slack call should be handled:
 * - `rate_limited`: wait `retryAfter`, then try again (HTTP 429, or `ratelimited`/`rate_limited` in a 200 body);
 * - `transient`: 5xx, network, timeouts, Slack-side hiccups — retry with backoff;
 * - `unreachable`: this recipient cannot get messages (not in Slack, deactivated, bot not in the channel…)
 *   — never retried; the message goes to the fallback and admins are told;
 * - `permanent`: our request or our token is wrong — retrying or re-routing will not help;
 * - `in_doubt`: a post failed in a way that Slack may have accepted it (timeout, 5xx, `internal_error`):
 *   never posted again blindly — the next attempt first looks for its key in the channel (SD-2, SD-7);
 * - `unconfirmed`: such a post could not be looked for (no history scope, bot not in the channel):
 *   at most once — it is not posted again (SD-8).
 */
export type SlackFailure =
  | { readonly kind: 'rate_limited'; readonly code: string; readonly retryAfter: Millis }
  | { readonly kind: 'transient'; readonly code: string }
  | { readonly kind: 'unreachable'; readonly code: string }
  | { readonly kind: 'permanent'; readonly code: string }
  | { readonly kind: 'in_doubt'; readonly code: string }
  | { readonly kind: 'unconfirmed'; readonly code: string };

/** Recipient problems: route to the fallback and tell admins. */
export const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'users_not_found',
  'user_not_found',
  'user_disabled',
  'user_not_visible',
  'messages_tab_disabled',
  'cannot_dm_bot',
]);

const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
]);

const RATE_LIMIT_CODES: ReadonlySet<string> = new Set(['ratelimited', 'rate_limited']);

/** When Slack says "slow down" without saying for how long. */
export const DEFAULT_RETRY_AFTER: Millis = SECOND;

type Coded = {
  code?: unknown;
  data?: unknown;
  retryAfter?: unknown;
  statusCode?: unknown;
  message?: unknown;
};
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function platformFailure(data: unknown): SlackFailure {
  const error = isObj(data) && typeof data.error === 'string' ? data.error : 'unknown_error';
  if (RATE_LIMIT_CODES.has(error)) {
    const meta = isObj(data) && isObj(data.response_metadata) ? data.response_metadata : {};
    const seconds = typeof meta.retryAfter === 'number' ? meta.retryAfter : null;
    return {
      kind: 'rate_limited',
      code: error,
      retryAfter: seconds === null ? DEFAULT_RETRY_AFTER : seconds * SECOND,
    };
  }
  if (UNREACHABLE_CODES.has(error)) return { kind: 'unreachable', code: error };
  if (TRANSIENT_CODES.has(error)) return { kind: 'transient', code: error };
  return { kind: 'permanent', code: error };
}

/**
 * Classifies anything a `WebClient` call threw. Works on the `code` field rather than `instanceof`,
 * so a second copy of @slack/web-api in node_modules cannot break it.
 */
export function classifySlackError(err: unknown): SlackFailure {
  if (err instanceof SlackCallError) return err.failure;
  const e: Coded = isObj(err) ? err : {};
  switch (e.code) {
    case ErrorCode.PlatformError:
      return platformFailure(e.data);
    case ErrorCode.RateLimitedError: {
      const seconds = typeof e.retryAfter === 'number' ? e.retryAfter : null;
      return {
        kind: 'rate_limited',
        code: 'ratelimited',
        retryAfter: seconds === null ? DEFAULT_RETRY_AFTER : seconds * SECOND,
      };
    }
    case ErrorCode.HTTPError: {
      const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
      if (status >= 500 || status === 408) return { kind: 'transient', code: `http_${status}` };
      return { kind: 'permanent', code: `http_${status}` };
    }
    case ErrorCode.RequestError:
      return { kind: 'transient', code: 'request_error' };
  }
  // A 429 without a usable Retry-After surfaces as a plain Error from the client.
  if (typeof e.message === 'string' && e.message.includes('Retry header did not contain a valid timeout')) {
    return { kind: 'rate_limited', code: 'ratelimited', retryAfter: DEFAULT_RETRY_AFTER };
  }
  return { kind: 'permanent', code: 'unexpected_error' };
}

/**
 * Platform errors after which "it's possible some aspect of the operation succeeded" (Slack's words for
 * `internal_error` and `fatal_error`; `service_unavailable` read the same way, the stricter reading).
 */
const MAYBE_DONE_CODES: ReadonlySet<string> = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
]);

/** Network errors that mean the request never reached Slack (no connection was made). */
const NEVER_SENT_CAUSES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

const causeCode = (e: Coded & { original?: unknown }): string | null => {
  const original = isObj(e.original) ? e.original : null;
  const cause = original && isObj(original.cause) ? original.cause : null;
  const code = cause?.code ?? original?.code;
  return typeof code === 'string' ? code : null;
};

/**
 * Whether a failed call may have been carried out anyway: a timeout or dropped connection after the
 * request went out, a 5xx, or an `internal_error`-like answer. For a post this means "maybe posted":
 * resending blindly may duplicate it. A refused connection, a 4xx, a rate limit or any other answer
 * from Slack means it was not.
 */
export function mayHaveTakenEffect(err: unknown): boolean {
  const e: Coded & { original?: unknown } = isObj(err) ? err : {};
  switch (e.code) {
    case ErrorCode.RequestError: {
      const cause = causeCode(e);
      return cause === null || !NEVER_SENT_CAUSES.has(cause);
    }
    case ErrorCode.HTTPError:
      return typeof e.statusCode === 'number' && e.statusCode >= 500;
    case ErrorCode.PlatformError: {
      const data = isObj(e.data) ? e.data : {};
      return typeof data.error === 'string' && MAYBE_DONE_CODES.has(data.error);
    }
    default:
      return false;
  }
}

/** A Slack call that failed after the queue's retries; carries the classification. */
export class SlackCallError extends Error {
  override readonly name = 'SlackCallError';
  readonly failure: SlackFailure;
  /** When trying again makes sense (rate limits, transient errors); `null` for permanent ones. */
  readonly retryAt: Instant | null;
  constructor(method: string, failure: SlackFailure, retryAt: Instant | null) {
    super(`Slack ${method} failed: ${failure.code} (${failure.kind})`);
    this.failure = failure;
    this.retryAt = retryAt;
  }
  get retryable(): boolean {
    return this.failure.kind === 'rate_limited' || this.failure.kind === 'transient';
  }
}

/** A call Bolt makes when the app starts failed; `token` names the variable the call was made with. */
export class SlackStartError extends Error {
  override readonly name = 'SlackStartError';
  readonly token: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN';
  constructor(token: SlackStartError['token'], cause: unknown) {
    super(`Slack start with ${token} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.token = token;
  }
}
