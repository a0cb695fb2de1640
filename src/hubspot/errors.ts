import type { SourceLocation } from '../config/types.ts';
import type { Instant, Millis } from '../domain/time.ts';
import { portalTime } from './daily-pause.ts';

export type HubSpotErrorCode =
  | 'HUBSPOT_DAILY_LIMIT'
  | 'HUBSPOT_RATE_LIMIT'
  | 'HUBSPOT_SCOPE'
  | 'HUBSPOT_AUTH'
  | 'HUBSPOT_CONFIG_MISMATCH'
  | 'HUBSPOT_SERVER'
  | 'HUBSPOT_TIMEOUT'
  | 'HUBSPOT_NETWORK'
  | 'HUBSPOT_AMBIGUOUS_WRITE'
  | 'HUBSPOT_MALFORMED_RESPONSE'
  | 'HUBSPOT_REQUEST';

/**
 * Every failure of the HubSpot adapter. `retryable` errors are worth trying again (the adapter already
 * did, within its bounds); permanent ones need a person (token, scopes, configuration).
 */
export abstract class HubSpotError extends Error {
  abstract readonly code: HubSpotErrorCode;
  abstract readonly retryable: boolean;
  /** The adapter operation that failed, e.g. `contacts.search`. */
  readonly operation: string;
  constructor(operation: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.operation = operation;
  }
}

/**
 * The account's daily API budget is spent: no call until `resumeAt` (the portal's midnight) unless
 * the probe at `nextProbeAt` finds HubSpot serving again; alert admins, keep state.
 */
export class HubSpotDailyLimitError extends HubSpotError {
  override readonly name = 'HubSpotDailyLimitError';
  readonly code = 'HUBSPOT_DAILY_LIMIT';
  readonly retryable = false;
  readonly resumeAt: Instant;
  /** The portal's time zone, in which `resumeAt` is midnight. */
  readonly zone: string;
  /** When HubSpot is asked again whether calls are allowed (a raised limit ends the pause early). */
  readonly nextProbeAt: Instant;
  constructor(operation: string, resumeAt: Instant, pause: { zone?: string; nextProbeAt?: Instant } = {}) {
    const zone = pause.zone ?? 'UTC';
    super(
      operation,
      `HubSpot daily API limit reached (${operation}); calls paused until midnight portal time, ` +
        `${portalTime(resumeAt, zone)} = ${new Date(resumeAt).toISOString()}, or until HubSpot allows them ` +
        'again. Other integrations share this budget: check Settings → Integrations → Private apps → API usage.',
    );
    this.resumeAt = resumeAt;
    this.zone = zone;
    this.nextProbeAt = pause.nextProbeAt ?? resumeAt;
  }
}

/** A burst (`TEN_SECONDLY_ROLLING`) or search (`SECONDLY`) limit: wait `retryAfter` and try again. */
export class HubSpotRateLimitError extends HubSpotError {
  override readonly name = 'HubSpotRateLimitError';
  readonly code = 'HUBSPOT_RATE_LIMIT';
  readonly retryable = true;
  readonly policy: string;
  readonly retryAfter: Millis;
  constructor(operation: string, policy: string, retryAfter: Millis) {
    super(operation, `HubSpot rate limit ${policy} hit (${operation}); retry after ${retryAfter} ms`);
    this.policy = policy;
    this.retryAfter = retryAfter;
  }
}

/** The private app lacks a scope. The message names it and where to add it. */
export class HubSpotScopeError extends HubSpotError {
  override readonly name = 'HubSpotScopeError';
  readonly code = 'HUBSPOT_SCOPE';
  readonly retryable = false;
  /** Scopes that would allow the call (HubSpot's list when it sends one, else the one we know it needs). */
  readonly scopes: readonly string[];
  constructor(operation: string, scopes: readonly string[]) {
    super(
      operation,
      `HubSpot private app is missing the scope ${scopes.map((s) => `'${s}'`).join(' or ')} (needed for ${operation}). ` +
        'Add it in HubSpot → Settings → Integrations → Private apps → Scopes, then update the token (see docs/hubspot.md).',
    );
    this.scopes = scopes;
  }
}

/** 401: the token is invalid, expired or revoked. */
export class HubSpotAuthError extends HubSpotError {
  override readonly name = 'HubSpotAuthError';
  readonly code = 'HUBSPOT_AUTH';
  readonly retryable = false;
  constructor(operation: string) {
    super(
      operation,
      `HubSpot rejected the access token (${operation}). Check HUBSPOT_ACCESS_TOKEN: it must be the private app's current token.`,
    );
  }
}

export interface ConfigMismatch {
  /** Where in the SLA file the value was written (`null` when the resolved config carries no location). */
  readonly at: SourceLocation | null;
  readonly message: string;
  /** Values that do exist in the portal, as `value (label)`. */
  readonly existing: readonly string[];
}

/** The SLA file names stages or properties the portal does not have. One line per problem. */
export class HubSpotConfigMismatchError extends HubSpotError {
  override readonly name = 'HubSpotConfigMismatchError';
  readonly code = 'HUBSPOT_CONFIG_MISMATCH';
  readonly retryable = false;
  readonly problems: readonly ConfigMismatch[];
  constructor(file: string, problems: readonly ConfigMismatch[]) {
    super(
      'verify',
      `The SLA file does not match the HubSpot portal:\n${problems.map((p) => `  ${formatMismatch(file, p)}`).join('\n')}`,
    );
    this.problems = problems;
  }
}

export const formatMismatch = (file: string, p: ConfigMismatch): string => {
  const where = p.at ? `${p.at.file}:${p.at.line}:${p.at.col}` : file;
  const existing = p.existing.length > 0 ? ` Existing values: ${p.existing.join(', ')}.` : '';
  return `${where}: ${p.message}.${existing}`;
};

/** 5xx (and 408): HubSpot had a problem; retried with backoff. */
export class HubSpotServerError extends HubSpotError {
  override readonly name = 'HubSpotServerError';
  readonly code = 'HUBSPOT_SERVER';
  readonly retryable = true;
  readonly status: number;
  constructor(operation: string, status: number, detail: string) {
    super(operation, `HubSpot answered ${status} (${operation}): ${detail}`);
    this.status = status;
  }
}

export class HubSpotTimeoutError extends HubSpotError {
  override readonly name = 'HubSpotTimeoutError';
  readonly code = 'HUBSPOT_TIMEOUT';
  readonly retryable = true;
  constructor(operation: string, after: Millis) {
    super(operation, `HubSpot did not answer within ${after} ms (${operation})`);
  }
}

export class HubSpotNetworkError extends HubSpotError {
  override readonly name = 'HubSpotNetworkError';
  readonly code = 'HUBSPOT_NETWORK';
  readonly retryable = true;
  constructor(operation: string, cause: unknown) {
    super(operation, `Could not reach HubSpot (${operation}): ${describe(cause)}`, { cause });
  }
}

/**
 * A write that is not safe to send twice (a create) failed in a way that leaves open whether HubSpot
 * carried it out (5xx, time-out, dropped connection, unreadable 2xx). The gateway does not resend it;
 * the caller finds out (looks for what it created) before trying again. `retryable`: a later attempt
 * that looks first is safe.
 */
export class HubSpotAmbiguousWriteError extends HubSpotError {
  override readonly name = 'HubSpotAmbiguousWriteError';
  readonly code = 'HUBSPOT_AMBIGUOUS_WRITE';
  readonly retryable = true;
  constructor(operation: string, cause: HubSpotError) {
    super(
      operation,
      `HubSpot may or may not have carried out ${operation} (${cause.message}); not sent again without checking first`,
      { cause },
    );
  }
}

/** A 2xx whose body is not what the endpoint returns (proxy page, truncated JSON): retried, then fatal for the cycle. */
export class HubSpotMalformedResponseError extends HubSpotError {
  override readonly name = 'HubSpotMalformedResponseError';
  readonly code = 'HUBSPOT_MALFORMED_RESPONSE';
  readonly retryable = true;
  constructor(operation: string, detail: string, cause?: unknown) {
    super(operation, `HubSpot sent an unexpected response (${operation}): ${detail}`, { cause });
  }
}

/** Any other 4xx: our request is wrong for this portal; retrying will not help. */
export class HubSpotRequestError extends HubSpotError {
  override readonly name = 'HubSpotRequestError';
  readonly code = 'HUBSPOT_REQUEST';
  readonly retryable = false;
  readonly status: number;
  readonly category: string | null;
  constructor(operation: string, status: number, category: string | null, detail: string) {
    super(operation, `HubSpot refused ${operation} (${status}${category ? ` ${category}` : ''}): ${detail}`);
    this.status = status;
    this.category = category;
  }
}

const describe = (cause: unknown): string => {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
};
